import { outsideTenantScope } from "@/lib/db/tenant-scope";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Actor, ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { AuthenticationError, NotFoundError, PermissionError, ValidationError } from "@/lib/errors";
import { authorize, grantableScopes, ROLE_PERMISSIONS, type Scope } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import type { CredentialCache } from "@/lib/auth/credential-cache";
import { users } from "@/lib/users/schema";
import type { ApiKeyCreate, ApiKeySchema } from "./contract";
import { displayParts, generateApiKey, hashApiKey, isWellFormedApiKey } from "./format";
import { apiKeys, type ApiKeyRow } from "./schema";

type ApiKey = z.infer<typeof ApiKeySchema>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function status(row: ApiKeyRow, now: Date): ApiKey["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  if (row.replacedBy) return "expiring";
  return "active";
}

function present(
  row: ApiKeyRow,
  creator: { id: string; name: string; email: string } | null,
  now: Date,
): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    last4: row.last4,
    scopes: row.scopes as Scope[],
    created_by: creator,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    status: status(row, now),
  };
}

/** Only people manage keys, and only within what their own role may do. */
function requireKeyManager(ctx: ServiceContext): Extract<Actor, { type: "user" }> {
  authorize(ctx.actor, "api_keys:manage");
  if (ctx.actor.type !== "user")
    throw new PermissionError("API keys cannot manage API keys", "INSUFFICIENT_PERMISSION");
  return ctx.actor;
}

async function creatorOf(db: Db, ctx: ServiceContext, userId: string | null) {
  if (!userId) return null;
  const [u] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, ctx.tenant.id)));
  return u ?? null;
}

async function insertKey(
  db: Db,
  ctx: ServiceContext,
  values: { name: string; scopes: string[]; expiresAt: Date | null; createdBy: string },
) {
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      tenantId: ctx.tenant.id,
      keyHash: hashApiKey(key),
      ...displayParts(key),
      ...values,
      createdAt: ctx.now(),
    })
    .returning();
  return { key, row: row! };
}

export async function createApiKey(ctx: ServiceContext, input: z.infer<typeof ApiKeyCreate>) {
  const actor = requireKeyManager(ctx);
  const allowed = grantableScopes(actor.role);
  const excess = input.scopes.filter((s) => !allowed.includes(s));
  if (excess.length) {
    throw new PermissionError(
      `You cannot grant scopes your role does not have: ${excess.join(", ")}`,
      "SCOPE_NOT_GRANTABLE",
    );
  }
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && expiresAt <= ctx.now()) {
    throw new ValidationError("The expiry must be in the future", [
      { field: "expires_at", code: "in_past", message: "Must be in the future" },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const { key, row } = await insertKey(tx, ctx, {
      name: input.name,
      scopes: [...new Set(input.scopes)],
      expiresAt,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      resourceType: "api_key",
      resourceId: row.id,
      metadata: { name: row.name, scopes: row.scopes },
    });
    await ctx.credentials.invalidateTenant(tx, ctx.tenant.id);
    return { ...present(row, await creatorOf(tx, ctx, actor.userId), ctx.now()), key };
  });
}

export async function listApiKeys(ctx: ServiceContext) {
  requireKeyManager(ctx);
  const rows = await ctx.db
    .select({ key: apiKeys, creator: { id: users.id, name: users.name, email: users.email } })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.tenantId, ctx.tenant.id))
    .orderBy(desc(apiKeys.createdAt));
  return { data: rows.map((r) => present(r.key, r.creator?.id ? r.creator : null, ctx.now())) };
}

async function findKey(db: Db, ctx: ServiceContext, id: string) {
  if (!UUID.test(id)) throw new NotFoundError("API key not found", "API_KEY_NOT_FOUND");
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, ctx.tenant.id), eq(apiKeys.id, id)))
    .for("update");
  if (!row) throw new NotFoundError("API key not found", "API_KEY_NOT_FOUND");
  return row;
}

/**
 * Issues a replacement with the same name, scopes and expiry. The old key keeps working for
 * `graceHours` (0 = stops now) so deployments can switch without downtime.
 */
export async function rollApiKey(ctx: ServiceContext, id: string, graceHours: number) {
  const actor = requireKeyManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const old = await findKey(tx, ctx, id);
    const now = ctx.now();
    if (status(old, now) !== "active") {
      throw new ValidationError("Only an active key can be rolled", [
        { field: "id", code: "not_active", message: `The key is ${status(old, now)}` },
      ]);
    }
    const { key, row } = await insertKey(tx, ctx, {
      name: old.name,
      scopes: old.scopes,
      expiresAt: old.expiresAt,
      createdBy: actor.userId,
    });
    const graceEnd = new Date(now.getTime() + graceHours * 3600_000);
    const oldExpiry = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    await tx
      .update(apiKeys)
      .set({ expiresAt: oldExpiry, replacedBy: row.id })
      .where(eq(apiKeys.id, old.id));
    await recordAudit(tx, ctx, {
      action: "api_key.rolled",
      resourceType: "api_key",
      resourceId: old.id,
      metadata: { replaced_by: row.id, grace_hours: graceHours },
    });
    // The old key's expiry moved: drop its cached copy.
    await ctx.credentials.invalidateTenant(tx, ctx.tenant.id);
    return { ...present(row, await creatorOf(tx, ctx, actor.userId), now), key };
  });
}

export async function revokeApiKey(ctx: ServiceContext, id: string) {
  requireKeyManager(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await findKey(tx, ctx, id);
    if (row.revokedAt) return;
    await tx.update(apiKeys).set({ revokedAt: ctx.now() }).where(eq(apiKeys.id, row.id));
    await recordAudit(tx, ctx, {
      action: "api_key.revoked",
      resourceType: "api_key",
      resourceId: row.id,
    });
    await ctx.credentials.invalidateTenant(tx, ctx.tenant.id);
  });
}

/** A key with its creator's role and status: what verifying needs, cached per instance. */
async function loadKey(db: Db, keyHash: string) {
  const [found] = await db
    .select({ key: apiKeys, role: users.role, creatorStatus: users.status })
    .from(apiKeys)
    .leftJoin(users, and(eq(users.id, apiKeys.createdBy), eq(users.tenantId, apiKeys.tenantId)))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return found && { ...found, tenantId: found.key.tenantId };
}

/**
 * Authenticates a key for a tenant. Malformed keys fail before any lookup; the lookup is by
 * SHA-256, an index hit whose timing says nothing about how close a guess was.
 * The key acts with its scopes, narrowed to what its creator's role still allows, and only while
 * its creator is an active member (docs/roles.md); the creator comes in the same query.
 * The lookup is cached (lib/auth/credential-cache.ts): every change to a key or to a member drops
 * the tenant's entries; the checks below run on every request, expiry included.
 */
export async function verifyApiKey(
  db: Db,
  credentials: CredentialCache,
  tenantId: string,
  key: string,
  now: Date,
): Promise<Extract<Actor, { type: "api_key" }>> {
  if (!isWellFormedApiKey(key)) throw new AuthenticationError("Invalid API key", "AUTH_005");
  const keyHash = hashApiKey(key);
  // Found among every store's keys (a key names its store only once found), so outside the
  // request's store; cached for every store's requests alike.
  const found = await credentials.remember("api_key", keyHash, () =>
    outsideTenantScope(() => loadKey(db, keyHash)),
  );
  if (!found) throw new AuthenticationError("Invalid API key", "AUTH_005");
  const row = found.key;
  if (row.tenantId !== tenantId)
    throw new PermissionError("This API key belongs to another store", "TENANT_MISMATCH");
  if (row.revokedAt) throw new AuthenticationError("This API key has been revoked", "AUTH_007");
  if (row.expiresAt && row.expiresAt <= now)
    throw new AuthenticationError("This API key has expired", "AUTH_006");
  const { role } = found;
  if (!role || found.creatorStatus !== "active") {
    throw new AuthenticationError(
      "This API key's creator no longer has access to the store; roll or replace the key",
      "AUTH_008",
    );
  }
  const scopes = row.scopes.filter((s) => ROLE_PERMISSIONS[role].includes(s as Scope));
  return { type: "api_key", keyId: row.id, scopes, createdBy: row.createdBy };
}

/**
 * Remembers when each key was last used and writes it in one statement every few seconds,
 * instead of one write per request.
 */
export class KeyUsageTracker {
  private pending = new Map<string, Date>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    intervalMs = 15_000,
  ) {
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.flush().catch(() => {}), intervalMs);
      this.timer.unref();
    }
  }

  touch(keyId: string, at: Date) {
    this.pending.set(keyId, at);
  }

  async flush() {
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending = new Map();
    const values = sql.join(
      batch.map(([id, at]) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    // Keys of every store, whichever request's timer this runs in.
    await outsideTenantScope(() =>
      this.db.execute(sql`
      update ${apiKeys} set last_used_at = greatest(${apiKeys.lastUsedAt}, v.at)
      from (values ${values}) as v(id, at) where ${apiKeys.id} = v.id`),
    );
  }

  async close() {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
