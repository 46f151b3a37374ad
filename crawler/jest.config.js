const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    '^@songnodes/contracts$': '<rootDir>/../contracts/src/index.ts',
    '^@songnodes/parsing$': '<rootDir>/../parsing/src/index.ts',
  },
};

/** Unit tests (pure, beside the code and in test/) need nothing; integration tests get a fresh PostgreSQL database. */
/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/test'], testPathIgnorePatterns: ['/test/integration/'] },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
    },
  ],
};
