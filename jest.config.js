/** Jest runs TypeScript sources directly through SWC as native ES modules. */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions],
    // An ES module that a CommonJS dependency (@fastify/static) requires: Node 20 allows that,
    // Jest's module loader does not, so Jest gets it compiled to CommonJS.
    'node_modules/content-disposition/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^#apps/(.*)$': '<rootDir>/apps/$1/src/index.ts',
    '^#workflows$': '<rootDir>/workflows/src/index.ts',
    '^#workflows/(.*)$': '<rootDir>/workflows/src/$1.ts',
    '^#activities$': '<rootDir>/activities/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,workflows,activities,test}/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tools/', '<rootDir>/data/'],
  testTimeout: 60_000,
  // Each test file loads its modules into a fresh VM context (native ES modules), and the process
  // keeps part of every one: over the whole suite one process outgrew the default heap and spent
  // most of its time collecting. A worker that grows past this after a file is replaced (which
  // also makes Jest use a worker process when the machine has one core to spare).
  workerIdleMemoryLimit: '1536MB',
};
