/**
 * Browser tests (`npm run test:e2e`): the preview host with the production bundles, driven in
 * Debian's Chromium through playwright-core. Serial and slow on purpose: one host, one browser.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
  transform: {
    '^.+\\.ts$': 'ts-jest',
  },
};
