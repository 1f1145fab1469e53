import { defineConfig } from 'vitest/config';

// Two projects: fast in-process tests (unit + contract against the services)
// and end-to-end tests that start real hosts and a real browser.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'common/**/*.test.ts',
            'main/**/*.test.ts',
            'preload/**/*.test.ts',
            'renderer/**/*.test.ts',
            'tests/contract/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'tests/fault/**/*.test.ts',
            'tests/packaging/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Finds or installs the browser once, before any file (see browserLookup.ts).
          globalSetup: ['tests/support/e2eSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser at a time on a 2-core machine keeps timings honest.
          fileParallelism: false,
          // expect.poll's 1 s default measures the machine's load, not the
          // app: opening a long Arabic article took longer than that on CI
          // (a 'j' that did open the article failed the test).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
