import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog } from "@/lib/audit/schema";
import { outboxEvents } from "@/lib/events/schema";
import { invoices } from "@/lib/invoices/schema";
import { decodeZatcaQr } from "@/lib/invoices/zatca";
import { orders } from "@/lib/orders/schema";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import { createTenant, createTestApi, expectError, signIn, type TestApi } from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

interface Line {
  name: { en: string; ar: string };
  quantity: number;
  unit_price: number;
  subtotal: number;
  tax: number;
  total: number;
}
interface Doc {
  id: string;
  kind: "invoice" | "credit_note";
  number: string;
  order_id: string;
  order_number: string;
  invoice_id: string | null;
  invoice_number: string | null;
  reason: string | null;
  issued_at: string;
  currency: string;
  seller: { name: { en: string; ar: string }; vat_number: string | null };
  buyer: { name: string | null; email: string | null };
  lines: Line[];
  subtotal: number;
  tax: number;
  total: number;
  qr: string;
  qr_fields: Record<string, string>;
  customer_url: string;
}
interface Order {
  id: string;
  number: string;
  status: string;
  subtotal: number;
  tax: number;
  total: number;
  items: (Line & { id: string; product_id: string | null; sku: string | null })[];
}

const YEAR = new Date().getFullYear();

/** A SAR store at 15% VAT with its VAT number, and a signed-in member of `role`. */
async function shop(role: Role = "owner", overrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, {
    nameEn: "Riyadh Dates",
    nameAr: "تمور الرياض",
    vatNumber: "300000000000003",
    ...overrides,
  });
  const owner = await signIn(t, tenant, "owner");
  const member = role === "owner" ? owner : await signIn(t, tenant, role);
  const as = (headers: Record<string, string>) => (method: string, path: string, json?: unknown) =>
    t.request(path, { method, headers, json });
  const call = as(member.headers);
  const asOwner = as(owner.headers);
  const ok = async <T>(method: string, path: string, json?: unknown): Promise<T> => {
    const res = await asOwner(method, path, json);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  /** A pending order of two lines (VAT included): 115.00 x 2 and 10.00, customer named. */
  const order = (extra: Record<string, unknown> = {}) =>
    ok<Order>("POST", "/api/v1/store/orders", {
      items: [
        { name: { en: "Ajwa dates", ar: "تمر عجوة" }, price: "115.00", quantity: 2 },
        { name: { en: "Gift box", ar: "علبة هدية" }, price: "10.00", quantity: 1 },
      ],
      customer_email: "buyer@example.com",
      customer_name: "Noura",
      ...extra,
    });
  /** Already paid elsewhere (mirrored): no invoice until one is issued by hand. */
  const paidOrder = (n: number) =>
    order({ source: "till", external_id: `till-${n}-${Math.random()}`, status: "paid" });
  const pay = (orderId: string, amount?: string) =>
    ok<{ id: string }>("POST", "/api/v1/payments/manual", {
      order_id: orderId,
      method: "bank_transfer",
      ...(amount ? { amount } : {}),
    });
  const docs = async (orderId: string) =>
    (await ok<{ data: Doc[] }>("GET", `/api/v1/store/orders/${orderId}/invoices`)).data;
  return { tenant, call, asOwner, ok, order, paidOrder, pay, docs, headers: member.headers };
}

describe("issuing", () => {
  it("issues the invoice when a payment makes the order paid, with the order's lines and totals frozen", async () => {
    const s = await shop();
    const o = await s.order();
    await s.pay(o.id, "100.00");
    expect(await s.docs(o.id)).toEqual([]);
    await s.pay(o.id);

    const [inv, ...rest] = await s.docs(o.id);
    expect(rest).toEqual([]);
    expect(inv).toMatchObject({
      kind: "invoice",
      number: `INV-${YEAR}-000001`,
      order_number: o.number,
      invoice_id: null,
      currency: "SAR",
      seller: { name: { en: "Riyadh Dates", ar: "تمور الرياض" }, vat_number: "300000000000003" },
      buyer: { name: "Noura", email: "buyer@example.com" },
      subtotal: o.subtotal,
      tax: o.tax,
      total: o.total,
    });
    // 240.00 with VAT included: per line 230 -> 200 + 30, 10 -> 8.70 + 1.30.
    expect([o.total, o.tax]).toEqual([240, 31.3]);
    expect(inv!.lines).toEqual(
      o.items.map(({ id: _id, product_id: _p, sku, ...l }) => ({ sku, ...l })),
    );
    expect(decodeZatcaQr(inv!.qr)).toEqual({
      sellerName: "تمور الرياض",
      vatNumber: "300000000000003",
      timestamp: inv!.issued_at.replace(/\.\d{3}Z$/, "Z"),
      total: "240.00",
      vatTotal: "31.30",
    });
    expect(inv!.qr_fields).toEqual({
      seller_name: "تمور الرياض",
      vat_number: "300000000000003",
      timestamp: inv!.issued_at.replace(/\.\d{3}Z$/, "Z"),
      total: "240.00",
      vat_total: "31.30",
    });
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, s.tenant.id), eq(outboxEvents.event, "invoice.issued")));
    expect(events.map((e) => (e.data as { number: string }).number)).toEqual([inv!.number]);
    expect(await s.ok("GET", `/api/v1/invoices/${inv!.id}`)).toEqual(inv);
  });

  it("issues it when staff mark the order paid, and by hand once (idempotent) for an order paid elsewhere", async () => {
    const s = await shop("staff");
    const o = await s.order();
    expect((await s.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: "paid" })).status).toBe(
      200,
    );
    expect((await s.docs(o.id)).map((d) => d.number)).toEqual([`INV-${YEAR}-000001`]);

    const mirrored = await s.paidOrder(1);
    expect(await s.docs(mirrored.id)).toEqual([]);
    const first = await s.call("POST", `/api/v1/store/orders/${mirrored.id}/invoices`);
    expect(first.status).toBe(201);
    const issued = (await first.json()) as Doc;
    expect(issued.number).toBe(`INV-${YEAR}-000002`);
    const again = await s.call("POST", `/api/v1/store/orders/${mirrored.id}/invoices`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Doc).id).toBe(issued.id);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.tenant.id), eq(auditLog.action, "invoice.issued")));
    expect(audit.map((a) => a.resourceId)).toEqual([issued.id]);
  });

  it("refuses to invoice a pending or cancelled order (409 ORDER_NOT_INVOICEABLE) or another store's", async () => {
    const s = await shop();
    const pending = await s.order();
    await expectError(
      await s.call("POST", `/api/v1/store/orders/${pending.id}/invoices`),
      409,
      "ORDER_NOT_INVOICEABLE",
    );
    const cancelled = await s.order();
    await s.ok("PATCH", `/api/v1/store/orders/${cancelled.id}`, { status: "cancelled" });
    await expectError(
      await s.call("POST", `/api/v1/store/orders/${cancelled.id}/invoices`),
      409,
      "ORDER_NOT_INVOICEABLE",
    );
    const other = await shop();
    const theirs = await other.paidOrder(2);
    await expectError(
      await s.call("POST", `/api/v1/store/orders/${theirs.id}/invoices`),
      404,
      "ORDER_NOT_FOUND",
    );
    expect(await other.docs(theirs.id)).toEqual([]);
  });

  it("numbers 20 concurrent issues 1 to 20 without gaps or duplicates, and one order once", async () => {
    const s = await shop();
    const paid = [];
    for (let i = 0; i < 20; i++) paid.push(await s.paidOrder(i));
    const replies = await Promise.all(
      paid.map((o) => s.call("POST", `/api/v1/store/orders/${o.id}/invoices`)),
    );
    expect(replies.map((r) => r.status)).toEqual(paid.map(() => 201));
    const numbers = (await Promise.all(replies.map((r) => r.json() as Promise<Doc>))).map(
      (d) => d.number,
    );
    expect(numbers.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `INV-${YEAR}-${String(i + 1).padStart(6, "0")}`),
    );

    const one = await s.paidOrder(99);
    const same = await Promise.all(
      Array.from({ length: 5 }, () => s.call("POST", `/api/v1/store/orders/${one.id}/invoices`)),
    );
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(same.map(async (r) => ((await r.json()) as Doc).id)));
    expect(ids.size).toBe(1);
    expect((await s.docs(one.id)).map((d) => d.number)).toEqual([`INV-${YEAR}-000021`]);
  });
});

describe("immutability", () => {
  it("refuses UPDATE and DELETE in the database, and the API has no route that changes one", async () => {
    const s = await shop();
    const o = await s.order();
    await s.pay(o.id);
    const [inv] = await s.docs(o.id);
    await expect(
      t.db.update(invoices).set({ totalMinor: 1 }).where(eq(invoices.id, inv!.id)),
    ).rejects.toThrow();
    await expect(t.db.delete(invoices).where(eq(invoices.id, inv!.id))).rejects.toThrow();
    await expect(
      t.db.execute(sql`update invoices set qr = 'x' where tenant_id = ${s.tenant.id}`),
    ).rejects.toThrow();
    for (const method of ["PATCH", "PUT", "DELETE"]) {
      const res = await s.call(method, `/api/v1/invoices/${inv!.id}`, { total: 1 });
      expect([404, 405]).toContain(res.status);
    }
    // Editing the order afterwards changes nothing on its invoice.
    await s.ok("PATCH", `/api/v1/store/orders/${o.id}`, { customer_name: "Someone else" });
    expect(await s.ok("GET", `/api/v1/invoices/${inv!.id}`)).toEqual(inv);
  });

  it("keeps its order: an invoiced order cannot be deleted under it", async () => {
    const s = await shop();
    const o = await s.order();
    await s.pay(o.id);
    await expect(t.db.delete(orders).where(eq(orders.id, o.id))).rejects.toThrow();
    expect(await s.docs(o.id)).toHaveLength(1);
  });
});

describe("credit notes", () => {
  it("credits a partial refund with pro-rated VAT, then the rest with exactly the VAT left", async () => {
    const s = await shop();
    const o = await s.order();
    const payment = await s.pay(o.id);
    await s.ok("POST", `/api/v1/payments/${payment.id}/refund`, { amount: "20.25" });
    await s.ok("POST", `/api/v1/payments/${payment.id}/refund`, {});

    const [inv, first, second, ...none] = await s.docs(o.id);
    expect(none).toEqual([]);
    // 20.25 with 15% included: 20.25 * 15 / 115 = 2.6413... -> 2.64.
    expect(first).toMatchObject({
      kind: "credit_note",
      number: `CN-${YEAR}-000001`,
      invoice_id: inv!.id,
      invoice_number: inv!.number,
      reason: "refund",
      subtotal: 17.61,
      tax: 2.64,
      total: 20.25,
      lines: [{ name: { en: "Refund", ar: "استرداد" }, quantity: 1, total: 20.25, tax: 2.64 }],
    });
    expect(second).toMatchObject({ number: `CN-${YEAR}-000002`, total: 219.75, tax: 28.66 });
    expect(first!.tax * 100 + second!.tax * 100).toBe(inv!.tax * 100);
    expect(decodeZatcaQr(second!.qr)).toMatchObject({ total: "219.75", vatTotal: "28.66" });
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.tenantId, s.tenant.id), eq(outboxEvents.event, "credit_note.issued")),
      );
    expect(events).toHaveLength(2);
  });

  it("reverses the whole invoice, line by line, when a paid order is marked refunded (cancelled after payment)", async () => {
    const s = await shop();
    const o = await s.order();
    await s.ok("PATCH", `/api/v1/store/orders/${o.id}`, { status: "paid" });
    await s.ok("PATCH", `/api/v1/store/orders/${o.id}`, { status: "refunded" });
    const [inv, note] = await s.docs(o.id);
    expect(note).toMatchObject({
      kind: "credit_note",
      reason: "cancellation",
      invoice_id: inv!.id,
      lines: inv!.lines,
      subtotal: inv!.subtotal,
      tax: inv!.tax,
      total: inv!.total,
    });
  });

  it("issues none for an order that never had an invoice", async () => {
    const s = await shop();
    const o = await s.order();
    const payment = await s.pay(o.id, "50.00");
    await s.ok("POST", `/api/v1/payments/${payment.id}/refund`, {});
    expect(await s.docs(o.id)).toEqual([]);
  });
});

describe("reading", () => {
  it("never shows another store's documents", async () => {
    const a = await shop();
    const o = await a.order();
    await a.pay(o.id);
    const [inv] = await a.docs(o.id);
    const b = await shop();
    await expectError(await b.call("GET", `/api/v1/invoices/${inv!.id}`), 404, "INVOICE_NOT_FOUND");
    await expectError(
      await b.call("GET", `/api/v1/store/orders/${o.id}/invoices`),
      404,
      "ORDER_NOT_FOUND",
    );
    const list = (await b.ok<{ data: Doc[] }>("GET", "/api/v1/invoices")).data;
    expect(list).toEqual([]);
    const csv = await (await b.call("GET", "/api/v1/invoices/export")).text();
    expect(csv).not.toContain(inv!.number);
  });

  it("lets every role read and only order writers issue; keys need invoices:read", async () => {
    const viewer = await shop("viewer");
    const o = await viewer.paidOrder(1);
    await expectError(
      await viewer.call("POST", `/api/v1/store/orders/${o.id}/invoices`),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    const issued = await viewer.ok<Doc>("POST", `/api/v1/store/orders/${o.id}/invoices`);
    expect((await viewer.call("GET", `/api/v1/invoices/${issued.id}`)).status).toBe(200);
    expect((await viewer.call("GET", "/api/v1/invoices")).status).toBe(200);

    const key = async (scopes: string[]) =>
      (await viewer.ok<{ key: string }>("POST", "/api/v1/api-keys", { name: "k", scopes })).key;
    const withKey = async (scopes: string[], path: string) =>
      t.request(path, {
        headers: {
          "x-tenant-id": viewer.tenant.slug,
          authorization: `Bearer ${await key(scopes)}`,
        },
      });
    await expectError(
      await withKey(["orders:read"], `/api/v1/invoices/${issued.id}`),
      403,
      "INSUFFICIENT_SCOPE",
    );
    expect((await withKey(["invoices:read"], `/api/v1/invoices/${issued.id}`)).status).toBe(200);
  });

  it("serves the customer's link without a sign-in, and nothing for a forged or malformed token", async () => {
    const s = await shop();
    const o = await s.order();
    await s.pay(o.id);
    const [inv] = await s.docs(o.id);
    expect(inv!.customer_url).toMatch(/^http:\/\/localhost:3000\/invoice\/bsi_[A-Za-z0-9_-]{43}$/);
    const token = inv!.customer_url.split("/").pop()!;
    const res = await t.request(`/api/v1/invoice-links/${token}`);
    expect(res.status).toBe(200);
    const { customer_url: _u, ...expected } = inv!;
    expect(await res.json()).toEqual(expected);

    const forged = token.slice(0, -3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    for (const bad of [forged, "bsi_short", "x".repeat(200), "%00", "bsi_%ED%A0%80"]) {
      const r = await t.request(`/api/v1/invoice-links/${bad}`);
      expect([404, 422]).toContain(r.status);
      expect(((await r.json()) as { code: string }).code).toMatch(/NOT_FOUND|VALIDATION/);
    }
  });

  it("lists with filters and exports CSV safe for spreadsheets", async () => {
    const s = await shop();
    const o = await s.order({ customer_name: '=HYPERLINK("http://x")' });
    const payment = await s.pay(o.id);
    await s.ok("POST", `/api/v1/payments/${payment.id}/refund`, { amount: "1.00" });
    const all = await s.ok<{ data: Doc[]; pagination: { total: number } }>(
      "GET",
      "/api/v1/invoices",
    );
    expect(all.data.map((d) => d.kind).sort()).toEqual(["credit_note", "invoice"]);
    expect(all.pagination.total).toBe(2);
    const only = async (query: string) =>
      (await s.ok<{ data: Doc[] }>("GET", `/api/v1/invoices?${query}`)).data.map((d) => d.number);
    expect(await only("kind=invoice")).toEqual([`INV-${YEAR}-000001`]);
    expect(await only(`q=cn-${YEAR}-000001`)).toEqual([`CN-${YEAR}-000001`]);
    expect(await only("q=1")).toHaveLength(2);
    expect(await only(`q=${o.number}`)).toHaveLength(2);
    expect(await only("q=nonsense")).toEqual([]);
    expect(await only("start_date=2000-01-01&end_date=2000-12-31")).toEqual([]);

    const res = await s.call("GET", "/api/v1/invoices/export?kind=invoice");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = await res.text();
    const [header, row, end] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(
      "number,kind,issued_at,order_number,invoice_number,reason,buyer_name,buyer_email,currency,subtotal,tax,total,vat_rate,seller_vat_number",
    );
    expect(row).toContain(`INV-${YEAR}-000001,invoice,`);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(end).toBe("");
  });

  it("answers bad ids and queries with 404 or 422 in the error envelope, never 500", async () => {
    const s = await shop();
    await expectError(await s.call("GET", "/api/v1/invoices/not-a-uuid"), 404, "INVOICE_NOT_FOUND");
    await expectError(
      await s.call("GET", "/api/v1/store/orders/not-a-uuid/invoices"),
      404,
      "ORDER_NOT_FOUND",
    );
    await expectError(
      await s.call("POST", "/api/v1/store/orders/00000000-0000-4000-8000-000000000000/invoices"),
      404,
      "ORDER_NOT_FOUND",
    );
    for (const query of [
      "q=%00",
      "page=99999999999999999999",
      "limit=1e309",
      "kind=receipt",
      "start_date=2026-02-30",
      "sort=total",
      `q=${"9".repeat(300)}`,
    ]) {
      const res = await s.call("GET", `/api/v1/invoices?${query}`);
      expect(res.status, query).toBe(422);
      expect(((await res.json()) as { type: string }).type).toBe("validation_error");
    }
    for (const query of [`q=${"9".repeat(12)}`, "q=%ED%A0%80", "q=%F0%9F%98%80"])
      expect((await s.call("GET", `/api/v1/invoices?${query}`)).status, query).toBe(200);
  });
});
