/** ts-jest in the node environment; type checking is done once by `tsc --noEmit` in `npm test`. */

// Tests must not depend on the machine's zone: pin one far from the programme's Europe/Moscow, so
// code that formats or builds dates in the host zone instead of the script's or the spreadsheet's
// fails here. Set before jest starts its workers, which inherit it.
process.env.TZ = 'America/Los_Angeles';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', target: 'ES2020', esModuleInterop: true, resolveJsonModule: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(linear-sum-assignment|ml-|is-any-array|ml-spectra-processing|cheminfo-types)/)'],
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  testTimeout: 60000,
  // Jest's default on a 2-core machine is one worker; two halve the wall time of a suite whose files
  // each run single-threaded emulator work.
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/global-setup.cjs',
};
