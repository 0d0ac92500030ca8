import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { products } from "@/lib/products/schema";
import { tenants } from "@/lib/tenants/schema";
import { inTenantScope, outsideTenantScope } from "@/lib/db/tenant-scope";
import { csvDownload } from "@/lib/api/platform/stream";
import { createTenant, createTestApi, signIn, type TestApi } from "./harness";
import type { Tenant } from "@/lib/tenants/schema";

/**
 * Row-level security (issue 17, docs/decisions/0021-row-level-security.md): inside a store's scope
 * the database itself hides every other store's rows, so a query that forgot its tenant filter
 * still cannot leak. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
let t: TestApi;
let a: Tenant;
let b: Tenant;

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Every table with a tenant_id column, as the database lists them. */
async function tenantTables() {
  const result = await t.db.execute(sql`
    select c.table_name as name from information_schema.columns c
      join information_schema.tables tb using (table_schema, table_name)
     where c.table_schema = 'public' and c.column_name = 'tenant_id' and tb.table_type = 'BASE TABLE'
     order by 1`);
  return rows<{ name: string }>(result).map((r) => r.name);
}

async function createProduct(tenant: Tenant, headers: Record<string, string>, nameEn: string) {
  const res = await t.request("/api/v1/store/products", {
    method: "POST",
    headers,
    json: { name: { en: nameEn, ar: "منتج" }, price: 10, inventory: 5 },
  });
  expect(res.status, `creating a product in ${tenant.slug}`).toBe(201);
}

beforeAll(async () => {
  t = await createTestApi({
    routes(api) {
      // A route that forgets its tenant filter on purpose: what a bug would look like.
      api.get("/api/v1/store/unscoped-products", async (c) => {
        const all = await c.var.deps.db.select({ tenantId: products.tenantId }).from(products);
        return c.json({ tenants: [...new Set(all.map((p) => p.tenantId))] });
      });
      // The same, read by the server while it sends a streamed download, after the handler returned.
      api.get("/api/v1/store/unscoped-products.csv", (c) => {
        const source = new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              const all = await c.var.deps.db
                .select({ tenantId: products.tenantId })
                .from(products);
              controller.enqueue(
                new TextEncoder().encode([...new Set(all.map((p) => p.tenantId))].join("\n")),
              );
              controller.close();
            },
          },
          { highWaterMark: 0 },
        );
        return csvDownload(c, "unscoped", source);
      });
    },
  });
  a = await createTenant(t);
  b = await createTenant(t);
  const ownerA = await signIn(t, a);
  const ownerB = await signIn(t, b);
  await createProduct(a, ownerA.headers, "Lamp");
  await createProduct(b, ownerB.headers, "Chair");
  await createProduct(b, ownerB.headers, "Table");
});

afterAll(() => t?.close());

describe("row-level security", () => {
  it("is on, and forced, for every table with a tenant_id and for the tenants table", async () => {
    const names = await tenantTables();
    expect(names.length).toBeGreaterThan(30);
    const result = await t.db.execute(sql`
      select relname as name, relrowsecurity as enabled, relforcerowsecurity as forced
        from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`);
    const flags = new Map(
      rows<{ name: string; enabled: boolean; forced: boolean }>(result).map((r) => [r.name, r]),
    );
    for (const name of [...names, "tenants"])
      expect(flags.get(name), name).toMatchObject({ enabled: true, forced: true });
  });

  it("a query without a tenant filter, run for a store, sees only that store's rows in every table", async () => {
    const names = await tenantTables();
    // As the system (no store), the other store's rows are there to be seen.
    const everywhere = await t.db.select({ tenantId: products.tenantId }).from(products);
    expect(new Set(everywhere.map((p) => p.tenantId))).toEqual(new Set([a.id, b.id]));
    await inTenantScope(a.id, async () => {
      for (const name of names) {
        const result = await t.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(name)} where tenant_id <> ${a.id}`,
        );
        expect(rows<{ n: number }>(result)[0]!.n, name).toBe(0);
      }
      const seen = await t.db.select({ tenantId: products.tenantId }).from(products);
      expect(seen.length).toBe(1);
      expect(seen.every((p) => p.tenantId === a.id)).toBe(true);
      const stores = await t.db.select({ id: tenants.id }).from(tenants);
      expect(stores.map((s) => s.id)).toEqual([a.id]);
    });
  });

  it("a route that forgets its tenant filter still answers with the caller's store only", async () => {
    const res = await t.request("/api/v1/store/unscoped-products", {
      headers: { "x-tenant-id": b.slug },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tenants: [b.id] });
  });

  it("a streamed download reads in the caller's store too", async () => {
    const res = await t.request("/api/v1/store/unscoped-products.csv", {
      headers: { "x-tenant-id": a.slug },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(a.id);
  });

  it("refuses to write a row into another store, and to move a row there", async () => {
    await inTenantScope(a.id, async () => {
      const insert = t.db.insert(products).values({
        tenantId: b.id,
        nameEn: "Smuggled",
        nameAr: "مهرب",
        priceMinor: 100,
        currency: "SAR",
      });
      await expect(insert).rejects.toMatchObject({ cause: { code: "42501" } });
      const moved = t.db.update(products).set({ tenantId: b.id });
      await expect(moved).rejects.toMatchObject({ cause: { code: "42501" } });
      // Another store's rows are not there to change or delete.
      const deleted = await t.db.execute(sql`delete from products where tenant_id = ${b.id}`);
      expect(
        (deleted as { affectedRows?: number; rowCount?: number }).affectedRows ??
          (deleted as { rowCount: number }).rowCount,
      ).toBe(0);
    });
    const bProducts = await t.db
      .select()
      .from(products)
      .where(sql`${products.tenantId} = ${b.id}`);
    expect(bProducts.map((p) => p.nameEn).sort()).toEqual(["Chair", "Table"]);
  });

  it("many stores' work at once on shared connections never sees another's rows", async () => {
    const seen = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const store = i % 3 === 0 ? a : i % 3 === 1 ? b : undefined;
        const read = async () => {
          const found = await t.db.select({ tenantId: products.tenantId }).from(products);
          // A transaction too: it keeps its store for its whole length.
          const inTx = await t.db.transaction(async (tx) => {
            await new Promise((r) => setTimeout(r, i % 5));
            return tx.select({ tenantId: products.tenantId }).from(products);
          });
          return { store, tenants: new Set([...found, ...inTx].map((p) => p.tenantId)) };
        };
        return store ? inTenantScope(store.id, read) : read();
      }),
    );
    for (const { store, tenants: got } of seen)
      expect([...got].sort()).toEqual(store ? [store.id] : [a.id, b.id].sort());
  });

  it("the search helper, which runs as the owner, answers a store's scope for that store only", async () => {
    const like = (tenant: Tenant, column = "search_text") =>
      t.db.execute(
        sql`select store_rows_like('products', ${column}, ${tenant.id}::uuid, '%') as id`,
      );
    await inTenantScope(a.id, async () => {
      expect(rows(await like(a)).length).toBe(1);
      expect(rows(await like(b)).length).toBe(0);
      // Only the columns the API searches: not a way to probe any column of any table.
      await expect(like(a, "name_en")).rejects.toThrow();
    });
    // As the system, any store (what the workers and exports of the system would see).
    expect(rows(await like(b)).length).toBe(2);
  });

  it("outsideTenantScope is the one way back to every store, on purpose", async () => {
    const counted = await inTenantScope(a.id, () =>
      outsideTenantScope(() => t.db.select({ id: products.id }).from(products)),
    );
    expect(counted.length).toBe(3);
  });
});
