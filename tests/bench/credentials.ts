/**
 * The credentials the product-list benchmarks call with (a user's access token, an API key, an
 * installed app's signed account token), the seeding that makes them, and one store of products
 * to call for: tests/bench/auth-paths.ts and `npm run bench` (tests/bench/run.ts) share these.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto";
import { APP_HEADERS } from "@/lib/apps/headers";
import { appInstalls, apps, developers } from "@/lib/apps/schema";
import { newDeveloperCredential, signToken } from "@/lib/apps/signing";
import { apiKeys } from "@/lib/api-keys/schema";
import { displayParts, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import { measure, ownerAccessToken, seedProductStore } from "./product-store";

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
export const ENCRYPTION_KEY = randomBytes(32);

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

/**
 * One store ("bench") of `count` products, the owner's read-only key and an installed app, in a
 * fresh database; returns what the server needs in its environment to check them.
 */
export async function seedCredentialStore(
  target: { url?: string; dataDir?: string },
  count: number,
) {
  const apiKey = generateApiKey();
  let app: Credentials["app"] | undefined;
  await seedProductStore(target, count, async (db, ids) => {
    await insertKey(db, ids, apiKey);
    app = await insertApp(db, ids);
  });
  return {
    /** The owner signs in once the server listens on `port`. */
    credentials: async (port: number): Promise<Credentials> => ({
      accessToken: await ownerAccessToken(port),
      apiKey,
      app: app!,
    }),
    env: { ENCRYPTION_KEY: ENCRYPTION_KEY.toString("base64") },
  };
}

/** Each of AUTH_PATHS against `page`, one after the other; a credential that fails stops the run. */
export async function measureAuthPaths(
  page: string,
  credentials: Credentials,
  load: { connections: number; seconds: number },
) {
  const rows = [];
  for (const path of AUTH_PATHS) {
    const headers = path.headers(credentials);
    const probe = await fetch(page, { headers });
    if (!probe.ok) throw new Error(`${path.label}: ${probe.status} ${await probe.text()}`);
    rows.push({ label: path.label, ...(await measure(page, headers, load)) });
  }
  return rows;
}
