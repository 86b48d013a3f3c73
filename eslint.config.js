// `npm run lint`: typescript-eslint with type information, so a promise that is neither awaited
// nor handed to something that handles it, or a switch that forgets a case, fails the build.
// No --cache: ESLint's cache does not know a file's type dependencies, so a change in one
// file could leave stale answers for the files that import it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "server/store/generated/",
      "server/store/generated/",
      "test-results/",
      "playwright-report/",
      "e2e/artifacts/",
      "next-env.d.ts",
      "data/",
      "scratch/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // An async method that does not await still keeps its interface's Promise shape and
      // turns a throw into a rejection, which is what the callers handle.
      "@typescript-eslint/require-await": "off",
      // contract/zod.ts configures zod for the page's CSP before any schema exists.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "import { z } from contract/zod.ts (it keeps zod eval-free in the browser)" },
          ],
        },
      ],
    },
  },
  {
    files: ["contract/zod.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Tests, benchmarks and browser specs read untyped JSON answers on purpose: they check
    // the wire, not a type the server promised.
    files: ["test/**", "e2e/**", "bench/**", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: { window: "readonly", document: "readonly", localStorage: "readonly" } },
  },
  {
    files: ["scripts/**/*.mjs", "*.config.js", "next.config.js"],
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
  },
);
