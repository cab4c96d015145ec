/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Generous: CI machines are shared. Speed is measured in `npm run bench`, never asserted here.
  testTimeout: 60_000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    // Type-checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles.
    '^.+\\.tsx?$': 'ts-jest',
  },
};
