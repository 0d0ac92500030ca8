import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { outboxEvents } from "@/lib/events/schema";
import { orders } from "@/lib/orders/schema";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

async function shop(role: Role = "owner", tenantOverrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, tenantOverrides);
  const user = await createUser(t, tenant, { role });
  const { access_token } = await login(t, tenant, user);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  const product = async (price: number | string, inventory = 10, extra: object = {}) =>
    (await (
      await call("POST", "/api/v1/store/products", {
        name: { en: `P ${price}`, ar: `م ${price}` },
        price,
        inventory,
        status: "active",
        ...extra,
      })
    ).json()) as { id: string };
  const order = (json: unknown) => call("POST", "/api/v1/store/orders", json);
  return { tenant, user, call, product, order, token: access_token };
}

describe("create and totals", () => {
  it("snapshots prices and names, computes VAT-inclusive totals, numbers the order", async () => {
    const s = await shop("owner", { currency: "SAR", vatRateBp: 1500, pricesIncludeVat: true });
    const a = await s.product(115, 5);
    const b = await s.product("299.99", 5);
    const res = await s.order({
      items: [
        { product_id: a.id, quantity: 2 },
        { product_id: b.id, quantity: 1 },
      ],
      customer_email: "Buyer@Example.com",
    });
    expect(res.status).toBe(201);
    const order = await res.json();
    expect(order).toMatchObject({
      status: "pending",
      currency: "SAR",
      customer_email: "buyer@example.com",
      subtotal: 460.86,
      tax: 69.13,
      total: 529.99,
      vat_rate: 15,
      prices_include_vat: true,
    });
    expect(order.number).toMatch(/^BS-\d{4}-000001$/);
    expect(
      order.items.map((i: { unit_price: number; quantity: number; total: number; tax: number }) => [
        i.unit_price,
        i.quantity,
        i.total,
        i.tax,
      ]),
    ).toEqual([
      [115, 2, 230, 30],
      [299.99, 1, 299.99, 39.13],
    ]);
    // Changing the product later does not change the order.
    await s.call("PATCH", `/api/v1/store/products/${a.id}`, { price: 1, name: { en: "Renamed" } });
    const again = await (await s.call("GET", `/api/v1/store/orders/${order.id}`)).json();
    expect(again.items[0]).toMatchObject({ unit_price: 115, name: { en: "P 115" } });
  });

  it("adds VAT on top when prices exclude it; KWD keeps three decimals; JPY none", async () => {
    const kw = await shop("owner", { currency: "KWD", vatRateBp: 500, pricesIncludeVat: false });
    const p = await kw.product(1.125, 5, { currency: "KWD" });
    const o = await (await kw.order({ items: [{ product_id: p.id, quantity: 3 }] })).json();
    expect([o.subtotal, o.tax, o.total]).toEqual([3.375, 0.169, 3.544]);
    const jp = await shop("owner", { currency: "JPY", vatRateBp: 1000, pricesIncludeVat: false });
    const q = await jp.product(1500, 5, { currency: "JPY" });
    const j = await (await jp.order({ items: [{ product_id: q.id, quantity: 1 }] })).json();
    expect([j.subtotal, j.tax, j.total]).toEqual([1500, 150, 1650]);
  });

  it("422 names every bad line: unknown product, draft product, wrong currency, bad quantity", async () => {
    const s = await shop();
    const draft = (await (
      await s.call("POST", "/api/v1/store/products", { name: { en: "d" }, price: 1, inventory: 5 })
    ).json()) as { id: string };
    const usd = await s.product(1, 5, { currency: "USD" });
    const res = await s.order({
      items: [
        { product_id: "00000000-0000-4000-8000-000000000000", quantity: 1 },
        { product_id: draft.id, quantity: 1 },
        { product_id: usd.id, quantity: 1 },
      ],
    });
    const body = await expectError(res, 422, "VALIDATION_ERROR");
    expect(
      (body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
    ).toEqual([
      ["items.0.product_id", "not_found"],
      ["items.1.product_id", "not_available"],
      ["items.2.product_id", "currency_mismatch"],
    ]);
    await expectError(
      await s.order({ items: [{ product_id: usd.id, quantity: 0 }] }),
      422,
      "VALIDATION_ERROR",
    );
    await expectError(await s.order({}), 422, "VALIDATION_ERROR");
  });

  it("numbers orders without gaps under concurrency, per store", async () => {
    const s = await shop();
    const p = await s.product(1, 1000);
    const results = await Promise.all(
      Array.from({ length: 15 }, () => s.order({ items: [{ product_id: p.id, quantity: 1 }] })),
    );
    const numbers = (await Promise.all(results.map((r) => r.json())))
      .map((o: { number: string }) => Number(o.number.slice(-6)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const other = await shop();
    const q = await other.product(1, 5);
    expect(
      (await (await other.order({ items: [{ product_id: q.id, quantity: 1 }] })).json()).number,
    ).toMatch(/000001$/);
  });
});

describe("inventory", () => {
  it("reserves stock, refuses overselling with 409, and gives stock back on cancel", async () => {
    const s = await shop();
    const p = await s.product(10, 3);
    const o = await (await s.order({ items: [{ product_id: p.id, quantity: 2 }] })).json();
    expect((await (await s.call("GET", `/api/v1/store/products/${p.id}`)).json()).inventory).toBe(
      1,
    );
    await expectError(
      await s.order({ items: [{ product_id: p.id, quantity: 2 }] }),
      409,
      "INSUFFICIENT_STOCK",
    );
    await s.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: "cancelled" });
    expect((await (await s.call("GET", `/api/v1/store/products/${p.id}`)).json()).inventory).toBe(
      3,
    );
  });

  it("the last unit goes to exactly one of 10 concurrent buyers", async () => {
    const s = await shop();
    const p = await s.product(10, 1);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => s.order({ items: [{ product_id: p.id, quantity: 1 }] })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(9);
    expect((await (await s.call("GET", `/api/v1/store/products/${p.id}`)).json()).inventory).toBe(
      0,
    );
    // A failed order takes no number: the next one is 000002.
    await s.call("PATCH", `/api/v1/store/products/${p.id}`, { inventory: 1 });
    const next = await (await s.order({ items: [{ product_id: p.id, quantity: 1 }] })).json();
    expect(next.number).toMatch(/000002$/);
  });

  it("orders naming the same products in opposite orders, all at once, all succeed (no deadlock)", async () => {
    // Found by the soak (npm run soak): two buyers of [A, B] and [B, A] locked the rows crosswise
    // and PostgreSQL killed one as a deadlock, a 500.
    const s = await shop();
    const a = await s.product(10, 1000);
    const b = await s.product(12, 1000);
    const lines = [
      { product_id: a.id, quantity: 1 },
      { product_id: b.id, quantity: 1 },
    ];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        s.order({ items: i % 2 ? lines : [...lines].reverse() }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const stock = async (id: string) =>
      (await (await s.call("GET", `/api/v1/store/products/${id}`)).json()).inventory;
    expect([await stock(a.id), await stock(b.id)]).toEqual([970, 970]);
  });

  it("a product that orders reference is archived, not deleted", async () => {
    const s = await shop();
    const p = await s.product(10, 3);
    await s.order({ items: [{ product_id: p.id, quantity: 1 }] });
    expect(await (await s.call("DELETE", `/api/v1/store/products/${p.id}`)).json()).toEqual({
      id: p.id,
      deleted: false,
      archived: true,
    });
    expect((await (await s.call("GET", `/api/v1/store/products/${p.id}`)).json()).status).toBe(
      "archived",
    );
  });
});

describe("integrations' idempotent sync", () => {
  it("20 concurrent identical requests with one external_id + source make exactly one order", async () => {
    const s = await shop();
    const body = {
      external_id: "wc-1001",
      source: "woocommerce",
      customer_email: "a@example.com",
      total: 230,
      items: [{ name: "Mug", quantity: 2, price: 115 }],
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => s.order(body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 200)).toHaveLength(19);
    const ids = new Set(
      (await Promise.all(results.map((r) => r.json()))).map((o: { id: string }) => o.id),
    );
    expect(ids.size).toBe(1);
    const rows = await t.db.select().from(orders).where(eq(orders.tenantId, s.tenant.id));
    expect(rows).toHaveLength(1);
    const created = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, s.tenant.id), eq(outboxEvents.event, "order.created")));
    expect(created).toHaveLength(1);
  });

  it("the same external_id from another source is another order", async () => {
    const s = await shop();
    expect((await s.order({ external_id: "X1", source: "woocommerce", total: 10 })).status).toBe(
      201,
    );
    expect((await s.order({ external_id: "X1", source: "salesforce", total: 10 })).status).toBe(
      201,
    );
  });

  it("accepts the guide's WooCommerce shape: {external_id, customer_email, total, items}", async () => {
    const s = await shop("owner", { vatRateBp: 1500 });
    const res = await s.order({
      external_id: 4711,
      customer_email: "wc@example.com",
      total: "115.00",
      items: [{ name: "Hoodie", quantity: 1, price: "115.00", sku: "WC-H" }],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      external_id: "4711",
      source: "api",
      total: 115,
      tax: 15,
      subtotal: 100,
      items: [{ product_id: null, name: { en: "Hoodie" }, sku: "WC-H" }],
    });
  });

  it("accepts the guide's Salesforce shape: {external_id, amount, source}", async () => {
    const s = await shop();
    const res = await s.order({
      external_id: "0066g00000AbCdE",
      amount: 12500,
      source: "salesforce",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      source: "salesforce",
      total: 12500,
      items: [],
      customer_email: null,
    });
    expect(
      (await s.order({ external_id: "0066g00000AbCdE", amount: 12500, source: "salesforce" }))
        .status,
    ).toBe(200);
  });

  it("a mirrored total may not be combined with product lines", async () => {
    const s = await shop();
    const p = await s.product(10, 5);
    await expectError(
      await s.order({ external_id: "m1", total: 5, items: [{ product_id: p.id, quantity: 1 }] }),
      422,
      "VALIDATION_ERROR",
    );
  });
});

describe("lifecycle", () => {
  const allowed: [string, string][] = [
    ["pending", "paid"],
    ["pending", "cancelled"],
    ["paid", "fulfilled"],
    ["paid", "refunded"],
    ["paid", "partially_refunded"],
    ["fulfilled", "completed"],
    ["fulfilled", "refunded"],
    ["fulfilled", "partially_refunded"],
    ["completed", "refunded"],
    ["completed", "partially_refunded"],
    ["partially_refunded", "refunded"],
  ];
  const paths: Record<string, string[]> = {
    pending: [],
    paid: ["paid"],
    fulfilled: ["paid", "fulfilled"],
    completed: ["paid", "fulfilled", "completed"],
    partially_refunded: ["paid", "partially_refunded"],
    cancelled: ["cancelled"],
    refunded: ["paid", "refunded"],
  };
  const statuses = Object.keys(paths);
  const cases = statuses.flatMap((from) =>
    statuses
      .filter((to) => to !== from)
      .map((to) => [from, to, allowed.some(([a, b]) => a === from && b === to)] as const),
  );

  let s: Awaited<ReturnType<typeof shop>>;
  let productId: string;
  beforeAll(async () => {
    s = await shop();
    productId = (await s.product(10, 1000)).id;
  });

  it.each(cases)("%s -> %s allowed: %s", async (from, to, ok) => {
    const o = await (await s.order({ items: [{ product_id: productId, quantity: 1 }] })).json();
    for (const step of paths[from]!)
      expect((await s.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: step })).status).toBe(
        200,
      );
    const res = await s.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: to });
    if (ok) {
      expect(res.status).toBe(200);
      expect((await res.json()).status).toBe(to);
    } else {
      const err = await expectError(res, 409, "INVALID_TRANSITION");
      expect(err.detail).toContain(from);
    }
  });

  it("keeps a timeline of who changed what, and raises order.updated", async () => {
    const o = await (await s.order({ items: [{ product_id: productId, quantity: 1 }] })).json();
    await s.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: "paid" });
    await s.call("PATCH", `/api/v1/store/orders/${o.id}`, {
      notes: "Gift wrap",
      customer_name: "Noura",
    });
    const full = await (await s.call("GET", `/api/v1/store/orders/${o.id}`)).json();
    expect(
      full.timeline.map(
        (e: { type: string; to_status: string | null; actor: { name: string } }) => [
          e.type,
          e.to_status,
          e.actor.name,
        ],
      ),
    ).toEqual([
      ["created", "pending", "Test User"],
      ["status_changed", "paid", "Test User"],
      ["note_updated", null, "Test User"],
      ["customer_updated", null, "Test User"],
    ]);
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, s.tenant.id), eq(outboxEvents.event, "order.updated")));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });
});

describe("list, isolation, permissions", () => {
  it("filters by status, source, number or email, and dates in the store's time zone", async () => {
    const s = await shop();
    const p = await s.product(10, 100);
    const a = await (
      await s.order({
        items: [{ product_id: p.id, quantity: 1 }],
        customer_email: "alpha@example.com",
      })
    ).json();
    await s.order({ external_id: "sf-9", source: "salesforce", amount: 99 });
    await s.call("PATCH", `/api/v1/store/orders/${a.id}`, { status: "paid" });
    const get = async (q: string) =>
      (await (await s.call("GET", `/api/v1/store/orders?${q}`)).json()) as {
        data: { number: string; item_count: number }[];
        pagination: { total: number };
      };
    expect((await get("")).pagination.total).toBe(2);
    expect((await get("status=paid")).data.map((o) => o.number)).toEqual([a.number]);
    expect((await get("source=salesforce")).pagination.total).toBe(1);
    expect((await get(`q=${a.number}`)).data[0]!.item_count).toBe(1);
    expect((await get("q=alpha@")).pagination.total).toBe(1);
    expect((await get(`q=${a.number.slice(-6)}`)).pagination.total).toBe(1);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: s.tenant.timeZone }).format(
      t.clock.now,
    );
    expect((await get(`start_date=${today}&end_date=${today}`)).pagination.total).toBe(2);
    expect((await get("end_date=2001-01-01")).pagination.total).toBe(0);
    await expectError(
      await s.call("GET", "/api/v1/store/orders?start_date=yesterday"),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("keeps the list's totals right through creates, repeats, refusals and status changes", async () => {
    const s = await shop();
    const p = await s.product(10, 2);
    const total = async (q = "") =>
      (
        (await (await s.call("GET", `/api/v1/store/orders${q}`)).json()) as {
          pagination: { total: number };
        }
      ).pagination.total;
    const line = { items: [{ product_id: p.id, quantity: 1 }], customer_email: "c@example.com" };
    const a = await (await s.order(line)).json();
    expect((await s.order(line)).status).toBe(201);
    // Refused (out of stock) and repeated (same external_id): neither is counted.
    expect((await s.order(line)).status).toBe(409);
    await s.order({ external_id: "sync-1", source: "woocommerce", total: 5 });
    expect((await s.order({ external_id: "sync-1", source: "woocommerce", total: 5 })).status).toBe(
      200,
    );
    await s.call("PATCH", `/api/v1/store/orders/${a.id}`, { status: "paid" });
    await s.call("PATCH", `/api/v1/store/orders/${a.id}`, { status: "fulfilled" });
    expect([
      await total(),
      await total("?status=pending"),
      await total("?status=paid"),
      await total("?status=fulfilled"),
      await total("?status=cancelled"),
    ]).toEqual([3, 2, 0, 1, 0]);
    // The counter agrees with counting the rows.
    const counted = await t.db.select().from(orders).where(eq(orders.tenantId, s.tenant.id));
    expect(counted.length).toBe(3);
  });

  it("exports the filtered list as CSV", async () => {
    const s = await shop();
    await s.order({
      external_id: "e1",
      source: "woocommerce",
      total: 10,
      customer_email: "csv@example.com",
    });
    const res = await s.call("GET", "/api/v1/store/orders/export?source=woocommerce");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFnumber,created_at,status")).toBe(true);
    expect(text).toContain("csv@example.com");
  });

  it("another store's order is 404 and never listed", async () => {
    const a = await shop();
    const b = await shop();
    const o = await (await a.order({ external_id: "iso", total: 1 })).json();
    await expectError(await b.call("GET", `/api/v1/store/orders/${o.id}`), 404, "ORDER_NOT_FOUND");
    await expectError(
      await b.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: "paid" }),
      404,
      "ORDER_NOT_FOUND",
    );
    expect((await (await b.call("GET", "/api/v1/store/orders")).json()).pagination.total).toBe(0);
    // The same external_id in another store is that store's own order.
    expect((await b.order({ external_id: "iso", total: 1 })).status).toBe(201);
  });

  it("viewers read but cannot create or change; staff cannot refund", async () => {
    const owner = await shop();
    const o = await (await owner.order({ external_id: "perm", total: 1, status: "paid" })).json();
    for (const role of ["viewer", "staff"] as const) {
      const u = await createUser(t, owner.tenant, { role });
      const { access_token } = await login(t, owner.tenant, u);
      const h = { "x-tenant-id": owner.tenant.slug, authorization: `Bearer ${access_token}` };
      expect((await t.request("/api/v1/store/orders", { headers: h })).status).toBe(200);
      const refund = await t.request(`/api/v1/store/orders/${o.id}`, {
        method: "PATCH",
        headers: h,
        json: { status: "refunded" },
      });
      await expectError(refund, 403, "INSUFFICIENT_PERMISSION");
      const create = await t.request("/api/v1/store/orders", {
        method: "POST",
        headers: h,
        json: { total: 1, external_id: `v-${role}` },
      });
      expect(create.status).toBe(role === "viewer" ? 403 : 201);
    }
  });
});
