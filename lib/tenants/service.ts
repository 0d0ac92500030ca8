import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { tenants, type Tenant } from "./schema";
import type { z } from "@hono/zod-openapi";
import type { TenantSchema } from "./contract";

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
  };
}
