/**
 * Creating, listing, suspending and resuming stores: the first-run setup (./setup.ts), public
 * sign-up and the operator's command line (./cli.ts) all create stores here, with the same slug
 * rules.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { sha256Hex } from "@/lib/crypto";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import type { FieldError } from "@/lib/errors";
import { isCurrency } from "@/lib/money";
import { hashPassword } from "@/lib/auth/password";
import { auditLog } from "@/lib/audit/schema";
import { invitations, users, type User } from "@/lib/users/schema";
import { products } from "@/lib/products/schema";
import { orders } from "@/lib/orders/schema";
import { tenants, type Tenant } from "./schema";
import { normalizeSlug, slugProblem, SLUG_RULES_TEXT } from "./slug";
import { normalizeVatNumber, VAT_NUMBER_ZATCA_MESSAGE, vatNumberProblem } from "./vat-number";

export interface NewStore {
  slug: string;
  nameEn: string;
  nameAr: string;
  currency?: string;
  timeZone?: string;
  /** Percent, e.g. 15. */
  vatRate?: number;
  pricesIncludeVat?: boolean;
  vatNumber?: string | null;
  defaultLocale?: "en" | "ar";
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The slug's problems as field errors (422 SLUG_INVALID / SLUG_RESERVED), or nothing. */
export function assertSlugUsable(slug: string, field = "slug"): void {
  const problem = slugProblem(slug);
  if (problem === "invalid")
    throw new ValidationError(
      `A store ID is ${SLUG_RULES_TEXT}`,
      [{ field, code: "slug_invalid", message: `Use ${SLUG_RULES_TEXT}` }],
      "SLUG_INVALID",
    );
  if (problem === "reserved")
    throw new ValidationError(
      `"${slug}" is reserved; choose another store ID`,
      [{ field, code: "slug_reserved", message: "This store ID is reserved" }],
      "SLUG_RESERVED",
    );
}

const slugTaken = (slug: string, field = "slug") =>
  new AppError(409, "conflict_error", "SLUG_TAKEN", `The store ID "${slug}" is taken`, {
    errors: [{ field, code: "slug_taken", message: "This store ID is taken" }],
  });

export async function slugAvailability(db: Db, input: string) {
  const slug = normalizeSlug(input);
  const problem = slugProblem(slug);
  if (problem) return { slug, available: false, reason: problem } as const;
  const [row] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.slug, slug))
    .limit(1);
  return row
    ? ({ slug, available: false, reason: "taken" } as const)
    : ({ slug, available: true, reason: null } as const);
}

/**
 * Inserts a store (call inside a transaction). `prefix` names the fields in errors, e.g. "store.".
 * Raises 422 SLUG_INVALID / SLUG_RESERVED / VALIDATION_ERROR and 409 SLUG_TAKEN.
 */
export async function insertStore(
  db: Db,
  input: NewStore,
  now: Date,
  prefix = "",
): Promise<Tenant> {
  const slug = normalizeSlug(input.slug);
  assertSlugUsable(slug, `${prefix}slug`);
  const errors: FieldError[] = [];
  const currency = (input.currency ?? "SAR").trim().toUpperCase();
  if (!isCurrency(currency))
    errors.push({
      field: `${prefix}currency`,
      code: "invalid_currency",
      message: `"${currency}" is not an ISO 4217 currency`,
    });
  const timeZone = input.timeZone ?? "Asia/Riyadh";
  if (!isTimeZone(timeZone))
    errors.push({
      field: `${prefix}timezone`,
      code: "invalid_time_zone",
      message: `"${timeZone}" is not an IANA time zone`,
    });
  const vatNumber = normalizeVatNumber(input.vatNumber);
  if (vatNumberProblem(vatNumber, currency))
    errors.push({
      field: `${prefix}vat_number`,
      code: "vat_number_zatca",
      message: VAT_NUMBER_ZATCA_MESSAGE,
    });
  const nameEn = input.nameEn.trim();
  const nameAr = input.nameAr.trim();
  if (!nameEn || nameEn.length > 100)
    errors.push({ field: `${prefix}name.en`, code: "too_small", message: "1-100 characters" });
  if (!nameAr || nameAr.length > 100)
    errors.push({ field: `${prefix}name.ar`, code: "too_small", message: "1-100 characters" });
  if (errors.length) throw new ValidationError("The store has invalid fields", errors);
  const [row] = await db
    .insert(tenants)
    .values({
      slug,
      nameEn,
      nameAr,
      currency,
      timeZone,
      vatRateBp: Math.round((input.vatRate ?? 15) * 100),
      pricesIncludeVat: input.pricesIncludeVat ?? true,
      vatNumber: vatNumber ?? null,
      defaultLocale: input.defaultLocale ?? "ar",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: tenants.slug })
    .returning();
  if (!row) throw slugTaken(slug, `${prefix}slug`);
  return row;
}

/** An audit row written by the platform itself (setup, sign-up, the command line). */
async function auditSystem(
  db: Db,
  tenantId: string,
  action: string,
  extra: { actorId?: string; ip?: string; requestId?: string; metadata?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({
    tenantId,
    actorType: extra.actorId ? "user" : "system",
    actorId: extra.actorId ?? null,
    action,
    resourceType: "tenant",
    resourceId: tenantId,
    ip: extra.ip ?? null,
    requestId: extra.requestId ?? null,
    metadata: extra.metadata ?? {},
  });
}

export interface NewOwner {
  name: string;
  email: string;
  password: string;
}

/** A store and its owner (with a password) in one transaction; the caller signs them in. */
export async function createStoreWithOwner(
  db: Db,
  store: NewStore,
  owner: NewOwner,
  meta: { now: Date; ip: string; requestId: string; via: "setup" | "signup" },
  inTransaction?: (tx: Db, tenant: Tenant) => Promise<void>,
): Promise<{ tenant: Tenant; user: User }> {
  const passwordHash = await hashPassword(owner.password);
  return db.transaction(async (tx) => {
    const tenant = await insertStore(tx, store, meta.now, "store.");
    await inTransaction?.(tx, tenant);
    const [user] = await tx
      .insert(users)
      .values({
        tenantId: tenant.id,
        email: owner.email.trim().toLowerCase(),
        name: owner.name.trim(),
        role: "owner",
        passwordHash,
        createdAt: meta.now,
        updatedAt: meta.now,
      })
      .returning();
    await auditSystem(tx, tenant.id, "store.created", {
      actorId: user!.id,
      ip: meta.ip,
      requestId: meta.requestId,
      metadata: { via: meta.via, slug: tenant.slug },
    });
    return { tenant, user: user! };
  });
}

// ---------------------------------------------------------------------------------------------
// Operator: list, suspend, resume, create with an owner invitation

export async function listStores(db: Db) {
  const rows = await db
    .select({
      tenant: tenants,
      productCount:
        sql<number>`(select count(*) from ${products} where ${products.tenantId} = ${tenants.id})`.mapWith(
          Number,
        ),
      orderCount:
        sql<number>`(select count(*) from ${orders} where ${orders.tenantId} = ${tenants.id})`.mapWith(
          Number,
        ),
    })
    .from(tenants)
    .orderBy(tenants.createdAt);
  const owners = rows.length
    ? await db
        .select({ tenantId: users.tenantId, email: users.email })
        .from(users)
        .where(
          and(
            inArray(
              users.tenantId,
              rows.map((r) => r.tenant.id),
            ),
            eq(users.role, "owner"),
          ),
        )
        .orderBy(users.createdAt)
    : [];
  const pending = rows.length
    ? await db
        .select({ tenantId: invitations.tenantId, email: invitations.email })
        .from(invitations)
        .where(
          and(
            inArray(
              invitations.tenantId,
              rows.map((r) => r.tenant.id),
            ),
            eq(invitations.role, "owner"),
            sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .orderBy(desc(invitations.createdAt))
    : [];
  /** The first owner's email; else the email of a pending owner invitation (CLI-created stores). */
  const ownerOf = (tenantId: string) => {
    const active = owners.find((o) => o.tenantId === tenantId);
    if (active) return { email: active.email, invited: false };
    const invited = pending.find((p) => p.tenantId === tenantId);
    return invited ? { email: invited.email, invited: true } : null;
  };
  return rows.map((r) => ({
    slug: r.tenant.slug,
    name: { en: r.tenant.nameEn, ar: r.tenant.nameAr },
    status: r.tenant.status,
    created_at: r.tenant.createdAt.toISOString(),
    owner: ownerOf(r.tenant.id),
    products: r.productCount,
    orders: r.orderCount,
  }));
}

async function setStatus(db: Db, slug: string, status: "active" | "suspended", now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({ status, suspendedAt: status === "suspended" ? now : null, updatedAt: now })
      .where(eq(tenants.slug, normalizeSlug(slug)))
      .returning();
    if (!row) throw new NotFoundError(`No store with the ID "${slug}"`, "TENANT_NOT_FOUND");
    await auditSystem(tx, row.id, status === "suspended" ? "store.suspended" : "store.resumed", {});
    return row;
  });
}

/** Nothing is deleted: the API answers 403 STORE_SUSPENDED until the store is resumed. */
export const suspendStore = (db: Db, slug: string, now = new Date()) =>
  setStatus(db, slug, "suspended", now);
export const resumeStore = (db: Db, slug: string, now = new Date()) =>
  setStatus(db, slug, "active", now);

const INVITATION_DAYS = 7;

/**
 * The operator's `stores create`: the store and a one-time owner invitation (the same
 * invitations as lib/users: the owner sets name and password at /[locale]/accept-invitation).
 * No password ever passes through a command line.
 */
export async function createStoreWithInvitation(
  db: Db,
  store: NewStore,
  ownerEmail: string,
  publicUrl: string,
  now = new Date(),
) {
  const email = ownerEmail.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320)
    throw new ValidationError("The owner's email is not an email address", [
      { field: "owner_email", code: "invalid_email", message: "Not an email address" },
    ]);
  const token = `bsi_${randomBytes(32).toString("base64url")}`;
  const tenant = await db.transaction(async (tx) => {
    const tenant = await insertStore(tx, store, now);
    const [row] = await tx
      .insert(invitations)
      .values({
        id: randomUUID(),
        tenantId: tenant.id,
        email,
        role: "owner",
        tokenHash: sha256Hex(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await auditSystem(tx, tenant.id, "store.created", {
      metadata: { via: "cli", slug: tenant.slug, owner_invitation_id: row!.id, email },
    });
    return tenant;
  });
  const url = new URL(`/${tenant.defaultLocale}/accept-invitation`, publicUrl);
  url.searchParams.set("store", tenant.slug);
  url.searchParams.set("token", token);
  return {
    tenant,
    acceptUrl: url.toString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  };
}

/** The ServiceContext of a freshly created store's owner, to sign them in. */
export function ownerContext(
  db: Db,
  tenant: Tenant,
  user: User,
  meta: Pick<ServiceContext, "ip" | "requestId" | "now" | "credentials">,
): ServiceContext {
  return {
    db,
    tenant,
    actor: { type: "user", userId: user.id, role: "owner", sessionId: randomUUID() },
    ...meta,
  };
}
