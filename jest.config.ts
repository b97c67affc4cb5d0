import type { Config } from 'jest';

const transform: Config['transform'] = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  // The dashboard's plain ES modules, so unit tests can import their pure functions.
  '^.+/apps/web/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
};

// Two tiers, told apart by file name so that a new test lands in the right
// one without editing this file:
// - unit: every `*.test.ts` beside the code under apps/ and packages/. Pure,
//   no Postgres, Redis, child process or browser; `npm run test:unit`.
// - integration: `*.int.test.ts` beside the code, and everything under test/
//   (end-to-end, browser, abuse, scale ...). These get a throwaway database
//   cloned from a template that global setup migrates once per run.
// Jest runs a project's global setup only when that project has tests to run,
// so `jest packages/core` or `--selectProjects unit` needs no services.
const config: Config = {
  reporters: ['default', '<rootDir>/test/plain-summary-reporter.cjs'],
  // A global option: jest ignores it inside a project.
  testTimeout: 30_000,
  // Integration tests share one Postgres and one Redis; two workers keep the
  // machine's two cores busy without starving the services.
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/packages'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/packages', '<rootDir>/test'],
      testMatch: ['**/*.int.test.ts', '<rootDir>/test/**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};

export default config;
