/**
 * Two tiers (`npm run test:unit` / `npm run test:integration`; `npm test` runs both):
 * - unit: src/**\/*.test.ts beside the code, no database, no network, seconds;
 * - integration: test/**, against the real PostgreSQL and Neo4j that test/global-setup.mjs prepares.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@songnodes/contracts$': '<rootDir>/../contracts/src/index.ts',
    '^@songnodes/parsing$': '<rootDir>/../parsing/src/index.ts',
  },
};

module.exports = {
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src'] },
    { ...shared, displayName: 'integration', roots: ['<rootDir>/test'], globalSetup: '<rootDir>/test/global-setup.mjs' },
  ],
};
