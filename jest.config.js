/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  setupFiles: ['<rootDir>/test/support/isolated-cache.ts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real package
    // pulls an ESM-only dependency that Jest on Node 20 cannot load (TOOLCHAIN.md).
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.js',
  },
};
