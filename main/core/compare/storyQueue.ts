/**
 * Stories follow imports: after every import that added articles, the core
 * places them into stories (an incremental clustering run), whichever host
 * drives it (app, web host, CLI). Runs one at a time; imports that finish
 * during a run ask for one more run after it, never one each.
 */
export interface StoryQueue {
  /** Asks for a run (called by the import service when articles were added). */
  request(): void;
  /** Resolves when no run is under way or asked for. */
  idle(): Promise<void>;
  /** Cancels a run under way and waits for it to stop. */
  close(): Promise<void>;
}

export function createStoryQueue(
  run: (signal: AbortSignal) => Promise<unknown>,
  onError: (error: unknown) => void,
): StoryQueue {
  const controller = new AbortController();
  let current: Promise<void> | null = null;
  let again = false;
  const start = (): void => {
    current = (async () => {
      do {
        again = false;
        try {
          await run(controller.signal);
        } catch (error) {
          if (!controller.signal.aborted) onError(error);
        }
      } while (again && !controller.signal.aborted);
    })().finally(() => {
      current = null;
    });
  };
  return {
    request() {
      if (controller.signal.aborted) return;
      if (current) again = true;
      else start();
    },
    async idle() {
      while (current) await current;
    },
    async close() {
      controller.abort();
      await current;
    },
  };
}
