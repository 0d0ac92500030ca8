import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, createTestApi, signIn, type TestApi } from "./harness";

// Issue 17, item 4: DATABASE_READ_URL takes list, export and analytics reads (docs/operations.md).
// The "replica" is the same server through a second pool that names itself bs_reads and refuses
// writes (a standby would too): what it ran is read from pg_stat_activity.
const READ_APP = "bs_reads";
const readUrl = (url: string) => {
  const u = new URL(url);
  u.searchParams.set("application_name", READ_APP);
  u.searchParams.set("options", "-c default_transaction_read_only=on");
  return u.toString();
};

describe.runIf(process.env.DATABASE_URL)("a read replica (DATABASE_READ_URL)", () => {
  let t: TestApi;
  let monitor: pg.Client;
  let call: (method: string, path: string, json?: unknown) => Promise<Response>;
  beforeAll(async () => {
    t = await createTestApi({ readUrl });
    monitor = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await monitor.connect();
    const { headers } = await signIn(t, await createTenant(t));
    call = async (method, path, json) => t.request(path, { method, headers, json });
  });
  afterAll(async () => {
    await monitor.end();
    await t.close();
  });

  /** The statements the read pool's connections ran last, and those of every other pool. */
  async function lastStatements() {
    const dbName = new URL(t.database.url!).pathname.slice(1);
    const { rows: mine } = await monitor.query<{ app: string; query: string }>(
      `select application_name as app, query from pg_stat_activity where datname = $1`,
      [dbName],
    );
    return {
      reads: mine.filter((r) => r.app === READ_APP).map((r) => r.query),
      others: mine.filter((r) => r.app !== READ_APP).map((r) => r.query),
    };
  }

  it("serves the product and order lists, exports and analytics from the replica", async () => {
    const product = await call("POST", "/api/v1/store/products", {
      name: { en: "Lamp", ar: "مصباح" },
      price: 10,
      inventory: 5,
      status: "active",
    });
    expect(product.status).toBe(201);
    const { id } = (await product.json()) as { id: string };
    const order = await call("POST", "/api/v1/store/orders", {
      items: [{ product_id: id, quantity: 1 }],
    });
    expect(order.status).toBe(201);
    // The writes went to the primary: the read pool has run nothing but reads, if anything.
    const afterWrites = await lastStatements();
    expect(afterWrites.reads.join("\n")).not.toMatch(/\b(insert|update|delete)\b/i);

    const list = await call("GET", "/api/v1/store/products?limit=5");
    expect(list.status).toBe(200);
    expect(((await list.json()) as { data: { id: string }[] }).data.map((p) => p.id)).toEqual([id]);
    expect((await lastStatements()).reads.join("\n")).toMatch(/from "products"/);

    const orders = await call("GET", "/api/v1/store/orders");
    expect(((await orders.json()) as { pagination: { total: number } }).pagination.total).toBe(1);
    expect((await lastStatements()).reads.join("\n")).toMatch(/from "orders"/);

    const csv = await call("GET", "/api/v1/store/products/export");
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Lamp");

    const overview = await call("GET", "/api/v1/analytics/overview");
    expect(overview.status).toBe(200);
    expect((await lastStatements()).reads.join("\n")).toMatch(/analytics|order/i);
  });

  it("never takes a write: creating and changing go to the primary", async () => {
    const res = await call("POST", "/api/v1/store/products", {
      name: { en: "Chair", ar: "كرسي" },
      price: 5,
    });
    // The read pool refuses writes (read-only transactions): a write sent there would be a 500.
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await call("PATCH", `/api/v1/store/products/${id}`, { price: 6 })).status).toBe(200);
    // A get after a write reads the primary: it sees the change at once, whatever a replica's lag.
    const got = (await (await call("GET", `/api/v1/store/products/${id}`)).json()) as {
      price: string;
    };
    expect(Number(got.price)).toBe(6);
    const { reads, others } = await lastStatements();
    expect(reads.join("\n")).not.toMatch(/\b(insert|update|delete)\b/i);
    expect(others.join("\n")).toMatch(/products/);
  });
});
