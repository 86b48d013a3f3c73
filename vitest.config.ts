import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          // No network, no database server: fakes at the seam or an in-memory store. Anything that
          // starts a server or opens a database belongs in test/integration/.
          include: ["domain/**/*.test.ts", "contract/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own server and database; two cores, so keep it modest.
          maxWorkers: 2,
        },
      },
    ],
  },
});
