import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { seedSampleData } from "@/lib/demo/sample-data";
import { seedDemo } from "@/lib/demo/seed";
import { orders } from "@/lib/orders/schema";
import { productCounts, products } from "@/lib/products/schema";
import { openTestDatabase } from "./harness";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

it("fills the demo store once with a bilingual catalogue and orders in every state", async () => {
  const demo = await seedDemo(database.db, "demo-password-1");
  expect(await seedSampleData(database.db, demo.tenant, demo.ownerId)).toEqual({
    products: 11,
    orders: 6,
  });
  // A second run (every `npm run demo` start) adds nothing.
  expect(await seedSampleData(database.db, demo.tenant, demo.ownerId)).toEqual({
    products: 0,
    orders: 0,
  });

  const catalogue = await database.db
    .select()
    .from(products)
    .where(eq(products.tenantId, demo.tenant.id));
  expect(catalogue).toHaveLength(11);
  expect(catalogue.every((p) => p.nameEn && p.nameAr)).toBe(true);
  // Two sold in an order that completed; none returned.
  expect(catalogue.find((p) => p.sku === "COF-250")?.inventory).toBe(118);
  // A cancelled order gave its stock back.
  expect(catalogue.find((p) => p.sku === "HON-SDR")?.inventory).toBe(18);

  const placed = await database.db.select().from(orders).where(eq(orders.tenantId, demo.tenant.id));
  expect(placed.map((o) => o.status).sort()).toEqual([
    "cancelled",
    "completed",
    "fulfilled",
    "paid",
    "pending",
    "refunded",
  ]);
  expect(placed.every((o) => o.totalMinor > 0 && o.number.startsWith("BS-"))).toBe(true);
  const counts = await database.db
    .select()
    .from(productCounts)
    .where(eq(productCounts.tenantId, demo.tenant.id));
  expect(Object.fromEntries(counts.map((c) => [c.status, c.count]))).toEqual({
    active: 10,
    draft: 1,
  });
});
