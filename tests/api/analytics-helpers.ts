import { expect } from "vitest";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import { createTenant, signIn, type TestApi } from "./harness";

export interface Overview {
  currency: string;
  start_date: string;
  end_date: string;
  summary: Record<string, number>;
  comparison: {
    start_date: string;
    end_date: string;
    previous_period: Record<string, number>;
    change_pct: Record<string, number | null>;
  };
  revenue_trend: { date: string; revenue: number; orders: number }[];
  top_products: {
    product_id: string;
    name: { en: string; ar: string };
    revenue: number;
    units_sold: number;
  }[];
  by_status: { status: string; orders: number; revenue: number }[];
  by_source: { source: string; orders: number; revenue: number }[];
  by_payment_provider: { provider: string; payments: number; amount: number; refunded: number }[];
  other_currencies: {
    currency: string;
    total_revenue: number;
    total_orders: number;
    refunded_amount: number;
  }[];
}

/** A store of its own (Riyadh, SAR, prices with VAT), signed in, with helpers to place orders at a given instant. */
export async function shop(t: TestApi, role: Role = "owner", overrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, { currency: "SAR", timeZone: "Asia/Riyadh", ...overrides });
  const { headers } = await signIn(t, tenant, role);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, { method, headers, json });
  const ok = async <T = Record<string, unknown>>(method: string, path: string, json?: unknown) => {
    const res = await call(method, path, json);
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const at = async <T>(instant: string, work: () => Promise<T>) => {
    const saved = t.clock.now;
    t.clock.now = new Date(instant);
    try {
      return await work();
    } finally {
      t.clock.now = saved;
    }
  };
  const product = (en: string, price: number) =>
    ok<{ id: string }>("POST", "/api/v1/store/products", {
      name: { en, ar: `${en} بالعربية` },
      price,
      inventory: 1000,
      status: "active",
    });
  const order = (instant: string, json: Record<string, unknown>) =>
    at(instant, () => ok<{ id: string; total: number }>("POST", "/api/v1/store/orders", json));
  const pay = (instant: string, orderId: string, amount?: number) =>
    at(instant, () =>
      ok<{ id: string }>("POST", "/api/v1/payments/manual", {
        order_id: orderId,
        method: "bank_transfer",
        ...(amount === undefined ? {} : { amount }),
      }),
    );
  const overview = async (query = "") => ok<Overview>("GET", `/api/v1/analytics/overview${query}`);
  return { tenant, call, ok, at, product, order, pay, overview };
}
