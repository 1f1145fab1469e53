/**
 * Global setup of the end-to-end project: finds (or, as root on Debian,
 * installs) the browser once, before any end-to-end file starts, and hands
 * its path to the tests (`inject('chromiumPath')`). Where there is none, the
 * run stops here with one line, instead of every file failing to launch it.
 */
import type { TestProject } from 'vitest/node';
import { ensureBrowser } from './browserLookup';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default function setup(project: TestProject): void {
  let path: string;
  try {
    path = ensureBrowser().path;
  } catch (error) {
    // One line and stop: thrown, the error would come after vitest's own
    // "No test files found" and the lists of patterns, as if none matched.
    process.stderr.write(`mizan tests: ${(error as Error).message}\n`);
    process.exit(1);
  }
  project.provide('chromiumPath', path);
}
