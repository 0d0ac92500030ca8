import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering of STYLE.md, enforced: app -> lib/sdk -> (lib/api -> services) -> lib/db.
const serverOnly = [
  {
    group: ["@/lib/db", "@/lib/db/*"],
    message: "Pages and components call lib/sdk, never the database.",
  },
  {
    group: ["@/lib/api", "@/lib/api/*"],
    message: "Pages and components call lib/sdk, not the API internals.",
  },
  {
    group: ["@/lib/*/service", "@/lib/*/schema", "@/lib/*/routes"],
    message: "Rules live behind the Store API: use lib/sdk.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "lib/db/migrations/**",
    ],
  },
  {
    files: ["app/**", "components/**", "lib/sdk/**", "lib/i18n/**", "proxy.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnly }] },
  },
  {
    files: ["lib/*/service.ts", "lib/*/service/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["hono", "hono/*", "@/lib/*/routes", "next", "next/*"],
              message: "Services never see HTTP.",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
];

export default config;
