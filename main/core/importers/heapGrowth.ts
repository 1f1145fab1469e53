/**
 * While an import runs, every V8 heap of the process (the main thread's, the
 * parser threads') may grow to about 1.5 times what its last full
 * collection kept, instead of V8's own rule, which lets a heap that
 * allocates fast grow up to 4 times that. An import allocates fast and keeps
 * little: the parser thread keeps about 20 MB between parts yet its heap
 * reached 100-137 MB; the main thread kept 50-60 MB in heaps of 140-185 MB.
 * The limit is a V8 flag read at each full collection, so it applies from
 * the next one on and is lifted when the last running import ends.
 */
import { setFlagsFromString } from 'node:v8';

/** Percent a heap may grow over what its last full collection kept, while an import runs (see README, "Decisions"). */
export const IMPORT_HEAP_GROWING_PERCENT = 50;

let running = 0;

/** Bounds heap growth until the returned function is called (imports may overlap: the last one to end lifts it). */
export function boundHeapGrowth(): () => void {
  if (running++ === 0) setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
  let lifted = false;
  return () => {
    if (lifted) return;
    lifted = true;
    // 0 is V8's default: its own growth rule again.
    if (--running === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
