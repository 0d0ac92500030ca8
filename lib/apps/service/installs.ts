import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { users } from "@/lib/users/schema";
import { appCallbacks, appInstalls, apps, appStaff, appStaffTokens, developers } from "../schema";
import { callbacksOf, queueCallback } from "./callbacks";
import { normalRef, type AppsSettings } from "./shared";

const appNotFound = () => new NotFoundError("App not found", "APP_NOT_FOUND");
const notInstalled = (ref: string) =>
  new NotFoundError(`The app "${ref}" is not installed in this store`, "APP_NOT_INSTALLED");

/** The app `ref` with its developer, and this store's live install of it, if any. */
async function appForStore(db: Db, ctx: ServiceContext, ref: string) {
  const [row] = await db
    .select({ app: apps, developer: developers, install: appInstalls })
    .from(apps)
    .innerJoin(developers, eq(developers.id, apps.developerId))
    .leftJoin(
      appInstalls,
      and(
        eq(appInstalls.appId, apps.id),
        eq(appInstalls.tenantId, ctx.tenant.id),
        isNull(appInstalls.uninstalledAt),
      ),
    )
    .where(eq(apps.ref, normalRef(ref)));
  if (!row) throw appNotFound();
  return row;
}

type StoreAppRow = Awaited<ReturnType<typeof appForStore>>;

async function present(db: Db, ctx: ServiceContext, rows: StoreAppRow[]) {
  const installerIds = rows.flatMap((r) => (r.install?.installedBy ? [r.install.installedBy] : []));
  const installers = installerIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.tenantId, ctx.tenant.id), inArray(users.id, installerIds)))
    : [];
  const callbackStatus = new Map<string, "pending" | "succeeded" | "failed">();
  for (const r of rows) {
    if (!r.install) continue;
    const [first] = await db
      .select({ status: appCallbacks.status })
      .from(appCallbacks)
      .where(and(eq(appCallbacks.installId, r.install.id), eq(appCallbacks.event, "app.installed")))
      .limit(1);
    if (first) callbackStatus.set(r.install.id, first.status);
  }
  return rows.map(({ app, developer, install }) => ({
    app_ref: app.ref,
    developer: { developer_ref: developer.ref, name: developer.name },
    name: { en: app.nameEn, ar: app.nameAr },
    description: app.description,
    scopes: app.scopes,
    kind: app.kind,
    install: install && {
      installed_at: install.installedAt.toISOString(),
      installed_by: installers.find((u) => u.id === install.installedBy) ?? null,
      scopes: install.scopes,
      callback_status: callbackStatus.get(install.id) ?? null,
    },
  }));
}

/** The directory: every app on this platform, installed ones first. */
export async function listStoreApps(ctx: ServiceContext) {
  authorize(ctx.actor, "apps:read");
  const rows = await ctx.db
    .select({ app: apps, developer: developers, install: appInstalls })
    .from(apps)
    .innerJoin(developers, eq(developers.id, apps.developerId))
    .leftJoin(
      appInstalls,
      and(
        eq(appInstalls.appId, apps.id),
        eq(appInstalls.tenantId, ctx.tenant.id),
        isNull(appInstalls.uninstalledAt),
      ),
    )
    .orderBy(desc(appInstalls.installedAt), apps.nameEn)
    .limit(500);
  const installedFirst = [...rows.filter((r) => r.install), ...rows.filter((r) => !r.install)];
  return { data: await present(ctx.db, ctx, installedFirst) };
}

export async function getStoreApp(ctx: ServiceContext, ref: string) {
  authorize(ctx.actor, "apps:read");
  const [one] = await present(ctx.db, ctx, [await appForStore(ctx.db, ctx, ref)]);
  return one!;
}

/**
 * Installs an app: a new unsigned account token for this store and app, and the install
 * callback (account code, token, API address, scopes) queued in the same transaction. The
 * install stands whether or not the callback gets through; it is retried like a webhook.
 */
export async function installApp(ctx: ServiceContext, s: AppsSettings, ref: string) {
  authorize(ctx.actor, "apps:manage");
  const installedBy = ctx.actor.type === "user" ? ctx.actor.userId : null;
  await ctx.db.transaction(async (tx) => {
    const { app, install } = await appForStore(tx, ctx, ref);
    if (install)
      throw new ConflictError(
        `The app "${app.ref}" is already installed in this store`,
        "APP_ALREADY_INSTALLED",
      );
    const accountToken = randomUUID();
    const now = ctx.now();
    const [row] = await tx
      .insert(appInstalls)
      .values({
        appId: app.id,
        tenantId: ctx.tenant.id,
        accountTokenSealed: encryptSecret(s.encryptionKey, accountToken),
        scopes: app.scopes,
        installedBy,
        installedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    // Two admins installing at once: the other one's install stands.
    if (!row)
      throw new ConflictError(
        `The app "${app.ref}" is already installed in this store`,
        "APP_ALREADY_INSTALLED",
      );
    await queueCallback(tx, ctx.jobs, s, {
      installId: row.id,
      tenantId: ctx.tenant.id,
      url: app.installCallbackUrl,
      event: "app.installed",
      payload: {
        account_code: ctx.tenant.slug,
        account_token: accountToken,
        api_base_url: `${s.publicUrl.replace(/\/$/, "")}/api/v1`,
        scopes: row.scopes,
        installed_at: now.toISOString(),
      },
      now,
    });
    await recordAudit(tx, ctx, {
      action: "app.installed",
      resourceType: "app",
      resourceId: app.ref,
      metadata: { scopes: row.scopes },
    });
    await recordEvent(tx, ctx, "app.installed", {
      app_ref: app.ref,
      name: { en: app.nameEn, ar: app.nameAr },
      scopes: row.scopes,
      installed_at: now.toISOString(),
    });
  });
  return getStoreApp(ctx, ref);
}

/**
 * Uninstalls at once: the account token and every staff token stop working on the next request
 * on every instance, and the app is told (app.uninstalled, to its callback URL and the store's
 * webhooks).
 */
export async function uninstallApp(ctx: ServiceContext, s: AppsSettings, ref: string) {
  authorize(ctx.actor, "apps:manage");
  await ctx.db.transaction(async (tx) => {
    const { app, install } = await appForStore(tx, ctx, ref);
    if (!install) throw notInstalled(app.ref);
    const now = ctx.now();
    const [ended] = await tx
      .update(appInstalls)
      .set({ uninstalledAt: now })
      .where(and(eq(appInstalls.id, install.id), isNull(appInstalls.uninstalledAt)))
      .returning({ id: appInstalls.id });
    if (!ended) throw notInstalled(app.ref);
    await tx.delete(appStaffTokens).where(eq(appStaffTokens.installId, install.id));
    await queueCallback(tx, ctx.jobs, s, {
      installId: install.id,
      tenantId: ctx.tenant.id,
      url: app.installCallbackUrl,
      event: "app.uninstalled",
      payload: { account_code: ctx.tenant.slug, uninstalled_at: now.toISOString() },
      now,
    });
    await recordAudit(tx, ctx, {
      action: "app.uninstalled",
      resourceType: "app",
      resourceId: app.ref,
    });
    await recordEvent(tx, ctx, "app.uninstalled", {
      app_ref: app.ref,
      name: { en: app.nameEn, ar: app.nameAr },
      uninstalled_at: now.toISOString(),
    });
  });
  await s.forgetCredentials?.([ctx.tenant.id]);
}

/** The callbacks sent to the app for this store (every install of it, newest first). */
export async function listCallbacks(ctx: ServiceContext, ref: string) {
  authorize(ctx.actor, "apps:read");
  const { app } = await appForStore(ctx.db, ctx, ref);
  const installs = await ctx.db
    .select({ id: appInstalls.id })
    .from(appInstalls)
    .where(and(eq(appInstalls.appId, app.id), eq(appInstalls.tenantId, ctx.tenant.id)));
  return {
    data: await callbacksOf(
      ctx.db,
      ctx.tenant.id,
      installs.map((i) => i.id),
    ),
  };
}

/** A staff app installed here: the one staff authorisations and tokens belong to. */
async function staffInstall(db: Db, ctx: ServiceContext, ref: string) {
  const { app, install } = await appForStore(db, ctx, ref);
  if (!install) throw notInstalled(app.ref);
  if (app.kind !== "staff")
    throw new ValidationError(`"${app.ref}" is a system app: it acts for the store, not staff`, [
      { field: "app_ref", code: "not_a_staff_app", message: "Only staff apps authorise staff" },
    ]);
  return { app, install };
}

export async function listAppStaff(ctx: ServiceContext, ref: string) {
  authorize(ctx.actor, "apps:manage");
  const { install } = await staffInstall(ctx.db, ctx, ref);
  const rows = await ctx.db
    .select({ user: users, authorisedAt: appStaff.authorisedAt })
    .from(users)
    .leftJoin(appStaff, and(eq(appStaff.userId, users.id), eq(appStaff.installId, install.id)))
    .where(eq(users.tenantId, ctx.tenant.id))
    .orderBy(users.name);
  return {
    data: rows.map(({ user, authorisedAt }) => ({
      user_id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      authorised: authorisedAt !== null,
      authorised_at: authorisedAt?.toISOString() ?? null,
    })),
  };
}

async function memberOf(db: Db, ctx: ServiceContext, userId: string) {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [user] = UUID.test(userId)
    ? await db
        .select()
        .from(users)
        .where(and(eq(users.id, userId), eq(users.tenantId, ctx.tenant.id)))
    : [];
  if (!user) throw new NotFoundError("Member not found", "USER_NOT_FOUND");
  return user;
}

export async function authoriseStaff(ctx: ServiceContext, ref: string, userId: string) {
  authorize(ctx.actor, "apps:manage");
  await ctx.db.transaction(async (tx) => {
    const { app, install } = await staffInstall(tx, ctx, ref);
    const user = await memberOf(tx, ctx, userId);
    const [added] = await tx
      .insert(appStaff)
      .values({
        installId: install.id,
        userId: user.id,
        tenantId: ctx.tenant.id,
        authorisedBy: ctx.actor?.type === "user" ? ctx.actor.userId : null,
        authorisedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (added)
      await recordAudit(tx, ctx, {
        action: "app.staff_authorised",
        resourceType: "app",
        resourceId: app.ref,
        metadata: { user_id: user.id, email: user.email },
      });
  });
}

/** Ends a member's use of a staff app: their staff tokens for it stop working at once. */
export async function revokeStaff(
  ctx: ServiceContext,
  s: AppsSettings,
  ref: string,
  userId: string,
) {
  authorize(ctx.actor, "apps:manage");
  await ctx.db.transaction(async (tx) => {
    const { app, install } = await staffInstall(tx, ctx, ref);
    const user = await memberOf(tx, ctx, userId);
    const removed = await tx
      .delete(appStaff)
      .where(and(eq(appStaff.installId, install.id), eq(appStaff.userId, user.id)))
      .returning();
    await tx
      .delete(appStaffTokens)
      .where(and(eq(appStaffTokens.installId, install.id), eq(appStaffTokens.userId, user.id)));
    if (removed.length)
      await recordAudit(tx, ctx, {
        action: "app.staff_revoked",
        resourceType: "app",
        resourceId: app.ref,
        metadata: { user_id: user.id, email: user.email },
      });
  });
  await s.forgetCredentials?.([ctx.tenant.id]);
}
