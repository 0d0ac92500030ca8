import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import { createTestApi, expectError, type TestApi } from "./harness";
import { shop as newShop } from "./analytics-helpers";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());
const shop = (role?: Role, overrides?: Partial<Tenant>) => newShop(t, role, overrides);

describe("the overview", () => {
  it("counts an order at 23:30 in Riyadh on that Riyadh day, and the next one on the next", async () => {
    const s = await shop();
    const p = await s.product("Dates", 100);
    // 20:30 UTC is 23:30 in Riyadh (UTC+3); 21:30 UTC is already the next day there.
    const late = await s.order("2026-03-10T20:30:00Z", {
      items: [{ product_id: p.id, quantity: 1 }],
    });
    await s.order("2026-03-10T21:30:00Z", { items: [{ product_id: p.id, quantity: 2 }] });
    await s.pay("2026-03-10T20:35:00Z", late.id);

    const day = await s.overview("?start_date=2026-03-10&end_date=2026-03-10");
    expect(day.summary).toMatchObject({ total_orders: 1, paid_orders: 1, total_revenue: 100 });
    const both = await s.overview("?start_date=2026-03-10&end_date=2026-03-11");
    expect(both.revenue_trend).toEqual([
      { date: "2026-03-10", revenue: 100, orders: 1 },
      { date: "2026-03-11", revenue: 0, orders: 1 },
    ]);
    expect(both.top_products).toEqual([
      {
        product_id: p.id,
        name: { en: "Dates", ar: "Dates بالعربية" },
        revenue: 300,
        units_sold: 3,
      },
    ]);

    // The same instants in a store in New York (UTC-4 in March) fall on 03-10 both.
    const ny = await shop("owner", { timeZone: "America/New_York", currency: "USD" });
    const q = await ny.product("Coffee", 10);
    await ny.order("2026-03-10T20:30:00Z", { items: [{ product_id: q.id, quantity: 1 }] });
    await ny.order("2026-03-11T03:59:00Z", { items: [{ product_id: q.id, quantity: 1 }] });
    const nyDay = await ny.overview("?start_date=2026-03-10&end_date=2026-03-10");
    expect(nyDay.summary.total_orders).toBe(2);
    expect(nyDay.currency).toBe("USD");
  });

  it("is money taken minus refunds; pending orders bring nothing, cancelled ones are not counted", async () => {
    const s = await shop();
    const p = await s.product("Oud", 200);
    const day = "2026-04-01T09:00:00Z";
    const paid = await s.order(day, {
      items: [{ product_id: p.id, quantity: 1 }],
      customer_email: "a@x.test",
    });
    const payment = await s.pay(day, paid.id);
    const partial = await s.order(day, {
      items: [{ product_id: p.id, quantity: 2 }],
      customer_email: "b@x.test",
    });
    await s.pay(day, partial.id, 150.5);
    await s.order(day, { items: [{ product_id: p.id, quantity: 1 }] }); // pending
    const cancelled = await s.order(day, { items: [{ product_id: p.id, quantity: 5 }] });
    await s.at(day, () =>
      s.ok("PATCH", `/api/v1/store/orders/${cancelled.id}`, { status: "cancelled" }),
    );
    await s.at(day, () => s.ok("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 20.25 }));
    // Mirrored from another shop, already paid there: its total counts as taken.
    await s.order(day, {
      source: "woocommerce",
      external_id: "wc-1",
      status: "paid",
      items: [{ name: "Gift box", price: 50, quantity: 1 }],
    });

    const o = await s.overview("?start_date=2026-04-01&end_date=2026-04-01");
    // 200 + 150.50 + 50 taken, 20.25 refunded.
    expect(o.summary).toEqual({
      total_revenue: 380.25,
      total_orders: 4,
      average_order_value: 126.75,
      paid_orders: 3,
      refunded_amount: 20.25,
      new_customers: 2,
      returning_customers: 0,
    });
    expect(o.by_status).toEqual(
      expect.arrayContaining([
        { status: "cancelled", orders: 1, revenue: 0 },
        { status: "pending", orders: 2, revenue: 150.5 },
      ]),
    );
    expect(o.by_source).toEqual(
      expect.arrayContaining([
        { source: "admin", orders: 3, revenue: 330.25 },
        { source: "woocommerce", orders: 1, revenue: 50 },
      ]),
    );
    expect(o.by_payment_provider).toEqual([
      { provider: "manual", payments: 2, amount: 350.5, refunded: 20.25 },
    ]);
    // The cancelled order's five units are not sales.
    expect(o.top_products).toEqual([
      { product_id: p.id, name: { en: "Oud", ar: "Oud بالعربية" }, revenue: 800, units_sold: 4 },
    ]);
  });

  it("reports orders in another currency apart, never added to the store's", async () => {
    const s = await shop();
    const day = "2026-05-02T10:00:00Z";
    await s.order(day, {
      currency: "USD",
      status: "paid",
      external_id: "u1",
      source: "shopify",
      items: [{ name: "Mug", price: 12.5, quantity: 2 }],
    });
    await s.order(day, {
      status: "paid",
      external_id: "s1",
      source: "shopify",
      items: [{ name: "Mug", price: 40, quantity: 1 }],
    });
    const o = await s.overview("?start_date=2026-05-02&end_date=2026-05-02");
    expect(o.currency).toBe("SAR");
    expect(o.summary.total_revenue).toBe(40);
    expect(o.summary.total_orders).toBe(1);
    expect(o.other_currencies).toEqual([
      { currency: "USD", total_revenue: 25, total_orders: 1, refunded_amount: 0 },
    ]);
    expect(o.revenue_trend).toEqual([{ date: "2026-05-02", revenue: 40, orders: 1 }]);
  });

  it("compares with the period just before, of the same length", async () => {
    const s = await shop();
    const mirror = (instant: string, id: string, price: number, email: string) =>
      s.order(instant, {
        source: "pos",
        external_id: id,
        status: "paid",
        customer_email: email,
        items: [{ name: "Item", price, quantity: 1 }],
      });
    // Previous period (June 1-7): 2 orders, 100 in all, both customers new.
    await mirror("2026-06-02T10:00:00Z", "1", 40, "amal@x.test");
    await mirror("2026-06-06T10:00:00Z", "2", 60, "badr@x.test");
    // Current (June 8-14): 3 orders, 150; amal returns, badr returns twice, one new customer.
    await mirror("2026-06-08T10:00:00Z", "3", 50, "amal@x.test");
    await mirror("2026-06-09T10:00:00Z", "4", 50, "badr@x.test");
    await mirror("2026-06-12T10:00:00Z", "5", 25, "badr@x.test");
    await mirror("2026-06-14T10:00:00Z", "6", 25, "carim@x.test");

    const o = await s.overview("?start_date=2026-06-08&end_date=2026-06-14");
    expect(o.comparison.start_date).toBe("2026-06-01");
    expect(o.comparison.end_date).toBe("2026-06-07");
    expect(o.summary).toMatchObject({
      total_revenue: 150,
      total_orders: 4,
      average_order_value: 37.5,
      new_customers: 1,
      returning_customers: 2,
    });
    expect(o.comparison.previous_period).toMatchObject({
      total_revenue: 100,
      total_orders: 2,
      average_order_value: 50,
      new_customers: 2,
      returning_customers: 0,
    });
    expect(o.comparison.change_pct).toMatchObject({
      total_revenue: 50,
      total_orders: 100,
      average_order_value: -25,
      new_customers: -50,
      returning_customers: null,
      refunded_amount: null,
    });
    // Seen from the previous week, nobody had ordered before it.
    const before = await s.overview("?start_date=2026-06-01&end_date=2026-06-07");
    expect(before.summary).toMatchObject({ new_customers: 2, returning_customers: 0 });
  });

  it("counts a customer back after months as returning, once, whatever the range's first day", async () => {
    const s = await shop();
    const mirror = (instant: string, id: string, email: string) =>
      s.order(instant, {
        source: "pos",
        external_id: id,
        status: "paid",
        customer_email: email,
        items: [{ name: "Item", price: 10, quantity: 1 }],
      });
    await mirror("2026-01-20T10:00:00Z", "1", "hala@x.test");
    await mirror("2026-03-03T10:00:00Z", "2", "hala@x.test");
    await mirror("2026-03-15T10:00:00Z", "3", "hala@x.test");
    await mirror("2026-03-16T10:00:00Z", "4", "ziad@x.test");
    for (const [start, end, returning, fresh] of [
      ["2026-03-01", "2026-03-31", 1, 1], // back from January
      ["2026-03-10", "2026-03-20", 1, 1], // back from earlier in March
      ["2026-03-16", "2026-03-31", 0, 1],
      ["2026-01-01", "2026-03-31", 0, 2], // both first ordered in the range
    ] as const) {
      const o = await s.overview(`?start_date=${start}&end_date=${end}`);
      expect([start, o.summary.returning_customers, o.summary.new_customers]).toEqual([
        start,
        returning,
        fresh,
      ]);
    }
  });

  it("adds up the same whether a range reads whole months or days", async () => {
    const s = await shop();
    const saffron = await s.product("Saffron", 1);
    // Either side of each month's turn in Riyadh (23:30 and 00:30, UTC+3), and mid-month.
    const placed: { day: string; total: number; units: number }[] = [];
    const riyadhDay = (instant: string) =>
      new Date(Date.parse(instant) + 3 * 3_600_000).toISOString().slice(0, 10);
    let n = 0;
    for (const month of ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]) {
      const last = new Date(Date.parse(`${month}-01T00:00:00Z`));
      last.setUTCMonth(last.getUTCMonth() + 1, 0);
      const lastDay = last.toISOString().slice(0, 10);
      for (const instant of [
        `${month}-14T09:00:00Z`,
        `${lastDay}T20:30:00Z`,
        `${lastDay}T21:30:00Z`,
      ]) {
        const units = 1 + (n % 3);
        const price = 10 + n;
        n += 1;
        await s.order(instant, {
          source: "pos",
          external_id: `m${n}`,
          status: "paid",
          items: [
            { product_id: saffron.id, quantity: units },
            { name: "Box", price, quantity: 1 },
          ],
        });
        placed.push({ day: riyadhDay(instant), total: units + price, units });
      }
    }
    const expected = (start: string, end: string) => {
      const inRange = placed.filter((o) => o.day >= start && o.day <= end);
      return {
        revenue: inRange.reduce((sum, o) => sum + o.total, 0),
        orders: inRange.length,
        units: inRange.reduce((sum, o) => sum + o.units, 0),
      };
    };
    for (const [start, end] of [
      ["2026-01-31", "2026-04-01"], // two whole months, a day at each end; before it December whole
      ["2026-02-01", "2026-03-31"], // whole months only
      ["2025-12-31", "2026-01-01"], // a month's turn, days only
      ["2026-02-15", "2026-02-28"], // ends with its month
    ] as const) {
      const o = await s.overview(`?start_date=${start}&end_date=${end}`);
      const now = expected(start, end);
      const before = expected(o.comparison.start_date, o.comparison.end_date);
      expect([start, o.summary.total_revenue, o.summary.total_orders]).toEqual([
        start,
        now.revenue,
        now.orders,
      ]);
      expect(o.comparison.previous_period).toMatchObject({
        total_revenue: before.revenue,
        total_orders: before.orders,
      });
      expect(o.top_products[0]?.units_sold ?? 0).toBe(now.units);
      expect(o.by_status.find((b) => b.status === "paid")?.orders ?? 0).toBe(now.orders);
      expect(o.revenue_trend.reduce((sum, d) => sum + d.revenue, 0)).toBe(now.revenue);
    }
  });

  it("defaults to the last 30 days, today included, with every day and zeros for an empty store", async () => {
    const s = await shop();
    await s.at("2026-07-31T12:00:00Z", async () => {
      const o = await s.overview();
      expect(o.start_date).toBe("2026-07-02");
      expect(o.end_date).toBe("2026-07-31");
      expect(o.revenue_trend).toHaveLength(30);
      expect(o.revenue_trend.every((d) => d.revenue === 0 && d.orders === 0)).toBe(true);
      expect(o.summary).toEqual({
        total_revenue: 0,
        total_orders: 0,
        average_order_value: 0,
        paid_orders: 0,
        refunded_amount: 0,
        new_customers: 0,
        returning_customers: 0,
      });
      expect(o.top_products).toEqual([]);
      expect(Object.values(o.comparison.change_pct).every((v) => v === null)).toBe(true);
    });
  });

  it("moves the days when the store's time zone changes", async () => {
    const s = await shop();
    await s.order("2026-08-01T22:30:00Z", {
      source: "pos",
      external_id: "tz",
      status: "paid",
      items: [{ name: "X", price: 10, quantity: 1 }],
    });
    // 01:30 on 08-02 in Riyadh; 18:30 on 08-01 in Los Angeles.
    expect(
      (await s.overview("?start_date=2026-08-02&end_date=2026-08-02")).summary.total_orders,
    ).toBe(1);
    await s.ok("PATCH", "/api/v1/store/settings", { time_zone: "America/Los_Angeles" });
    expect(
      (await s.overview("?start_date=2026-08-02&end_date=2026-08-02")).summary.total_orders,
    ).toBe(0);
    expect(
      (await s.overview("?start_date=2026-08-01&end_date=2026-08-01")).summary.total_orders,
    ).toBe(1);
  });
});

describe("bad input", () => {
  it("refuses reversed, too long, impossible and year-0 dates with 422", async () => {
    const s = await shop();
    for (const query of [
      "?start_date=2026-02-10&end_date=2026-02-01",
      "?start_date=2024-01-01&end_date=2026-01-02",
      "?start_date=2026-02-30",
      "?end_date=0000-12-31",
      "?start_date=2026-1-5",
      "?start_date=%00",
      "?start_date=%F0%9F%98%80",
    ]) {
      const res = await s.call("GET", `/api/v1/analytics/overview${query}`);
      await expectError(res, 422, "VALIDATION_ERROR");
    }
  });

  it("answers for the first days of year 1 with nothing to compare to", async () => {
    const s = await shop();
    const o = await s.overview("?start_date=0001-01-01&end_date=0001-01-03");
    expect(o.revenue_trend.map((d) => d.date)).toEqual(["0001-01-01", "0001-01-02", "0001-01-03"]);
    expect(o.comparison.change_pct.total_revenue).toBeNull();
    const last = await s.overview("?start_date=9999-12-30&end_date=9999-12-31");
    expect(last.revenue_trend).toHaveLength(2);
  });
});

describe("access", () => {
  it("needs analytics:read: a key without it is refused, one with it reads; another store's token is refused", async () => {
    const s = await shop();
    const key = async (scopes: string[]) =>
      (await s.ok<{ key: string }>("POST", "/api/v1/api-keys", { name: scopes.join(","), scopes }))
        .key;
    const withKey = (k: string, slug = s.tenant.slug) =>
      t.request("/api/v1/analytics/overview", {
        headers: { "x-tenant-id": slug, authorization: `Bearer ${k}` },
      });
    await expectError(await withKey(await key(["orders:read"])), 403, "INSUFFICIENT_SCOPE");
    expect((await withKey(await key(["analytics:read"]))).status).toBe(200);

    const other = await shop();
    const res = await t.request("/api/v1/analytics/overview", {
      headers: {
        "x-tenant-id": other.tenant.slug,
        authorization: `Bearer ${await key(["analytics:read"])}`,
      },
    });
    expect(res.status).toBe(403);
    await expectError(
      await t.request("/api/v1/analytics/overview", { headers: { "x-tenant-id": s.tenant.slug } }),
      401,
      "AUTH_001",
    );
  });

  it("is open to every role, viewers included", async () => {
    const viewer = await shop("viewer");
    expect((await viewer.call("GET", "/api/v1/analytics/overview")).status).toBe(200);
  });
});
