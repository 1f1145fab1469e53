/**
 * Opening the app waits for the list's first rows; the sidebar's counts and
 * names can come a moment later. All of them go to one core that answers
 * one library query at a time, and over a browser's six connections to a
 * host, so calls that can wait start once the list's first page has
 * answered (or failed), or after `MAX_WAIT_MS` whatever happens.
 */
const MAX_WAIT_MS = 4000;

let open: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  open = resolve;
});
setTimeout(() => open(), MAX_WAIT_MS);

/** The list's first page answered (or failed): the calls held back go now. */
export function firstRowsShown(): void {
  open();
}

/** Runs `call` once the list's first rows are in (at once after that). */
export function afterFirstRows<T>(call: () => Promise<T>): Promise<T> {
  return shown.then(call);
}
