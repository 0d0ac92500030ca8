import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Some start ESLint or Next's proxy: seconds each on a busy 2-core CI machine.
          testTimeout: 30_000,
          // next-intl's ESM imports "next/server" without an extension, which only Vite resolves.
          server: { deps: { inline: ["next-intl"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          setupFiles: ["tests/api/setup.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { LOG_LEVEL: "silent" },
        },
      },
      {
        resolve: { alias },
        test: {
          // Faults (issue 17): each file starts its own PostgreSQL, Redis or server and breaks it.
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One at a time: each file runs servers and databases of its own on a small machine.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Several server processes on one PostgreSQL and one Redis (issue 17): a CI stage of its
          // own, skipped without DATABASE_URL and REDIS_URL.
          name: "instances",
          include: ["tests/instances/**/*.test.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
