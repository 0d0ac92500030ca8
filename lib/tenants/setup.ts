/**
 * The first-run setup (docs/decisions/0009): a one-time code printed at start, only its SHA-256
 * stored so every instance accepts it, and the one store it may create.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { count, gt, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sha256Hex } from "@/lib/crypto";
import { ConflictError, PermissionError } from "@/lib/errors";
import { setupCodes, tenants } from "./schema";
import { normalizeSlug } from "./slug";
import { createStoreWithOwner, type NewOwner, type NewStore } from "./stores";

/** Crockford's base 32: no I, L, O or U to misread. 12 characters = 60 bits. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SETUP_CODE_TTL_MS = 24 * 3600 * 1000;

export function newSetupCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What a person types ("abcd efgh-ijkl") becomes the printed form before hashing. */
export function normalizeSetupCode(input: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}

export async function storeCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return row?.n ?? 0;
}

/** True while the database holds no store (a seeded demo is a store). */
export async function setupNeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return !row;
}

/**
 * At server start on a database without a store: a fresh code, its SHA-256 stored (so every
 * instance accepts it), the code itself returned to be printed once. Expired codes are dropped.
 */
export async function issueSetupCode(db: Db, now = new Date()): Promise<string | undefined> {
  if (!(await setupNeeded(db))) return undefined;
  const code = newSetupCode();
  await db.delete(setupCodes).where(lt(setupCodes.expiresAt, now));
  await db.insert(setupCodes).values({
    codeHash: sha256Hex(code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SETUP_CODE_TTL_MS),
  });
  return code;
}

/** Constant-time comparison against every live code's hash. */
async function setupCodeValid(db: Db, input: string, now: Date): Promise<boolean> {
  const candidate = Buffer.from(sha256Hex(normalizeSetupCode(input)), "hex");
  const rows = await db
    .select({ hash: setupCodes.codeHash })
    .from(setupCodes)
    .where(gt(setupCodes.expiresAt, now));
  let ok = false;
  for (const row of rows) {
    const stored = Buffer.from(row.hash, "hex");
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate)) ok = true;
  }
  return ok;
}

// Any fixed number: two setups at the same moment create one store, not two.
const SETUP_LOCK = 727_274_018;

/**
 * First-run setup: 409 SETUP_DONE once any store exists, 403 SETUP_CODE_INVALID without the
 * code printed at start; on success the store and owner exist and every setup code is used up.
 */
export async function completeSetup(
  db: Db,
  input: { setupCode: string | undefined; store: NewStore; owner: NewOwner },
  meta: { now: Date; ip: string; requestId: string },
) {
  const setupDone = () =>
    new ConflictError("This installation already has a store; sign in instead", "SETUP_DONE");
  if (!(await setupNeeded(db))) throw setupDone();
  if (!input.setupCode || !(await setupCodeValid(db, input.setupCode, meta.now)))
    throw new PermissionError(
      "The setup code is missing or wrong; it is printed in the server's log at start",
      "SETUP_CODE_INVALID",
    );
  return createStoreWithOwner(
    db,
    input.store,
    input.owner,
    { ...meta, via: "setup" },
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
      const [other] = await tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(sql`${tenants.slug} <> ${normalizeSlug(input.store.slug)}`)
        .limit(1);
      if (other) throw setupDone();
      // Used up: only this transaction's commit can succeed with it.
      const used = await tx.delete(setupCodes).returning({ hash: setupCodes.codeHash });
      if (!used.length) throw setupDone();
    },
  );
}
