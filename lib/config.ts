import { randomBytes, createHmac } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseTrustProxy } from "./client-ip";
import { dataDirectoryError } from "./db/data-dir";

/** Everything the server reads from the environment, read once. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A read replica for list, export and analytics reads (PostgreSQL only). */
  databaseReadUrl: string | undefined;
  redisUrl: string | undefined;
  /** When the hourly clean-up runs (cron, UTC); one instance runs each occurrence. */
  maintenanceCron: string;
  /** Root secret; per-purpose keys are derived from it (see deriveKey). */
  authSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** points: per client address; keyPoints: per API key. */
  rateLimit: { points: number; keyPoints: number; windowSeconds: number };
  bodyLimitBytes: number;
  /** TRUST_PROXY: how many proxies append to X-Forwarded-For (0: trust none); lib/client-ip.ts. */
  trustProxy: number;
  publicUrl: string;
  /** AES-256-GCM key for secrets kept readable (webhook secrets); ENCRYPTION_KEY or derived. */
  encryptionKey: Buffer;
  /** WEBHOOKS_ALLOW_PRIVATE=1: webhooks may target http and private addresses (tests, local dev). */
  webhooksAllowPrivate: boolean;
  /** STRIPE_API_URL / PAYPAL_API_URL: the providers' APIs elsewhere (local test servers). */
  stripeApiUrl: string | undefined;
  paypalApiUrl: string | undefined;
  /** SIGNUP=open: anyone may create a store at /[locale]/signup (default closed). */
  signup: "open" | "closed";
  /** SMTP_URL (smtp://user:pass@host:587): mail is sent through it; without it, mail is off (docs/email.md). */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the From of every email, e.g. "Nakheel <no-reply@nakheel.example>". */
  mailFrom: string | undefined;
  /**
   * IDEMPOTENCY_LEASE_SECONDS: a request holding an Idempotency-Key renews its claim; a claim
   * left unrenewed this long (its process died) is taken over by a retry (default 30).
   */
  idempotencyLeaseSeconds: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

/**
 * One machine (PGlite) may keep a generated secret in its data directory. Several instances
 * (DATABASE_URL) must share AUTH_SECRET, or one instance's tokens fail on another.
 */
function loadAuthSecret(dataDir: string, databaseUrl: string | undefined): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters");
    return fromEnv;
  }
  if (databaseUrl && process.env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production with DATABASE_URL (instances share it)");
  }
  const file = path.join(dataDir, "auth-secret");
  try {
    mkdirSync(dataDir, { recursive: true });
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } catch (err) {
    throw dataDirectoryError(dataDir, err); // a read-only or full DATA_DIR, in one sentence
  }
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("SMTP_URL must be a URL such as smtp://user:pass@host:587");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new Error("SMTP_URL must start with smtp:// or smtps://");
  return raw;
}

function parseSignup(raw: string | undefined): "open" | "closed" {
  if (!raw || raw === "closed") return "closed";
  if (raw === "open") return "open";
  throw new Error('SIGNUP must be "open" or "closed"');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || ".data");
  const port = int("PORT", 3000);
  const host = env.HOST || "0.0.0.0";
  const authSecret = loadAuthSecret(dataDir, env.DATABASE_URL);
  const encryptionKey = env.ENCRYPTION_KEY
    ? Buffer.from(env.ENCRYPTION_KEY, "base64")
    : deriveKey(authSecret, "encryption");
  if (encryptionKey.length !== 32)
    throw new Error("ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  return {
    port,
    host,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    maintenanceCron: env.MAINTENANCE_CRON || "17 * * * *",
    authSecret,
    encryptionKey,
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === "1",
    stripeApiUrl: env.STRIPE_API_URL || undefined,
    paypalApiUrl: env.PAYPAL_API_URL || undefined,
    signup: parseSignup(env.SIGNUP),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || undefined,
    accessTokenTtlSeconds: int("ACCESS_TOKEN_TTL_SECONDS", 15 * 60),
    refreshTokenTtlSeconds: int("REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600),
    rateLimit: {
      points: int("RATE_LIMIT_POINTS", 600),
      keyPoints: int("RATE_LIMIT_KEY_POINTS", 1200),
      windowSeconds: int("RATE_LIMIT_WINDOW_SECONDS", 60),
    },
    bodyLimitBytes: int("API_BODY_LIMIT_BYTES", 1024 * 1024),
    idempotencyLeaseSeconds: Math.max(1, int("IDEMPOTENCY_LEASE_SECONDS", 30)),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: env.PUBLIC_URL || `http://localhost:${port}`,
  };
}

/** A key for one purpose (JWT signing, next-auth cookies...) derived from the root secret. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac("sha256", secret).update(`brainsait:${purpose}`).digest();
}
