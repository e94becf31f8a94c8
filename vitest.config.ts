import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Finds or starts the PostgreSQL server integration tests create their databases on.
    globalSetup: ["tests/global-setup.ts"],
  },
});
