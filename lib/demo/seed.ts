import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";
import type { Db } from "@/lib/db/client";

export const DEMO = {
  slug: "demo",
  email: "owner@demo.test",
  /** Documented in the README; override with DEMO_PASSWORD. */
  defaultPassword: "brainsait-demo",
} as const;

/**
 * Creates the demo store and its owner if they are missing; running it again changes nothing
 * (an existing owner keeps the password they have).
 */
export async function seedDemo(
  db: Db,
  password = process.env.DEMO_PASSWORD || DEMO.defaultPassword,
) {
  await db
    .insert(tenants)
    .values({
      slug: DEMO.slug,
      nameEn: "BrainSAIT Demo Store",
      nameAr: "متجر برينسايت التجريبي",
      currency: "SAR",
      timeZone: "Asia/Riyadh",
      vatRateBp: 1500,
      pricesIncludeVat: true,
      defaultLocale: "ar",
    })
    .onConflictDoNothing({ target: tenants.slug });
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
  if (!tenant) throw new Error("demo tenant missing after insert");
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.email, DEMO.email)));
  if (!existing) {
    await db
      .insert(users)
      .values({
        tenantId: tenant.id,
        email: DEMO.email,
        name: "Sara Al-Qahtani",
        role: "owner",
        passwordHash: await hashPassword(password),
      })
      .onConflictDoNothing();
  }
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.email, DEMO.email)));
  return { tenant, ownerId: owner!.id, email: DEMO.email, password, created: !existing };
}
