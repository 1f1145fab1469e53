// Layering, after VS Code's code-layering rule: folder names say where code
// runs, and an import across layers is a lint error.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'zlib',
  'url',
  'util',
  'net',
  'stream',
];

// The core's own restriction; a later block for a core folder replaces the rule (flat config does not merge a
// rule's options), so the workers block repeats these two entries by name.
const coreElectron = {
  name: 'electron',
  message: 'main/core runs in any Node process: only main/electron may import electron.',
};
const coreHosts = {
  group: ['**/electron/**', '**/web/**', '**/cli/**', '**/renderer/**'],
  message: 'main/core must not depend on a host or the renderer.',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'bench/results/**', 'release/**', 'node_modules/**', 'test-results/**', '**/*.js', '**/*.cjs'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [coreElectron],
          patterns: [coreHosts],
        },
      ],
    },
  },
  {
    // At run time the core reads only errors.ts and defaults.ts of the contract, so loading it never builds
    // the zod schemas; the rest it takes with `import type`. The dispatcher (rpc.ts) routes every method
    // and tests build clients: both need the assembled list.
    files: ['main/core/**/*.ts'],
    ignores: ['main/core/rpc.ts', 'main/core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Any file of preload/contract (the index included) but errors.ts and defaults.ts.
              regex: '/preload/contract(?:/(?!(?:errors|defaults)$)[^/]+)?$',
              allowTypeImports: true,
              message:
                'the core takes only errors.ts and defaults.ts from the contract at run time: `import type` the rest.',
            },
          ],
        },
      ],
    },
  },
  {
    // The worker pool sits below every job of the core: Node and the contract only, nothing of the core.
    files: ['main/core/workers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [coreElectron],
          patterns: [
            coreHosts,
            {
              regex: '^\\.\\./(?!\\.\\./\\.\\./preload/contract(?:/[a-z]+)?$)',
              message: 'main/core/workers imports nothing of the core above it (Node and the contract only).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/cli/**/*.ts', 'main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'only main/electron may import electron.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks to the contract only (window.mizan or HTTP).' }],
          patterns: [
            { group: nodeBuiltins, message: 'the renderer runs sandboxed in a browser: no Node modules.' },
            { group: ['**/main/**'], message: 'the renderer imports only preload/contract.' },
          ],
        },
      ],
    },
  },
  {
    // Rules shared by the core and the renderer: pure TypeScript, so they run in Node and in the page alike.
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@internationalized/date$)[^.]',
              message:
                'common/ is pure TypeScript: no package (but the calendars of @internationalized/date), Node module or electron.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/bench/**', '**/tests/**'],
              message: 'common/ imports only common/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract/**/*.ts', 'preload/channels.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the contract is shared with the renderer and the core.' }],
          patterns: [{ group: nodeBuiltins, message: 'the contract must run in a browser too.' }],
        },
      ],
    },
  },
);
