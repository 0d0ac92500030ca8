import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sql } from "drizzle-orm";
import { listQueries, type Shape } from "@/lib/products/service/list";
import { products } from "@/lib/products/schema";
import { createTenant, createTestApi, type TestApi } from "./harness";

// Issue 20: the product list runs as named prepared statements. PostgreSQL switches a named
// statement to a generic plan (one for every store) after a few runs: that plan must still walk
// the right index, for a store of thousands of products and for a store of three.

type Param = { name: string } | string | number;

describe.runIf(process.env.DATABASE_URL)("the list's generic plans (PostgreSQL)", () => {
  let t: TestApi;
  let client: pg.Client;
  let big: string;
  let small: string;
  beforeAll(async () => {
    t = await createTestApi();
    const [a, b] = [await createTenant(t), await createTenant(t)];
    [big, small] = [a.id, b.id];
    const row = (tenantId: string, i: number) => ({
      tenantId,
      nameEn: `Product ${i}`,
      nameAr: `منتج ${i}`,
      priceMinor: 1000 + i,
      currency: "SAR",
      status: i % 3 === 0 ? ("draft" as const) : ("active" as const),
      category: i % 5 === 0 ? "Lamps" : "Coffee",
      inventory: i,
      searchText: `product ${i}`,
    });
    for (let start = 0; start < 5_000; start += 1_000)
      await t.db
        .insert(products)
        .values(Array.from({ length: 1_000 }, (_, i) => row(big, start + i)));
    await t.db.insert(products).values([row(small, 1), row(small, 2), row(small, 3)]);
    await t.db.execute(sql`analyze products`);
    client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    await client.query("set plan_cache_mode = force_generic_plan");
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await t?.close();
  });

  /** EXPLAIN of the shape's page query under a generic plan, for one store. */
  async function genericPlan(shape: Shape, name: string, tenantId: string) {
    const { sql: text, params } = listQueries(t.db, shape).page.toSQL();
    const values = { tenantId, status: "active", category: "Lamps", limit: 20, offset: 0 };
    await client.query(`prepare ${name} as ${text}`);
    const args = (params as Param[]).map((p) =>
      typeof p === "object" ? values[p.name as keyof typeof values] : p,
    );
    const { rows } = await client.query(
      `explain execute ${name}(${args.map((a) => (typeof a === "number" ? a : `'${a}'`)).join(", ")})`,
    );
    await client.query(`deallocate ${name}`);
    return rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n");
  }

  it.each([
    [{ sort: "-created_at", status: false, category: false }, "products_tenant_created_idx"],
    [{ sort: "-created_at", status: true, category: false }, "products_tenant_status_created_idx"],
    [
      { sort: "-created_at", status: false, category: true },
      "products_tenant_category_created_idx",
    ],
    [{ sort: "price", status: false, category: false }, "products_tenant_price_idx"],
  ] as const)(
    "%j walks %s in a store of 5,000 and of 3, with no sort step",
    async (shape, index) => {
      for (const [label, tenantId] of [
        ["big", big],
        ["small", small],
      ] as const) {
        const plan = await genericPlan(shape, `p_${label}`, tenantId);
        expect(plan, plan).toContain(index);
        expect(plan, plan).not.toMatch(/Seq Scan|Sort/);
      }
    },
  );
});
