import type { Config } from 'jest';

// One config for all three tiers (unit, integration, end-to-end): every test
// file sits beside its code as *.test.ts, and integration tests get a
// throwaway database cloned from a template migrated once per run.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/packages', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  reporters: ['default', '<rootDir>/test/plain-summary-reporter.cjs'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30_000,
  // Integration tests share one Postgres and one Redis; two workers keep the
  // machine's two cores busy without starving the services.
  maxWorkers: 2,
};

export default config;
