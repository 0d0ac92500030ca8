/**
 * What each way of authenticating costs on one read: GET /api/v1/store/products?limit=20 in a
 * store of 1,000 products, each credential against the same server, one after the other:
 *   npx tsx tests/bench/auth-paths.ts     (BENCH_SECONDS=8 BENCH_ONLY=pglite|postgres)
 * Prints a markdown table; docs/benchmarks.md ("Authentication paths") keeps the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto";
import { APP_HEADERS } from "@/lib/apps/headers";
import { appInstalls, apps, developers } from "@/lib/apps/schema";
import { newDeveloperCredential, signToken } from "@/lib/apps/signing";
import { apiKeys } from "@/lib/api-keys/schema";
import { displayParts, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import {
  benchSettings,
  measure,
  ownerAccessToken,
  seedProductStore,
  withPostgresDatabase,
  withServer,
} from "./product-store";

const { products: COUNT, load: LOAD, only: ONLY } = benchSettings({ products: 1_000, seconds: 8 });
const PORT = 3310;
const PAGE = `http://127.0.0.1:${PORT}/api/v1/store/products?limit=20`;

/** What the seeding made and the server handed out; each auth path builds its headers from it. */
export interface Credentials {
  accessToken: string;
  apiKey: string;
  /** A third-party app installed in the store, its account token signed (docs/apps.md). */
  app: { developerRef: string; appRef: string; signedAccountToken: string };
}

export interface AuthPath {
  label: string;
  headers: (credentials: Credentials) => Record<string, string>;
}

/** The measured paths, in order: another credential (an app's signed headers) is one more entry. */
export const AUTH_PATHS: AuthPath[] = [
  {
    label: "user access token (JWT)",
    headers: (c) => ({ "x-tenant-id": "bench", authorization: `Bearer ${c.accessToken}` }),
  },
  {
    label: "API key",
    headers: (c) => ({ "x-tenant-id": "bench", authorization: `Bearer ${c.apiKey}` }),
  },
  {
    label: "app (signed account token)",
    headers: (c) => ({
      "x-tenant-id": "bench",
      [APP_HEADERS.developerRef]: c.app.developerRef,
      [APP_HEADERS.appRef]: c.app.appRef,
      [APP_HEADERS.accountToken]: c.app.signedAccountToken,
    }),
  },
];

/** The server seals secrets with this key; the seeding seals the app's with it too. */
const ENCRYPTION_KEY = randomBytes(32);

/** A developer, its app and the app's install in the bench store, as the apps service stores them. */
async function insertApp(db: Db, ids: { tenantId: string }): Promise<Credentials["app"]> {
  const secret = newDeveloperCredential();
  const unsigned = randomUUID();
  const [developer] = await db
    .insert(developers)
    .values({
      ref: "bench-dev",
      name: "Bench",
      email: "dev@bench.test",
      secretSealed: encryptSecret(ENCRYPTION_KEY, secret),
      tokenSealed: encryptSecret(ENCRYPTION_KEY, newDeveloperCredential()),
    })
    .returning();
  const [app] = await db
    .insert(apps)
    .values({
      developerId: developer!.id,
      ref: "bench-app",
      nameEn: "Bench",
      nameAr: "اختبار",
      installCallbackUrl: "https://apps.bench.test/installed",
      scopes: ["products:read"],
    })
    .returning();
  await db.insert(appInstalls).values({
    appId: app!.id,
    tenantId: ids.tenantId,
    accountTokenSealed: encryptSecret(ENCRYPTION_KEY, unsigned),
    scopes: ["products:read"],
  });
  return {
    developerRef: "bench-dev",
    appRef: "bench-app",
    signedAccountToken: signToken(secret, unsigned),
  };
}

/** The owner's read-only key, inserted as the API keys service would store it. */
async function insertKey(db: Db, ids: { tenantId: string; ownerId: string }, key: string) {
  await db.insert(apiKeys).values({
    tenantId: ids.tenantId,
    name: "bench",
    keyHash: hashApiKey(key),
    ...displayParts(key),
    scopes: ["products:read"],
    createdBy: ids.ownerId,
  });
}

async function bench(database: string, target: { url?: string; dataDir?: string }) {
  const apiKey = generateApiKey();
  const started = performance.now();
  let app: Credentials["app"] | undefined;
  await seedProductStore(target, COUNT, async (db, ids) => {
    await insertKey(db, ids, apiKey);
    app = await insertApp(db, ids);
  });
  console.error(`${database}: seeded in ${Math.round(performance.now() - started)} ms`);
  const env = {
    DATA_DIR: target.dataDir ?? "",
    ENCRYPTION_KEY: ENCRYPTION_KEY.toString("base64"),
    ...(target.url && { DATABASE_URL: target.url }),
  };
  return withServer("api", env, PORT, async () => {
    const credentials = { accessToken: await ownerAccessToken(PORT), apiKey, app: app! };
    const rows = [];
    for (const path of AUTH_PATHS) {
      const headers = path.headers(credentials);
      const probe = await fetch(PAGE, { headers });
      if (!probe.ok) throw new Error(`${path.label}: ${probe.status} ${await probe.text()}`);
      rows.push({ database, label: path.label, ...(await measure(PAGE, headers, LOAD)) });
    }
    return rows;
  });
}

const results = [];
const dataDir = mkdtempSync(path.join(tmpdir(), "bs-bench-auth-"));
try {
  // PGlite first: its data directory must be empty when it is created.
  if (ONLY !== "postgres") results.push(...(await bench("pglite", { dataDir })));
  if (ONLY !== "pglite") {
    const rows = await withPostgresDatabase("bs_bench_auth", (url) =>
      bench("postgres", { url, dataDir }),
    );
    results.push(...(rows ?? []));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\n${COUNT} products, 20 per page, ${LOAD.connections} connections, ${LOAD.seconds} s per run, ${new Date().toISOString()}\n`,
);
console.log("| database | credential | requests/s | p99 ms | errors |");
console.log("|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.database} | ${r.label} | ${r.rps} | ${r.p99} | ${r.errors} |`);
}
