import { randomBytes } from "node:crypto";
import pg from "pg";
import { createApi } from "@/lib/api/app";
import type { ApiDeps } from "@/lib/api/platform/env";
import { memoryLimiters, type LimiterFactory } from "@/lib/limiter";
import { KeyUsageTracker } from "@/lib/api-keys/service";
import { CredentialCache, credentialCache } from "@/lib/auth/credential-cache";
import type { JobSender, JobsOptions, Jobs } from "@/lib/jobs/queue";
import { startWebhookWorkers } from "@/lib/webhooks/worker";

type WorkerOptions = JobsOptions & { schedule?: number[]; timeoutMs?: number };
import { memoryStorage } from "@/lib/storage";
import type { Mailer } from "@/lib/mail/transport";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase, type Database } from "@/lib/db/client";
import { tenants, type Tenant } from "@/lib/tenants/schema";
import { users, type Role, type User } from "@/lib/users/schema";

/**
 * A Store API on a database of its own: PGlite in memory, or (when DATABASE_URL is set) a fresh
 * PostgreSQL database created for this test file and dropped after it.
 */
export async function openTestDatabase(
  /** A read replica's URL made from the database's own (the same server, another pool). */
  readUrl?: (url: string) => string,
): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({});
    await database.migrate();
    return database;
  }
  const name = `bs_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    url: url.toString(),
    readUrl: readUrl?.(url.toString()),
    poolSize: 5,
  });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

export interface TestApiOptions {
  rateLimitPoints?: number;
  keyRateLimitPoints?: number;
  /** Extra routes for testing middleware; added before the first request builds the router. */
  routes?: (app: ReturnType<typeof createApi>) => void;
  accessTtlSeconds?: number;
  limiters?: LimiterFactory;
  jobs?: JobSender;
  /** The fake providers' addresses (tests/support/fake-*.ts). */
  stripeApiUrl?: string;
  paypalApiUrl?: string;
  providerTimeoutMs?: number;
  /** Outgoing mail (e.g. smtpMailer to tests/support/smtp-capture.ts); mail is off without it. */
  mail?: Mailer;
  /** Verified credentials; a cache of this instance alone (no listener) unless given. */
  credentials?: CredentialCache;
  /** Reads for lists, exports and analytics through Database.read (PostgreSQL only). */
  readUrl?: (url: string) => string;
}

/** The API's dependencies for a test: fresh secret, small limits, a controllable clock. */
export function testDeps(database: Database, options: TestApiOptions = {}) {
  const clock = { now: new Date() };
  const limiters = options.limiters ?? memoryLimiters();
  const config: ApiDeps["config"] = {
    authSecret: randomBytes(32).toString("base64url"),
    accessTokenTtlSeconds: options.accessTtlSeconds ?? 900,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    bodyLimitBytes: 64 * 1024,
    trustProxy: 0,
    publicUrl: "http://localhost:3000",
    rateLimit: {
      points: options.rateLimitPoints ?? 10_000,
      keyPoints: options.keyRateLimitPoints ?? 10_000,
      windowSeconds: 60,
    },
  };
  const keyUsage = new KeyUsageTracker(database.db, 0);
  const deps: ApiDeps = {
    db: database.db,
    readDb: database.read,
    dbKind: database.kind,
    config,
    limiters: {
      api: limiters.create("api", config.rateLimit.points, 60),
      apiKey: limiters.create("api-key", config.rateLimit.keyPoints, 60),
      loginAccountIp: limiters.create("login-account-ip", 5, 900),
      loginAccount: limiters.create("login-account", 20, 900),
      loginIp: limiters.create("login-ip", 50, 900),
    },
    keyUsage,
    credentials: options.credentials ?? new CredentialCache(),
    now: () => clock.now,
    version: "test",
    storage: memoryStorage(),
    jobs: options.jobs,
    mail: options.mail,
    webhooks: { encryptionKey: randomBytes(32), allowPrivate: true },
    payments: {
      encryptionKey: randomBytes(32),
      publicUrl: config.publicUrl,
      stripeApiUrl: options.stripeApiUrl,
      paypalApiUrl: options.paypalApiUrl,
      timeoutMs: options.providerTimeoutMs ?? 5_000,
    },
  };
  return { deps, clock, config, keyUsage };
}

export async function createTestApi(
  options: TestApiOptions & { webhookWorkers?: WorkerOptions } = {},
) {
  const database = await openTestDatabase(options.readUrl);
  let jobs: Jobs | undefined;
  const encryptionKey = randomBytes(32);
  if (options.webhookWorkers) {
    const { schedule, timeoutMs, ...jobOptions } = options.webhookWorkers;
    jobs = await startWebhookWorkers(
      database,
      { encryptionKey, allowPrivate: true, schedule, timeoutMs },
      { pollingIntervalSeconds: 0.5, ...jobOptions },
    );
  }
  // As in production: on PostgreSQL the cache listens for changes announced by any instance.
  const credentials = credentialCache(database);
  await credentials.ready();
  const { deps, clock, config, keyUsage } = testDeps(database, {
    ...options,
    jobs: options.jobs ?? jobs?.sender,
    credentials,
  });
  deps.webhooks.encryptionKey = encryptionKey;
  const api = createApi(deps);
  options.routes?.(api);
  let ipCounter = 0;
  return {
    api,
    db: database.db,
    clock,
    config,
    keyUsage,
    /** Each call comes from its own address unless `ip` is given (addresses drive throttling). */
    request(path: string, init: RequestInit & { json?: unknown; ip?: string } = {}) {
      const headers = new Headers(init.headers);
      if (init.json !== undefined) headers.set("content-type", "application/json");
      headers.set(
        "x-forwarded-for",
        init.ip ?? `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`,
      );
      return api.request(path, {
        ...init,
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      });
    },
    database,
    jobs,
    encryptionKey,
    credentials,
    async close() {
      await jobs?.stop();
      await credentials.close();
      await database.close();
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;

let seq = 0;
export async function createTenant(
  t: TestApi,
  overrides: Partial<typeof tenants.$inferInsert> = {},
): Promise<Tenant> {
  const slug = overrides.slug ?? `store-${Date.now().toString(36)}-${seq++}`;
  const [row] = await t.db
    .insert(tenants)
    .values({ slug, nameEn: `Store ${slug}`, nameAr: `متجر ${slug}`, ...overrides })
    .returning();
  return row!;
}

export const PASSWORD = "correct horse battery staple";

export async function createUser(
  t: TestApi,
  tenant: Tenant,
  overrides: { role?: Role; email?: string; status?: "active" | "deactivated" } = {},
): Promise<User> {
  const [row] = await t.db
    .insert(users)
    .values({
      tenantId: tenant.id,
      // Stored lower-cased, as the users service will store it.
      email: (overrides.email ?? `user${seq++}@example.test`).toLowerCase(),
      name: "Test User",
      role: overrides.role ?? "owner",
      status: overrides.status ?? "active",
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning();
  return row!;
}

export async function login(t: TestApi, tenant: Tenant, user: User) {
  const res = await t.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "x-tenant-id": tenant.slug },
    json: { email: user.email, password: PASSWORD },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

/** A new member of `tenant` with `role`, signed in: their token and the headers that carry it. */
export async function signIn(t: TestApi, tenant: Tenant, role: Role = "owner") {
  const user = await createUser(t, tenant, { role });
  const { access_token } = await login(t, tenant, user);
  const headers = { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` };
  return { user, access_token, headers };
}

/** Asserts the Store API's error envelope and returns it. */
export async function expectError(res: Response, status: number, code: string) {
  const body = (await res.json()) as {
    detail: string;
    type: string;
    code: string;
    errors?: unknown[];
  };
  if (res.status !== status || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`);
  }
  if (typeof body.detail !== "string" || !body.detail || typeof body.type !== "string") {
    throw new Error(`not an error envelope: ${JSON.stringify(body)}`);
  }
  return body;
}
