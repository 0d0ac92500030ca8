import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { tenants, type Tenant } from "./schema";
import { randomUUID } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { AuthenticationError, ValidationError, type FieldError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { isCurrency } from "@/lib/money";
import { validateImage, type FileStorage } from "@/lib/storage";
import type { StoreSettingsUpdate, TenantSchema } from "./contract";
import { normalizeVatNumber, VAT_NUMBER_ZATCA_MESSAGE, vatNumberProblem } from "./vat-number";

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row;
}

export function presentTenant(t: Tenant): z.infer<typeof TenantSchema> {
  return {
    id: t.id,
    slug: t.slug,
    name: { en: t.nameEn, ar: t.nameAr },
    currency: t.currency,
    time_zone: t.timeZone,
    vat_rate: t.vatRateBp / 100,
    prices_include_vat: t.pricesIncludeVat,
    default_locale: t.defaultLocale === "en" ? "en" : "ar",
    vat_number: t.vatNumber,
    logo_url: t.logoUrl,
  };
}

const BILLING_FIELDS = ["currency", "vat_rate", "prices_include_vat", "vat_number"] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Store settings. Admins change names, time zone, language and logo; currency and VAT are
 * billing-level and need an owner. Raises tenant.updated.
 */
export async function updateSettings(
  ctx: ServiceContext,
  input: z.infer<typeof StoreSettingsUpdate>,
) {
  authorize(ctx.actor, "settings:write");
  if (BILLING_FIELDS.some((f) => input[f] !== undefined)) authorize(ctx.actor, "settings:billing");
  const errors: FieldError[] = [];
  if (input.currency !== undefined && !isCurrency(input.currency))
    errors.push({
      field: "currency",
      code: "invalid_currency",
      message: `"${input.currency}" is not an ISO 4217 currency`,
    });
  if (input.time_zone !== undefined && !isTimeZone(input.time_zone))
    errors.push({
      field: "time_zone",
      code: "invalid_time_zone",
      message: `"${input.time_zone}" is not an IANA time zone`,
    });
  const vatNumber = normalizeVatNumber(input.vat_number);
  if (vatNumberProblem(vatNumber, input.currency ?? ctx.tenant.currency))
    errors.push({
      field: "vat_number",
      code: "vat_number_zatca",
      message: VAT_NUMBER_ZATCA_MESSAGE,
    });
  if (errors.length) throw new ValidationError("The settings have invalid fields", errors);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({
        nameEn: input.name?.en,
        nameAr: input.name?.ar,
        currency: input.currency,
        vatRateBp: input.vat_rate === undefined ? undefined : Math.round(input.vat_rate * 100),
        pricesIncludeVat: input.prices_include_vat,
        vatNumber,
        timeZone: input.time_zone,
        defaultLocale: input.default_locale,
        updatedAt: ctx.now(),
      })
      .where(eq(tenants.id, ctx.tenant.id))
      .returning();
    const tenant = presentTenant(row!);
    await recordEvent(tx, ctx, "tenant.updated", tenant);
    await recordAudit(tx, ctx, {
      action: "tenant.updated",
      resourceType: "tenant",
      resourceId: ctx.tenant.id,
      metadata: { fields: Object.keys(input) },
    });
    return tenant;
  });
}

export async function getSettings(ctx: ServiceContext) {
  if (!ctx.actor) throw new AuthenticationError();
  const [row] = await ctx.db.select().from(tenants).where(eq(tenants.id, ctx.tenant.id));
  return presentTenant(row!);
}

export async function uploadLogo(ctx: ServiceContext, storage: FileStorage, bytes: Uint8Array) {
  authorize(ctx.actor, "settings:write");
  const type = validateImage(bytes);
  const key = `${ctx.tenant.id}/${randomUUID()}.${type.ext}`;
  await storage.put(key, bytes, type.contentType);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({ logoUrl: `/api/v1/files/${key}`, updatedAt: ctx.now() })
      .where(eq(tenants.id, ctx.tenant.id))
      .returning();
    const tenant = presentTenant(row!);
    await recordEvent(tx, ctx, "tenant.updated", tenant);
    await recordAudit(tx, ctx, {
      action: "tenant.logo_updated",
      resourceType: "tenant",
      resourceId: ctx.tenant.id,
    });
    return tenant;
  });
}
