import { defineConfig } from "vitest/config";

export default defineConfig({
  // src/typescript.cts is CommonJS TypeScript (see there); Vite transforms only .ts/.mts by default.
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
