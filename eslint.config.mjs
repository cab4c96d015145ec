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
);
