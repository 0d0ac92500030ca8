import { outsideTenantScope } from "@/lib/db/tenant-scope";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/service";
import { tenants } from "@/lib/tenants/schema";
import type { AppCreate, AppUpdate, DeveloperCreate } from "../contract";
import { appInstalls, apps, developers, type DeveloperRow } from "../schema";
import { newDeveloperCredential } from "../signing";
import {
  checkCallbackUrl,
  normalRef,
  presentApp,
  presentDeveloper,
  requirePerson,
  unseal,
  type AppsSettings,
} from "./shared";

const developerNotFound = () => new NotFoundError("Developer not found", "DEVELOPER_NOT_FOUND");
const appNotFound = () => new NotFoundError("App not found", "APP_NOT_FOUND");

/** Registers the signed-in person as a developer; the secret is in this reply only. */
export async function registerDeveloper(
  ctx: ServiceContext,
  s: AppsSettings,
  input: z.infer<typeof DeveloperCreate>,
) {
  const person = requirePerson(ctx);
  const secret = newDeveloperCredential();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(developers)
        .values({
          ref: input.developer_ref,
          name: input.name,
          email: input.email.toLowerCase(),
          ownerUserId: person.userId,
          ownerTenantId: ctx.tenant.id,
          secretSealed: encryptSecret(s.encryptionKey, secret),
          tokenSealed: encryptSecret(s.encryptionKey, newDeveloperCredential()),
          createdAt: ctx.now(),
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: "developer.registered",
        resourceType: "developer",
        resourceId: row!.ref,
        metadata: { name: row!.name },
      });
      return { ...presentDeveloper(s, row!), developer_secret: secret };
    });
  } catch (err) {
    if (isUniqueViolation(err, "developers_ref_unique"))
      throw new ConflictError(
        `The developer reference "${input.developer_ref}" is taken; choose another`,
        "DEVELOPER_REF_TAKEN",
      );
    throw err;
  }
}

/** The signed-in person's developer account `ref`, locked for update when `forUpdate`. */
async function ownDeveloper(db: Db, ctx: ServiceContext, ref: string, forUpdate = false) {
  const person = requirePerson(ctx);
  const query = db
    .select()
    .from(developers)
    .where(
      and(
        eq(developers.ref, normalRef(ref)),
        eq(developers.ownerUserId, person.userId),
        eq(developers.ownerTenantId, ctx.tenant.id),
      ),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw developerNotFound();
  return row;
}

export async function listDevelopers(ctx: ServiceContext, s: AppsSettings) {
  const person = requirePerson(ctx);
  const rows = await ctx.db
    .select()
    .from(developers)
    .where(
      and(eq(developers.ownerUserId, person.userId), eq(developers.ownerTenantId, ctx.tenant.id)),
    )
    .orderBy(developers.createdAt);
  return { data: rows.map((row) => presentDeveloper(s, row)) };
}

export async function getDeveloper(ctx: ServiceContext, s: AppsSettings, ref: string) {
  return presentDeveloper(s, await ownDeveloper(ctx.db, ctx, ref));
}

/**
 * The stores where these apps are installed now: their cached credentials go stale. Read across
 * stores (row-level security would show the developer's own store only), before the transaction
 * that changes the apps: its connection is the developer's store's.
 */
async function storesWithInstalls(db: Db, of: { developerId: string } | { appId: string }) {
  const rows = await outsideTenantScope(() =>
    db
      .selectDistinct({ tenantId: appInstalls.tenantId })
      .from(appInstalls)
      .innerJoin(apps, eq(apps.id, appInstalls.appId))
      .where(
        and(
          "appId" in of ? eq(apps.id, of.appId) : eq(apps.developerId, of.developerId),
          isNull(appInstalls.uninstalledAt),
        ),
      ),
  );
  return rows.map((r) => r.tenantId);
}

/**
 * A new secret, in this reply only. Signatures made with the old one are refused from now on;
 * every install keeps working once its account token is signed with the new one (the stored
 * tokens are unsigned, so nothing else changes).
 */
export async function rotateDeveloperSecret(ctx: ServiceContext, s: AppsSettings, ref: string) {
  const secret = newDeveloperCredential();
  const stores = await storesWithInstalls(ctx.db, {
    developerId: (await ownDeveloper(ctx.db, ctx, ref)).id,
  });
  const row = await ctx.db.transaction(async (tx) => {
    const current = await ownDeveloper(tx, ctx, ref, true);
    const [row] = await tx
      .update(developers)
      .set({ secretSealed: encryptSecret(s.encryptionKey, secret), secretRotatedAt: ctx.now() })
      .where(eq(developers.id, current.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "developer.secret_rotated",
      resourceType: "developer",
      resourceId: current.ref,
    });
    await forgetStores(ctx, tx, stores);
    return row!;
  });
  return { developer_ref: row.ref, developer_secret: secret };
}

/** Cached app credentials of these stores go stale with this transaction, on every instance. */
async function forgetStores(ctx: ServiceContext, tx: Db, tenantIds: string[]) {
  for (const tenantId of tenantIds) await ctx.credentials.invalidateTenant(tx, tenantId);
}

/** Installs in every store, counted for the app's developer. */
async function installCounts(db: Db, appIds: string[]) {
  if (appIds.length === 0) return new Map<string, number>();
  const rows = await outsideTenantScope(() =>
    db
      .select({ appId: appInstalls.appId, n: count() })
      .from(appInstalls)
      .where(and(inArray(appInstalls.appId, appIds), isNull(appInstalls.uninstalledAt)))
      .groupBy(appInstalls.appId),
  );
  return new Map(rows.map((r) => [r.appId, r.n]));
}

export async function createApp(
  ctx: ServiceContext,
  s: AppsSettings,
  developerRef: string,
  input: z.infer<typeof AppCreate>,
) {
  const developer = await ownDeveloper(ctx.db, ctx, developerRef);
  const url = checkCallbackUrl(input.install_callback_url, s);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(apps)
        .values({
          developerId: developer.id,
          ref: input.app_ref,
          nameEn: input.name.en,
          nameAr: input.name.ar,
          description: input.description ?? "",
          installCallbackUrl: url,
          scopes: [...new Set(input.scopes)],
          kind: input.kind,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: "app.created",
        resourceType: "app",
        resourceId: row!.ref,
        metadata: { developer: developer.ref, scopes: row!.scopes, kind: row!.kind },
      });
      return presentApp(row!, developer, 0);
    });
  } catch (err) {
    if (isUniqueViolation(err, "apps_ref_unique"))
      throw new ConflictError(
        `The app reference "${input.app_ref}" is taken; choose another`,
        "APP_REF_TAKEN",
      );
    throw err;
  }
}

export async function listDeveloperApps(ctx: ServiceContext, developerRef: string) {
  const developer = await ownDeveloper(ctx.db, ctx, developerRef);
  const rows = await ctx.db
    .select()
    .from(apps)
    .where(eq(apps.developerId, developer.id))
    .orderBy(apps.createdAt);
  const counts = await installCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { data: rows.map((row) => presentApp(row, developer, counts.get(row.id) ?? 0)) };
}

async function ownApp(db: Db, developer: DeveloperRow, appRef: string) {
  const [row] = await db
    .select()
    .from(apps)
    .where(and(eq(apps.developerId, developer.id), eq(apps.ref, normalRef(appRef))));
  if (!row) throw appNotFound();
  return row;
}

export async function getDeveloperApp(ctx: ServiceContext, developerRef: string, appRef: string) {
  const developer = await ownDeveloper(ctx.db, ctx, developerRef);
  const row = await ownApp(ctx.db, developer, appRef);
  const counts = await installCounts(ctx.db, [row.id]);
  return presentApp(row, developer, counts.get(row.id) ?? 0);
}

/**
 * Changes an app. Scopes narrowed here narrow every install at once; scopes added apply to new
 * installs only, since a store agreed to what the app asked for when it installed it.
 */
export async function updateApp(
  ctx: ServiceContext,
  s: AppsSettings,
  developerRef: string,
  appRef: string,
  input: z.infer<typeof AppUpdate>,
) {
  const developer = await ownDeveloper(ctx.db, ctx, developerRef);
  const current = await ownApp(ctx.db, developer, appRef);
  const url =
    input.install_callback_url === undefined
      ? undefined
      : checkCallbackUrl(input.install_callback_url, s);
  const stores = await storesWithInstalls(ctx.db, { appId: current.id });
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apps)
      .set({
        ...(input.name ? { nameEn: input.name.en, nameAr: input.name.ar } : {}),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(url === undefined ? {} : { installCallbackUrl: url }),
        ...(input.scopes ? { scopes: [...new Set(input.scopes)] } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        updatedAt: ctx.now(),
      })
      .where(eq(apps.id, current.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "app.updated",
      resourceType: "app",
      resourceId: current.ref,
      metadata: { fields: Object.keys(input) },
    });
    await forgetStores(ctx, tx, stores);
    return row!;
  });
  const counts = await installCounts(ctx.db, [row.id]);
  return presentApp(row, developer, counts.get(row.id) ?? 0);
}

/**
 * The stores that have `appId` installed now, with their unsigned account tokens: the app's own
 * view across stores, so read outside the caller's store.
 */
export async function installedAccountsOf(db: Db, s: AppsSettings, appId: string) {
  const rows = await outsideTenantScope(() =>
    db
      .select({ install: appInstalls, slug: tenants.slug })
      .from(appInstalls)
      .innerJoin(tenants, eq(tenants.id, appInstalls.tenantId))
      .where(and(eq(appInstalls.appId, appId), isNull(appInstalls.uninstalledAt)))
      .orderBy(appInstalls.installedAt),
  );
  return rows.map(({ install, slug }) => ({
    account_code: slug,
    account_token: unseal(s, install.accountTokenSealed),
    installed_at: install.installedAt.toISOString(),
    scopes: install.scopes,
  }));
}

/** The installed accounts, for the developer's own signed-in session (the developer area). */
export async function installedAccountsForPerson(
  ctx: ServiceContext,
  s: AppsSettings,
  developerRef: string,
  appRef: string,
) {
  const developer = await ownDeveloper(ctx.db, ctx, developerRef);
  const app = await ownApp(ctx.db, developer, appRef);
  return installedAccountsOf(ctx.db, s, app.id);
}

/** The installed accounts, for a call authenticated with the developer's own token. */
export async function installedAccountsForDeveloper(
  db: Db,
  s: AppsSettings,
  developer: DeveloperRow,
  appRef: string,
) {
  return installedAccountsOf(db, s, (await ownApp(db, developer, appRef)).id);
}
