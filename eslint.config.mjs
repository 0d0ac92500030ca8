import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

import { readdirSync } from "node:fs";

// The layering of docs/architecture.md ("Layers"), enforced: app -> lib/sdk -> (lib/api ->
// services) -> lib/db. Admin code (app, components, lib/admin) reaches rules through lib/sdk only.
const adminOnly = [
  {
    group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"],
    message: "Admin code calls lib/sdk, never the database.",
  },
  {
    group: ["@/lib/api", "@/lib/api/*", "@/lib/api/**", "**/lib/api/*"],
    message: "Admin code calls lib/sdk, not the Store API's internals.",
  },
  {
    group: [
      "@/lib/*/service",
      "@/lib/*/service/**",
      "@/lib/*/schema",
      "@/lib/*/routes",
      "**/lib/*/service",
      "**/lib/*/schema",
      "**/lib/*/routes",
    ],
    message: "Rules and tables live behind the Store API: use lib/sdk.",
  },
];

/**
 * A module reads only its own tables, plus these (docs/architecture.md, "Layers"). Every module
 * may read tenants and users (each row belongs to a store and names a person).
 */
const SHARED_TABLES = ["tenants", "users"];
const FOREIGN_TABLES = {
  audit: ["api-keys"], // names the API key that acted
  auth: ["audit"], // sign-in failures are audited in the login transaction
  jobs: ["api", "auth"], // maintenance prunes idempotency keys and spent refresh tokens
  // An invoice freezes its order's lines and totals, in the transaction that made the order paid.
  invoices: ["orders"],
  orders: ["products", "api-keys"], // order lines reference products; names the key that acted
  payments: ["orders"], // a payment references its order (changes go through the orders service)
  users: ["auth"], // deactivating someone revokes their refresh tokens
  webhooks: ["events"], // the webhooks module delivers the outbox
};
/** Not modules: the database (its schema index re-exports every table), demo data, admin, SDK. */
const NOT_MODULES = new Set(["db", "demo", "admin", "sdk"]);
const modules = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !NOT_MODULES.has(e.name))
  .map((e) => e.name);

const noHttpInServices = {
  group: ["hono", "hono/*", "@/lib/*/routes", "next", "next/*"],
  message: "Services never see HTTP.",
};

/** The same, for single files whose job is to read across modules. */
const FOREIGN_TABLES_BY_FILE = {
  // The store export reads every row its store holds, a page at a time, into one archive.
  "lib/tenants/export.ts": ["audit", "api-keys", "webhooks", "products", "orders"],
  // Making a store is audited in its transaction; the operator's list counts products and orders.
  "lib/tenants/stores.ts": ["audit", "products", "orders"],
};

function tablesPattern(name, extra = []) {
  const allowed = [...new Set([name, ...SHARED_TABLES, ...(FOREIGN_TABLES[name] ?? []), ...extra])];
  return {
    group: [
      "@/lib/*/schema",
      "../*/schema",
      "../../*/schema",
      ...allowed.flatMap((m) => [`!@/lib/${m}/schema`, `!../${m}/schema`, `!../../${m}/schema`]),
    ],
    message: `lib/${name} may not read another module's tables: call its service, or add the table to FOREIGN_TABLES in eslint.config.mjs with the reason.`,
  };
}

function moduleRules(name) {
  const tables = tablesPattern(name);
  return [
    {
      files: [`lib/${name}/**`],
      rules: { "no-restricted-imports": ["error", { patterns: [tables] }] },
    },
    {
      files: [`lib/${name}/service.ts`, `lib/${name}/service/**`],
      rules: { "no-restricted-imports": ["error", { patterns: [tables, noHttpInServices] }] },
    },
  ];
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "dist/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "lib/db/migrations/**",
      ".sdk-pack/**",
    ],
  },
  {
    files: ["app/**", "components/**", "lib/admin/**", "lib/sdk/**", "proxy.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: adminOnly }] },
  },
  ...modules.flatMap(moduleRules),
  ...Object.entries(FOREIGN_TABLES_BY_FILE).map(([file, extra]) => ({
    files: [file],
    rules: {
      "no-restricted-imports": ["error", { patterns: [tablesPattern(file.split("/")[1], extra)] }],
    },
  })),
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
