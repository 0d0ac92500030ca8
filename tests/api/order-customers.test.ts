import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { orders } from "@/lib/orders/schema";
import { outboxEvents } from "@/lib/events/schema";
import type { Tenant } from "@/lib/tenants/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

// Customers on orders (docs/orders.md): phone, address, payment method, discount and shipping
// with VAT, search by name and phone, tracking on fulfilment.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function shop(tenantOverrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, {
    currency: "SAR",
    vatRateBp: 1500,
    pricesIncludeVat: true,
    ...tenantOverrides,
  });
  const user = await createUser(t, tenant, { role: "owner" });
  const { access_token } = await login(t, tenant, user);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  const product = async (price: number, inventory = 50) =>
    (await (
      await call("POST", "/api/v1/store/products", {
        name: { en: `P ${price}`, ar: `م ${price}` },
        price,
        inventory,
        status: "active",
      })
    ).json()) as { id: string };
  const order = (json: unknown) => call("POST", "/api/v1/store/orders", json);
  const created = async (json: unknown) => {
    const res = await order(json);
    expect(res.status).toBe(201);
    return (await res.json()) as Json;
  };
  const search = async (q: string) =>
    (
      (await (await call("GET", `/api/v1/store/orders?q=${encodeURIComponent(q)}`)).json()) as {
        data: Json[];
      }
    ).data.map((o) => o.number as string);
  return { tenant, call, product, order, created, search };
}

describe("customer fields", () => {
  it("stores the phone in E.164 from Arabic digits, the address and the payment method", async () => {
    const s = await shop();
    const p = await s.product(50);
    const order = await s.created({
      items: [{ product_id: p.id, quantity: 1 }],
      customer_name: "سارة القحطاني",
      customer_phone: "٠٥٠١٢٣٤٥٦٧",
      shipping_address: {
        city: "الرياض",
        district: "العليا",
        street: "طريق الملك فهد",
        building_number: "٢٩٢٩",
        postal_code: "١٢٢١١",
        short_code: "rrrd 2929",
      },
      payment_method: "cash_on_delivery",
    });
    const expected = {
      customer_phone: "+966501234567",
      shipping_address: {
        city: "الرياض",
        district: "العليا",
        street: "طريق الملك فهد",
        building_number: "2929",
        postal_code: "12211",
        short_code: "RRRD2929",
      },
      payment_method: "cash_on_delivery",
      carrier: null,
      tracking_number: null,
    };
    expect(order).toMatchObject(expected);
    expect(await (await s.call("GET", `/api/v1/store/orders/${order.id}`)).json()).toMatchObject(
      expected,
    );
    // The webhook's payload is the same serializer: the integration sees the same fields.
    const [event] = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, s.tenant.id), eq(outboxEvents.event, "order.created")));
    expect(event!.data).toMatchObject(expected);
  });

  it.each([
    ["0501234567", "+966501234567"],
    ["501234567", "+966501234567"],
    ["+966 50 123 4567", "+966501234567"],
    ["00966-50-123-4567", "+966501234567"],
    ["۰۵۰۱۲۳۴۵۶۷", "+966501234567"],
    ["011 234 5678", "+966112345678"],
    ["+44 7911 123456", "+447911123456"],
  ])("reads %s as %s", async (typed, e164) => {
    const s = await shop();
    const order = await s.created({ total: 10, customer_phone: typed });
    expect(order.customer_phone).toBe(e164);
  });

  it("an order from an integration without any of them still works, with explicit nulls", async () => {
    const s = await shop();
    const order = await s.created({ external_id: "woo-1", source: "woocommerce", total: 99 });
    expect(order).toMatchObject({
      customer_phone: null,
      shipping_address: null,
      payment_method: null,
      carrier: null,
      tracking_number: null,
      discount: 0,
      shipping: 0,
      total: 99,
    });
    for (const key of ["customer_phone", "shipping_address", "payment_method", "tracking_number"])
      expect(order).toHaveProperty(key, null);
  });

  it.each([
    [{ customer_phone: "12345" }, "customer_phone", "invalid_phone"],
    [{ customer_phone: "+966 99 123 4567" }, "customer_phone", "invalid_phone"],
    [{ customer_phone: "call me" }, "customer_phone", "invalid_phone"],
    [{ customer_phone: "0501234567\u0000" }, "customer_phone", undefined],
    [{ customer_phone: "5".repeat(41) }, "customer_phone", "too_big"],
    [
      { shipping_address: { city: "Riyadh", postal_code: "1221" } },
      "shipping_address.postal_code",
      "invalid_format",
    ],
    [
      { shipping_address: { city: "Riyadh", short_code: "RRR2929" } },
      "shipping_address.short_code",
      "invalid_format",
    ],
    [{ shipping_address: { city: " ", street: "x" } }, "shipping_address.city", "too_small"],
    [
      { shipping_address: { city: "Riyadh", building_number: "12a" } },
      "shipping_address.building_number",
      "invalid_format",
    ],
    [{ payment_method: "cheque" }, "payment_method", "invalid_value"],
  ])("refuses %j with 422 naming %s", async (fields, field, code) => {
    const s = await shop();
    const body = (await expectError(
      await s.order({ total: 10, ...fields }),
      422,
      "VALIDATION_ERROR",
    )) as unknown as { errors: { field: string; code: string; message: string }[] };
    expect(body.errors).toContainEqual(expect.objectContaining(code ? { field, code } : { field }));
    if (code === "invalid_phone")
      expect(body.errors.find((e) => e.field === field)!.message).toMatch(/phone number/);
  });

  it("PATCH changes the phone and address, and clears them with null", async () => {
    const s = await shop();
    const order = await s.created({ total: 10 });
    const path = `/api/v1/store/orders/${order.id}`;
    const res = await s.call("PATCH", path, {
      customer_phone: "0551112222",
      shipping_address: { city: "Jeddah" },
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Json;
    expect(updated).toMatchObject({
      customer_phone: "+966551112222",
      shipping_address: { city: "Jeddah", district: null, postal_code: null },
    });
    expect(updated.timeline.at(-1)).toMatchObject({
      type: "customer_updated",
      details: { customer_phone: "+966551112222" },
    });
    await expectError(
      await s.call("PATCH", path, { customer_phone: "0" }),
      422,
      "VALIDATION_ERROR",
    );
    const cleared = (await (
      await s.call("PATCH", path, { customer_phone: null, shipping_address: null })
    ).json()) as Json;
    expect(cleared).toMatchObject({ customer_phone: null, shipping_address: null });
  });
});

describe("discount and shipping with VAT", () => {
  it("VAT-inclusive store: VAT on the discounted goods and on shipping", async () => {
    const s = await shop({ pricesIncludeVat: true });
    const p = await s.product(115);
    const order = await s.created({
      items: [{ product_id: p.id, quantity: 2 }],
      discount: 23,
      shipping: "25",
    });
    // Goods 230 (200 + 30 VAT); discount 23 (20 + 3); shipping 25 (21.74 + 3.26).
    expect(order).toMatchObject({
      discount: 23,
      shipping: 25,
      subtotal: 201.74,
      tax: 30.26,
      total: 232,
    });
  });

  it("VAT-exclusive store: the discount is before VAT and shipping gets VAT added", async () => {
    const s = await shop({ pricesIncludeVat: false });
    const p = await s.product(100);
    const order = await s.created({
      items: [{ product_id: p.id, quantity: 2 }],
      discount: 20,
      shipping: 25,
    });
    // (200 - 20 + 25) = 205, VAT 15% = 30.75.
    expect(order).toMatchObject({ subtotal: 205, tax: 30.75, total: 235.75 });
  });

  it("a discount of everything leaves only shipping; more than the goods is refused", async () => {
    const s = await shop({ pricesIncludeVat: true });
    const p = await s.product(9.99);
    const all = await s.created({
      items: [{ product_id: p.id, quantity: 3 }],
      discount: 29.97,
      shipping: 11.5,
    });
    expect(all).toMatchObject({ subtotal: 10, tax: 1.5, total: 11.5 });
    const body = (await expectError(
      await s.order({ items: [{ product_id: p.id, quantity: 3 }], discount: 29.98 }),
      422,
      "VALIDATION_ERROR",
    )) as unknown as { errors: { field: string; code: string }[] };
    expect(body.errors).toContainEqual(
      expect.objectContaining({ field: "discount", code: "too_big" }),
    );
  });

  it.each([
    [{ total: 10, discount: 1 }, "discount", "not_allowed"],
    [{ total: 10, shipping: 1 }, "shipping", "not_allowed"],
    [
      { items: [{ name: "x", price: 1, quantity: 1 }], shipping: "1.001" },
      "shipping",
      "invalid_precision",
    ],
    [{ items: [{ name: "x", price: 1, quantity: 1 }], discount: -1 }, "discount", undefined],
  ])("refuses %j", async (fields, field, code) => {
    const s = await shop();
    const body = (await expectError(await s.order(fields), 422, "VALIDATION_ERROR")) as unknown as {
      errors: { field: string; code: string }[];
    };
    expect(body.errors.map((e) => e.field)).toContain(field);
    if (code) expect(body.errors.find((e) => e.field === field)!.code).toBe(code);
  });

  it("the tax invoice shows the discount and shipping as lines that add up to the order", async () => {
    const s = await shop({ pricesIncludeVat: true });
    const p = await s.product(115);
    const order = await s.created({
      items: [{ product_id: p.id, quantity: 2 }],
      discount: 23,
      shipping: 25,
      payment_method: "bank_transfer",
    });
    expect(
      (await s.call("PATCH", `/api/v1/store/orders/${order.id}`, { status: "paid" })).status,
    ).toBe(200);
    const { data } = (await (
      await s.call("GET", `/api/v1/store/orders/${order.id}/invoices`)
    ).json()) as { data: Json[] };
    const invoice = data[0]!;
    expect(invoice).toMatchObject({ subtotal: 201.74, tax: 30.26, total: 232 });
    const lines = invoice.lines as Json[];
    expect(lines.map((l) => [l.name.en, l.subtotal, l.tax, l.total])).toEqual([
      ["P 115", 200, 30, 230],
      ["Discount", -20, -3, -23],
      ["Shipping", 21.74, 3.26, 25],
    ]);
    const sum = (k: string) => Math.round(lines.reduce((n, l) => n + l[k] * 100, 0)) / 100;
    expect([sum("subtotal"), sum("tax"), sum("total")]).toEqual([201.74, 30.26, 232]);
  });
});

describe("search by customer", () => {
  it("finds by part of the name in either spelling, phone as typed, email, number", async () => {
    const s = await shop();
    const ahmad = await s.created({
      total: 10,
      customer_name: "أحمد العتيبي",
      customer_phone: "0501234567",
      customer_email: "ahmad@example.com",
    });
    const mona = await s.created({
      total: 20,
      customer_name: "Mona Al-Harbi",
      customer_phone: "+966551112222",
      customer_email: "mona@example.com",
    });
    for (const q of ["احمد", "العتيبي", "أحمد"]) expect(await s.search(q)).toEqual([ahmad.number]);
    expect(await s.search("harbi")).toEqual([mona.number]);
    expect(await s.search("MONA")).toEqual([mona.number]);
    for (const q of ["0501234567", "501234567", "+966 50 123 4567", "٠٥٠١٢٣٤٥٦٧", "00966501234567"])
      expect(await s.search(q)).toEqual([ahmad.number]);
    expect(await s.search("0551112222")).toEqual([mona.number]);
    expect(await s.search("ahmad@")).toEqual([ahmad.number]);
    expect(await s.search(ahmad.number)).toEqual([ahmad.number]);
    expect(await s.search("0509999999")).toEqual([]);
    expect(await s.search("%")).toEqual([]);
  });

  it("a name changed later is found by its new name", async () => {
    const s = await shop();
    const order = await s.created({ total: 10, customer_name: "Old Name" });
    await s.call("PATCH", `/api/v1/store/orders/${order.id}`, { customer_name: "نورة" });
    expect(await s.search("نوره")).toEqual([order.number]);
    expect(await s.search("old")).toEqual([]);
  });

  it("orders from before migration 0018 are found by name once it has folded them", async () => {
    const s = await shop();
    const order = await s.created({ total: 10, customer_name: "إبراهيمُ  مـوسى" });
    await t.db.update(orders).set({ customerNameSearch: null }).where(eq(orders.id, order.id));
    expect(await s.search("ابراهيم")).toEqual([]);
    // The migration's hand-written backfill, as written (its last statement).
    const migration = readFileSync("lib/db/migrations/0018_order_customers.sql", "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1)!;
    await t.db.execute(sql.raw(backfill));
    expect(await s.search("ابراهيم موسي")).toEqual([order.number]);
  });

  it("never finds another store's customer", async () => {
    const a = await shop();
    const b = await shop();
    await a.created({ total: 10, customer_name: "Khalid", customer_phone: "0501230000" });
    expect(await b.search("0501230000")).toEqual([]);
    expect(await b.search("Khalid")).toEqual([]);
    expect(await a.search("Khalid")).toHaveLength(1);
  });

  it("the CSV export carries the customer, address, payment and money columns", async () => {
    const s = await shop();
    const p = await s.product(115);
    await s.created({
      items: [{ product_id: p.id, quantity: 1 }],
      customer_phone: "0501234567",
      shipping_address: { city: "Riyadh", postal_code: "12211" },
      payment_method: "card_on_delivery",
      shipping: 10,
    });
    const csv = (await (await s.call("GET", "/api/v1/store/orders/export")).text()).replace(
      /^\uFEFF/,
      "",
    );
    const [header, row] = csv.trim().split(/\r?\n/);
    const cols = header!.split(",");
    const cells = row!.split(",");
    const cell = (name: string) => cells[cols.indexOf(name)];
    // Quoted, with the apostrophe that keeps a spreadsheet from reading "+..." as a formula.
    expect(cell("customer_phone")).toContain("+966501234567");
    expect(cell("city")).toBe("Riyadh");
    expect(cell("postal_code")).toBe("12211");
    expect(cell("payment_method")).toBe("card_on_delivery");
    expect(cell("shipping")).toBe("10");
    expect(cell("total")).toBe("125");
  });
});

describe("tracking on fulfilment", () => {
  it("carrier and tracking number go with fulfilled, show in the timeline, and can be corrected", async () => {
    const s = await shop();
    const order = await s.created({ total: 10 });
    const path = `/api/v1/store/orders/${order.id}`;
    const early = (await expectError(
      await s.call("PATCH", path, { tracking_number: "SMSA123" }),
      422,
      "VALIDATION_ERROR",
    )) as unknown as { errors: { field: string; code: string }[] };
    expect(early.errors[0]).toMatchObject({ field: "tracking_number", code: "not_fulfilled" });
    await s.call("PATCH", path, { status: "paid" });
    const fulfilled = (await (
      await s.call("PATCH", path, {
        status: "fulfilled",
        carrier: "SMSA",
        tracking_number: "290012345678",
      })
    ).json()) as Json;
    expect(fulfilled).toMatchObject({
      status: "fulfilled",
      carrier: "SMSA",
      tracking_number: "290012345678",
    });
    expect(fulfilled.timeline.at(-1)).toMatchObject({
      type: "status_changed",
      to_status: "fulfilled",
      details: { carrier: "SMSA", tracking_number: "290012345678" },
    });
    const fixed = (await (
      await s.call("PATCH", path, { tracking_number: "290099999999" })
    ).json()) as Json;
    expect(fixed).toMatchObject({ carrier: "SMSA", tracking_number: "290099999999" });
    expect(fixed.timeline.at(-1)).toMatchObject({
      type: "tracking_updated",
      details: { carrier: "SMSA", tracking_number: "290099999999" },
    });
  });
});
