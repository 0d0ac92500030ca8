import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

// Issue 10, items 8 and 12: amounts beyond the documented caps (docs/api.md "Limits") and image
// paths that climb out of /api/v1/files/.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

async function shop(tenantOverrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, tenantOverrides);
  const user = await createUser(t, tenant, { role: "owner" });
  const { access_token } = await login(t, tenant, user);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  const order = (json: unknown) => call("POST", "/api/v1/store/orders", json);
  const custom = (price: number | string, quantity: number) => ({
    name: "Custom",
    price,
    quantity,
  });
  const product = (json: object) =>
    call("POST", "/api/v1/store/products", {
      name: { en: "P", ar: "م" },
      status: "active",
      ...json,
    });
  return { tenant, call, order, custom, product };
}

type Issue = { field: string; code: string };
const issues = async (res: Response) =>
  ((await expectError(res, 422, "VALIDATION_ERROR")).errors as Issue[]).map((e) => [
    e.field,
    e.code,
  ]);

describe("money caps on orders", () => {
  it("a unit price above the cap is a 422 naming the price, not a 500", async () => {
    const s = await shop();
    const res = await s.order({ items: [s.custom("90071992547409.91", 100_000)] });
    expect(await issues(res)).toEqual([["items.0.price", "too_big"]]);
  });

  it("never returns a rounded total: 45035996273704.97 x 3 is refused, not 135107988821114.92", async () => {
    const s = await shop();
    const res = await s.order({ items: [s.custom("45035996273704.97", 3)] });
    expect(await issues(res)).toEqual([["items.0.price", "too_big"]]);
  });

  it("totals at the cap are exact and round-trip as JSON numbers", async () => {
    const s = await shop({ currency: "SAR", vatRateBp: 1500, pricesIncludeVat: true });
    const res = await s.order({ items: [s.custom("333333333333.33", 3)] });
    expect(res.status).toBe(201);
    const text = await res.text();
    // Exact tax: 99999999999999 * 1500 / 11500, rounded half up, in halalas.
    const tax = (2n * 99_999_999_999_999n * 1500n + 11_500n) / (2n * 11_500n);
    const subtotal = 99_999_999_999_999n - tax;
    // As JSON writes it: 869565217391.30 is 869565217391.3.
    const major = (minor: bigint) =>
      String(Number(`${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`));
    expect(text).toContain(`"total":999999999999.99`);
    expect(text).toContain(`"tax":${major(tax)}`);
    expect(text).toContain(`"subtotal":${major(subtotal)}`);
  });

  it("exactly at the cap is accepted; one minor unit above is refused", async () => {
    const s = await shop({ currency: "SAR", vatRateBp: 1500, pricesIncludeVat: true });
    const ok = await s.order({ items: [s.custom(999_999_999_999.99, 1)] });
    expect(ok.status).toBe(201);
    expect((await ok.json()).total).toBe(999_999_999_999.99);
    for (const price of [1_000_000_000_000, "1000000000000.00"])
      expect(await issues(await s.order({ items: [s.custom(price, 1)] }))).toEqual([
        ["items.0.price", "too_big"],
      ]);
    // A mirrored order's total has the same cap.
    expect((await s.order({ total: "999999999999.99" })).status).toBe(201);
  });

  it("VAT added on top may not push a line over the cap", async () => {
    const s = await shop({ currency: "SAR", vatRateBp: 1500, pricesIncludeVat: false });
    const res = await s.order({ items: [s.custom("999999999999.99", 1)] });
    expect(await issues(res)).toEqual([["items.0", "too_big"]]);
  });

  it("a line whose quantity takes it over the cap is refused", async () => {
    const s = await shop({ vatRateBp: 0 });
    const p = await (await s.product({ price: "999999999999.99", inventory: 10 })).json();
    const res = await s.order({ items: [{ product_id: p.id, quantity: 2 }] });
    expect(await issues(res)).toEqual([["items.0", "too_big"]]);
  });

  it("a sum of many lines over the total cap is a 422 on items", async () => {
    const s = await shop();
    const lines = Array.from({ length: 500 }, () => s.custom("999999999999.99", 1));
    expect(await issues(await s.order({ items: lines }))).toEqual([["items", "too_big"]]);
    const two = [s.custom("500000000000", 1), s.custom("500000000000", 1)];
    expect(await issues(await s.order({ items: two }))).toEqual([["items", "too_big"]]);
  });

  it("a quantity above 100,000 per line is refused", async () => {
    const s = await shop();
    const res = await s.order({ items: [s.custom(1, 100_001)] });
    await expectError(res, 422, "VALIDATION_ERROR");
    expect((await s.order({ items: [s.custom(1, 100_000)] })).status).toBe(201);
  });

  it("a mirrored total above the cap is refused", async () => {
    const s = await shop();
    expect(await issues(await s.order({ total: 1_000_000_000_000 }))).toEqual([
      ["total", "too_big"],
    ]);
    expect(await issues(await s.order({ amount: "90071992547409.91" }))).toEqual([
      ["amount", "too_big"],
    ]);
  });
});

describe("money caps on products", () => {
  it("caps the price at 999,999,999,999.99 (2 decimals), exact at the cap", async () => {
    const s = await shop({ currency: "SAR" });
    const ok = await s.product({ price: 999_999_999_999.99 });
    expect(ok.status).toBe(201);
    expect(await ok.text()).toContain(`"price":999999999999.99`);
    expect(await issues(await s.product({ price: "1000000000000" }))).toEqual([
      ["price", "too_big"],
    ]);
    expect(await issues(await s.product({ price: "90071992547409.91" }))).toEqual([
      ["price", "too_big"],
    ]);
  });

  it("the same minor-unit cap in 3- and 0-decimal currencies", async () => {
    const s = await shop();
    expect((await s.product({ price: "99999999999.999", currency: "KWD" })).status).toBe(201);
    expect(await issues(await s.product({ price: "100000000000", currency: "KWD" }))).toEqual([
      ["price", "too_big"],
    ]);
    expect((await s.product({ price: 99_999_999_999_999, currency: "JPY" })).status).toBe(201);
    expect(await issues(await s.product({ price: 100_000_000_000_000, currency: "JPY" }))).toEqual([
      ["price", "too_big"],
    ]);
  });

  it("caps inventory at 1,000,000,000", async () => {
    const s = await shop();
    expect((await s.product({ price: 1, inventory: 1_000_000_000 })).status).toBe(201);
    expect(await issues(await s.product({ price: 1, inventory: 1_000_000_001 }))).toEqual([
      ["inventory", "too_big"],
    ]);
  });

  it("stock given back by a cancelled order stays within the inventory cap", async () => {
    const s = await shop();
    const p = await (await s.product({ price: 1, inventory: 1_000_000_000 })).json();
    const o = await (await s.order({ items: [{ product_id: p.id, quantity: 5 }] })).json();
    await s.call("PATCH", `/api/v1/store/products/${p.id}`, { inventory: 1_000_000_000 });
    const cancel = await s.call("PATCH", `/api/v1/store/orders/${o.id}`, { status: "cancelled" });
    expect(cancel.status).toBe(200);
    const after = await (await s.call("GET", `/api/v1/store/products/${p.id}`)).json();
    expect(after.inventory).toBe(1_000_000_000);
  });
});

describe("product image paths", () => {
  const file =
    "/api/v1/files/00000000-0000-4000-8000-000000000000/0a1b2c3d-0000-4000-8000-1234567890ab.png";

  it.each([
    "/api/v1/files/../../api/auth/refresh",
    "/api/v1/files/x/../../../api/auth/refresh",
    "/api/v1/files/./x.png",
    "/api/v1/files/%2e%2e/%2E%2E/api/auth/refresh",
    "/api/v1/files/..%2f..%2fapi/auth/refresh",
    "/api/v1/files/x\\..\\..\\api\\auth\\refresh",
    "/api/v1/files//evil.example/x.png",
    "/api/v1/files/x.png?/../../api/auth/refresh",
    "/api/v1/files/x.png#../..",
    "/api/v1/files/",
  ])("refuses %s", async (bad) => {
    const s = await shop();
    const res = await s.product({ price: 1, images: [file, bad] });
    expect(await issues(res)).toEqual([["images.1", "invalid_format"]]);
  });

  it("keeps accepting uploaded-file paths and http(s) URLs", async () => {
    const s = await shop();
    const images = [file, "https://cdn.example.com/a/b.png?w=200"];
    const res = await s.product({ price: 1, images });
    expect(res.status).toBe(201);
    expect((await res.json()).images).toEqual(images);
  });
});
