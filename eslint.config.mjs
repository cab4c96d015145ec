// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'static/*/dist/**', 'src/preview/page/dist/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The engine is pure: it runs in Forge functions, the CLI and the browser.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'os', 'child_process', 'http', 'https', 'crypto', 'util', 'stream', 'events', 'buffer', 'url', 'zlib', 'worker_threads'].map((name) => ({
            name,
            message: 'src/core stays pure: no Node built-ins.',
          })),
          patterns: [
            { group: ['node:*'], message: 'src/core stays pure: no Node built-ins.' },
            { group: ['@forge/*'], message: 'src/core stays pure: no Forge.' },
            { group: ['**/cli/**', '**/jira/**', '**/forge/**', '**/preview/**'], message: 'Arrows point one way: core imports nothing of the other layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'fetch'],
    },
  },
  {
    // The Custom UI talks to the backend through the contract only (ARCHITECTURE.md): values from
    // src/contract/ui (the UI-safe part of the engine) and src/contract/keys, types from any module
    // of the contract, and the report view it shares with the HTML renderer (src/render/view).
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!contract(/|$)|render/view/)',
              message: 'The Custom UI imports src/ only through src/contract (values from contract/ui and contract/keys) and the shared report view src/render/view.',
            },
            {
              regex: '(^|/)src/contract(/(index|panel|report|settings|envelope))?$',
              allowTypeImports: true,
              message: 'Import values from src/contract/ui or src/contract/keys: the other contract modules hold zod schemas, which would enter the bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    // The report view is shared by the report page and the HTML renderer: React and the UI-safe
    // contract only, so the Custom UI can bundle it.
    files: ['src/render/view/**/*.ts', 'src/render/view/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '@forge/*', 'react-dom/server'], message: 'src/render/view runs in the browser: no Node, no Forge, no server rendering.' },
            {
              regex: '(^|/)(core|app|jira|cli|preview|forge)(/|$)|(^|/)contract/(?!ui$)|^(\\.\\./)+(html|html-style|model|markdown|json|index)$',
              message: 'src/render/view imports React and src/contract/ui only (and its own files).',
            },
          ],
        },
      ],
    },
  },
);
