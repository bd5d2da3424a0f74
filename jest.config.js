/**
 * Tests are transpiled only (swc); `tsc --noEmit` type-checks once as its own step of `npm test`.
 * A type-checking transform costs ~44 s and 3.8 GB per file on this machine (performance-notes.md).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2020" }, module: { type: "commonjs" } }],
  },
  // Examples import the package by name, as users do.
  moduleNameMapper: {
    "^cdktf-defender-for-containers$": "<rootDir>/lib/index.ts",
    "^cdktf-defender-for-containers/(.*)$": "<rootDir>/lib/$1/index.ts",
  },
  moduleFileExtensions: ["ts", "js", "json"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // Provider schemas (lib/testing/schema) are derived and cached once per package version, here.
  globalSetup: "<rootDir>/test/global-setup.ts",
  // Two cores: one worker per core, and recycle workers that grow (cdktf providers are large).
  maxWorkers: 2,
  workerIdleMemoryLimit: "1GB",
};
