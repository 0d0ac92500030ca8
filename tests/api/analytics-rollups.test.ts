import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildRollups, rollupDrift } from "@/lib/analytics/rebuild";
import { createTestApi, type TestApi } from "./harness";
import { shop } from "./analytics-helpers";

/*
 * The rollups the triggers keep, after any sequence of what merchants and integrators do, equal
 * a recomputation from the raw orders, lines and payments (the `_truth` views of migrations 0013 and 0014).
 */
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const EMAILS = ["amal@x.test", "badr@x.test", "Carim@X.test", undefined] as const;
/** Around midnight in Riyadh (21:00 UTC), across three days and a month's turn in every zone. */
const instant = fc
  .integer({ min: 0, max: 3 * 24 * 60 })
  .map((minutes) => new Date(Date.parse("2026-08-31T18:00:00Z") + minutes * 60_000).toISOString());

const step = fc.oneof(
  // Orders weigh most: most rules need a customer with orders on more than one day.
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      at: instant,
      lines: fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 3 })), {
        minLength: 1,
        maxLength: 3,
      }),
      email: fc.constantFrom(...EMAILS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("mirrored" as const),
      at: instant,
      currency: fc.constantFrom("SAR", "USD"),
      status: fc.constantFrom("pending", "paid", "completed"),
      price: fc.integer({ min: 1, max: 50_000 }).map((halalas) => halalas / 100),
      email: fc.constantFrom(...EMAILS),
    }),
  },
  fc.record({ kind: fc.constant("pay" as const), at: instant, pick: fc.nat(), part: fc.boolean() }),
  fc.record({
    kind: fc.constant("refund" as const),
    at: instant,
    pick: fc.nat(),
    part: fc.boolean(),
  }),
  {
    // Weighted: a status change needs an order in the right state to be allowed at all.
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("status" as const),
      pick: fc.nat(),
      to: fc.constantFrom("paid", "fulfilled", "completed", "cancelled", "cancelled", "refunded"),
    }),
  },
  fc.record({
    kind: fc.constant("email" as const),
    pick: fc.nat(),
    email: fc.constantFrom(...EMAILS),
  }),
  fc.record({ kind: fc.constant("deleteProduct" as const), pick: fc.nat(2) }),
  fc.record({
    kind: fc.constant("timeZone" as const),
    zone: fc.constantFrom("Asia/Riyadh", "America/New_York", "Asia/Kolkata"),
  }),
);

describe("rollups", () => {
  it("equal a recomputation from the raw rows after random creates, payments, refunds and cancellations", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const s = await shop(t);
        const products = [
          await s.product("A", 10),
          await s.product("B", 25.5),
          await s.product("C", 99.99),
        ];
        const orders: string[] = [];
        const payments: string[] = [];
        let mirrored = 0;
        // Whatever a step's answer, never a 500 (a 4xx is a rule saying no, e.g. a refund of nothing).
        const attempt = async (method: string, path: string, json?: unknown) => {
          const res = await s.call(method, path, json);
          expect(res.status, await res.clone().text()).toBeLessThan(500);
          return res.ok ? ((await res.json()) as { id: string }) : undefined;
        };
        const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);
        for (const st of steps) {
          if (st.kind === "order" || st.kind === "mirrored") {
            const body =
              st.kind === "order"
                ? {
                    items: st.lines.map(([i, quantity]) => ({
                      product_id: products[i]!.id,
                      quantity,
                    })),
                    customer_email: st.email,
                  }
                : {
                    source: "pos",
                    external_id: `m${mirrored++}`,
                    currency: st.currency,
                    status: st.status,
                    customer_email: st.email,
                    items: [{ name: "Mirrored", price: st.price, quantity: 1 }],
                  };
            const created = await s.at(st.at, () => attempt("POST", "/api/v1/store/orders", body));
            if (created) orders.push(created.id);
          } else if (st.kind === "pay") {
            const order = pick(orders, st.pick);
            if (!order) continue;
            const paid = await s.at(st.at, () =>
              attempt("POST", "/api/v1/payments/manual", {
                order_id: order,
                method: "cash_on_delivery",
                ...(st.part ? { amount: 1.5 } : {}),
              }),
            );
            if (paid) payments.push(paid.id);
          } else if (st.kind === "refund") {
            const payment = pick(payments, st.pick);
            if (payment)
              await s.at(st.at, () =>
                attempt(
                  "POST",
                  `/api/v1/payments/${payment}/refund`,
                  st.part ? { amount: 0.75 } : {},
                ),
              );
          } else if (st.kind === "status") {
            const order = pick(orders, st.pick);
            if (order) await attempt("PATCH", `/api/v1/store/orders/${order}`, { status: st.to });
          } else if (st.kind === "email") {
            const order = pick(orders, st.pick);
            if (order)
              await attempt("PATCH", `/api/v1/store/orders/${order}`, {
                customer_email: st.email ?? null,
              });
          } else if (st.kind === "deleteProduct") {
            await attempt("DELETE", `/api/v1/store/products/${products[st.pick]!.id}`);
          } else {
            await attempt("PATCH", "/api/v1/store/settings", { time_zone: st.zone });
          }
        }
        const drift = await rollupDrift(t.db, s.tenant.id);
        expect(drift).toEqual({
          analytics_order_days: 0,
          analytics_order_months: 0,
          analytics_product_days: 0,
          analytics_product_months: 0,
          analytics_payment_days: 0,
          analytics_customer_days: 0,
          analytics_customer_months: 0,
        });
      }),
      { numRuns: 30 },
    );
  }, 240_000);

  it("are found out when wrong, and put right by a rebuild", async () => {
    const s = await shop(t);
    const p = await s.product("Saffron", 40);
    await s.order("2026-09-02T10:00:00Z", {
      items: [{ product_id: p.id, quantity: 2 }],
      customer_email: "dana@x.test",
    });
    // Damage every rollup of this store, as a bad manual edit or a restore from mismatched backups would.
    for (const table of [
      "analytics_order_days",
      "analytics_product_days",
      "analytics_customer_days",
    ])
      await t.db.execute(`DELETE FROM ${table} WHERE tenant_id = '${s.tenant.id}'`);
    await t.db.execute(
      `INSERT INTO analytics_product_months (tenant_id, month, currency, product_id, units, revenue_minor)
       VALUES ('${s.tenant.id}', '2026-08-01', 'SAR', '${p.id}', 7, 700)`,
    );
    const damaged = await rollupDrift(t.db, s.tenant.id);
    expect(damaged.analytics_order_days).toBeGreaterThan(0);
    expect(damaged.analytics_product_months).toBeGreaterThan(0);
    expect(damaged.analytics_customer_days).toBeGreaterThan(0);
    expect(
      (await s.overview("?start_date=2026-09-02&end_date=2026-09-02")).summary.total_orders,
    ).toBe(0);

    expect(await rebuildRollups(t.db, s.tenant.slug)).toEqual([s.tenant.slug]);
    expect(Object.values(await rollupDrift(t.db, s.tenant.id)).every((n) => n === 0)).toBe(true);
    const o = await s.overview("?start_date=2026-09-02&end_date=2026-09-02");
    expect(o.summary).toMatchObject({ total_orders: 1, new_customers: 1 });
    expect(o.top_products[0]).toMatchObject({ units_sold: 2, revenue: 80 });
  });

  it("go with their store when it is deleted", async () => {
    const s = await shop(t);
    const p = await s.product("Saffron", 40);
    const order = await s.order("2026-09-02T10:00:00Z", {
      items: [{ product_id: p.id, quantity: 2 }],
      customer_email: "dana@x.test",
    });
    await s.pay("2026-09-02T11:00:00Z", order.id);
    // Before: the months' trigger re-added the deleted days' rows for a store no longer there.
    await t.db.execute(`DELETE FROM tenants WHERE id = '${s.tenant.id}'`);
    for (const table of [
      "analytics_order_days",
      "analytics_order_months",
      "analytics_product_days",
      "analytics_product_months",
      "analytics_payment_days",
      "analytics_customer_days",
      "analytics_customer_months",
    ]) {
      const left = (await t.db.execute(
        `SELECT count(*) AS n FROM ${table} WHERE tenant_id = '${s.tenant.id}'`,
      )) as unknown as { rows: { n: unknown }[] };
      expect([table, Number(left.rows[0]?.n)]).toEqual([table, 0]);
    }
  });
});
