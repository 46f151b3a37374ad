/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^@songnodes/contracts$': '<rootDir>/../contracts/src/index.ts' },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  testTimeout: 120000,
};
