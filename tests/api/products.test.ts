import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { outboxEvents } from "@/lib/events/schema";
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

/** A store with a signed-in user of the given role, and a request helper for it. */
async function as(role: Role = "owner", tenantOverrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, tenantOverrides);
  const { access_token } = await login(t, tenant, await createUser(t, tenant, { role }));
  const call = (
    method: string,
    path: string,
    json?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.request(`/api/v1/store/products${path}`, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}`, ...headers },
      json,
    });
  return { tenant, call, token: access_token };
}

const guideExample = {
  name: { en: "Digital Marketing Tool", ar: "أداة التسويق الرقمي" },
  description: {
    en: "Comprehensive digital marketing automation",
    ar: "أتمتة شاملة للتسويق الرقمي",
  },
  price: 299.99,
  currency: "USD",
  category: "software",
  tags: ["marketing", "automation", "digital"],
};

describe("create and read", () => {
  it("accepts the integration guide's example as written and round-trips the price exactly", async () => {
    const { call } = await as();
    const res = await call("POST", "", guideExample);
    expect(res.status).toBe(201);
    const product = await res.json();
    expect(product).toMatchObject({
      ...guideExample,
      status: "draft",
      inventory: 0,
      images: [],
      sku: null,
    });
    expect(product.price).toBe(299.99);
    const again = await (await call("GET", `/${product.id}`)).json();
    expect(again).toEqual(product);
  });

  it("accepts the guide's test example (English name only, store currency)", async () => {
    const { call } = await as("owner", { currency: "SAR" });
    const product = await (
      await call("POST", "", { name: { en: "Test Product" }, price: 99.99 })
    ).json();
    expect(product).toMatchObject({
      name: { en: "Test Product", ar: "" },
      price: 99.99,
      currency: "SAR",
    });
  });

  it.each([
    ["SAR", 12.5, 12.5],
    ["SAR", "0.10", 0.1],
    ["KWD", 1.125, 1.125],
    ["BHD", 0.001, 0.001],
    ["JPY", 1500, 1500],
    ["USD", 0.07, 0.07],
    ["USD", 1234567.89, 1234567.89],
  ])("stores %s %s exactly", async (currency, price, expected) => {
    const { call } = await as();
    const product = await (await call("POST", "", { name: { en: "x" }, price, currency })).json();
    expect(product.price).toBe(expected);
  });

  it.each([
    ["SAR", 1.005, "price"],
    ["KWD", 1.0005, "price"],
    ["JPY", 10.5, "price"],
    ["XYZ", 1, "currency"],
  ])("refuses %s %s with a 422 on %s", async (currency, price, field) => {
    const { call } = await as();
    const body = await expectError(
      await call("POST", "", { name: { en: "x" }, price, currency }),
      422,
      "VALIDATION_ERROR",
    );
    expect((body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });

  it.each([
    [{ price: 1 }, ["name"]],
    [{ name: { en: "x" } }, ["price"]],
    [{ name: { en: "x" }, price: -1 }, ["price"]],
    [{ name: { en: "x" }, price: 1, status: "sold" }, ["status"]],
    [{ name: { en: "x" }, price: 1, inventory: -2 }, ["inventory"]],
    [{ name: { en: "x" }, price: 1, tags: "one" }, ["tags"]],
    [{ name: { en: "x" }, price: 1, images: ["javascript:alert(1)"] }, ["images.0"]],
    [{ name: { en: "x" }, price: 1, sku: "has space" }, ["sku"]],
  ])("422 lists the failing fields for %j", async (input, fields) => {
    const { call } = await as();
    const body = await expectError(await call("POST", "", input), 422, "VALIDATION_ERROR");
    expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(fields),
    );
  });

  it("refuses an active product without an Arabic name, and accepts it with both", async () => {
    const { call } = await as();
    const body = await expectError(
      await call("POST", "", { name: { en: "Lamp" }, price: 10, status: "active" }),
      422,
      "VALIDATION_ERROR",
    );
    expect(body.errors).toEqual([
      expect.objectContaining({ field: "name.ar", code: "required_for_active" }),
    ]);
    const ok = await call("POST", "", {
      name: { en: "Lamp", ar: "مصباح" },
      price: 10,
      status: "active",
    });
    expect(ok.status).toBe(201);
  });

  it("409 SKU_TAKEN on a clash within a store, fine across stores", async () => {
    const a = await as();
    const b = await as();
    expect(
      (await a.call("POST", "", { name: { en: "x" }, price: 1, sku: "TSHIRT-1" })).status,
    ).toBe(201);
    await expectError(
      await a.call("POST", "", { name: { en: "y" }, price: 1, sku: "TSHIRT-1" }),
      409,
      "SKU_TAKEN",
    );
    expect(
      (await b.call("POST", "", { name: { en: "x" }, price: 1, sku: "TSHIRT-1" })).status,
    ).toBe(201);
  });

  it("records product.created in the outbox with the product as the API shows it", async () => {
    const { call, tenant } = await as();
    const product = await (await call("POST", "", guideExample)).json();
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, tenant.id), eq(outboxEvents.event, "product.created")));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual(product);
  });
});

describe("update and delete", () => {
  it("PATCH changes only what is sent, and raises product.updated", async () => {
    const { call, tenant } = await as();
    const product = await (await call("POST", "", guideExample)).json();
    const res = await call("PATCH", `/${product.id}`, { price: 249.5, name: { ar: "أداة تسويق" } });
    expect(res.status).toBe(200);
    const updated = await res.json();
    expect(updated).toMatchObject({
      price: 249.5,
      name: { en: guideExample.name.en, ar: "أداة تسويق" },
      tags: guideExample.tags,
    });
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, tenant.id), eq(outboxEvents.event, "product.updated")));
    expect(events.map((e) => e.data)).toEqual([updated]);
  });

  it("a currency change needs the price in the new currency", async () => {
    const { call } = await as();
    const product = await (
      await call("POST", "", { name: { en: "x" }, price: 10, currency: "USD" })
    ).json();
    await expectError(
      await call("PATCH", `/${product.id}`, { currency: "JPY" }),
      422,
      "VALIDATION_ERROR",
    );
    const ok = await (
      await call("PATCH", `/${product.id}`, { currency: "JPY", price: 1500 })
    ).json();
    expect(ok).toMatchObject({ currency: "JPY", price: 1500 });
  });

  it("activating through PATCH still needs both names", async () => {
    const { call } = await as();
    const product = await (await call("POST", "", { name: { en: "x" }, price: 10 })).json();
    await expectError(
      await call("PATCH", `/${product.id}`, { status: "active" }),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("DELETE removes it and raises product.deleted; then 404", async () => {
    const { call, tenant } = await as();
    const product = await (await call("POST", "", guideExample)).json();
    expect(await (await call("DELETE", `/${product.id}`)).json()).toEqual({
      id: product.id,
      deleted: true,
      archived: false,
    });
    await expectError(await call("GET", `/${product.id}`), 404, "PRODUCT_NOT_FOUND");
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, tenant.id), eq(outboxEvents.event, "product.deleted")));
    expect(events).toHaveLength(1);
  });

  it("404 for an id that is not a UUID", async () => {
    const { call } = await as();
    await expectError(await call("GET", "/prod_123"), 404, "PRODUCT_NOT_FOUND");
  });

  it("bulk activates what can be, and says why the rest cannot", async () => {
    const { call } = await as();
    const ok = await (await call("POST", "", { name: { en: "a", ar: "أ" }, price: 1 })).json();
    const noArabic = await (await call("POST", "", { name: { en: "b" }, price: 1 })).json();
    const missing = "00000000-0000-4000-8000-000000000000";
    const result = await (
      await call("POST", "/bulk", { ids: [ok.id, noArabic.id, missing], action: "activate" })
    ).json();
    expect(result.updated).toEqual([ok.id]);
    expect(result.errors.map((e: { id: string; code: string }) => [e.id, e.code])).toEqual([
      [noArabic.id, "VALIDATION_ERROR"],
      [missing, "PRODUCT_NOT_FOUND"],
    ]);
    expect((await (await call("GET", `/${ok.id}`)).json()).status).toBe("active");
  });
});

describe("list, filters, pagination", () => {
  it("paginates with total and pages, limit 1-100, default 20", async () => {
    const { call } = await as();
    for (let i = 0; i < 25; i++)
      await call("POST", "", { name: { en: `P${i}` }, price: i, category: i % 2 ? "odd" : "even" });
    const first = await (await call("GET", "")).json();
    expect(first.data).toHaveLength(20);
    expect(first.pagination).toEqual({ page: 1, limit: 20, total: 25, pages: 2 });
    const last = await (await call("GET", "?page=2&limit=20")).json();
    expect(last.data).toHaveLength(5);
    const beyond = await (await call("GET", "?page=9")).json();
    expect(beyond).toEqual({ data: [], pagination: { page: 9, limit: 20, total: 25, pages: 2 } });
    for (const q of ["limit=0", "limit=101", "page=0", "limit=abc", "sort=hack"]) {
      await expectError(await call("GET", `?${q}`), 422, "VALIDATION_ERROR");
    }
    const odd = await (await call("GET", "?category=odd&limit=100")).json();
    expect(odd.pagination.total).toBe(12);
    const byPrice = await (await call("GET", "?sort=price&limit=3")).json();
    expect(byPrice.data.map((p: { price: number }) => p.price)).toEqual([0, 1, 2]);
    const byPriceDesc = await (await call("GET", "?sort=-price&limit=2")).json();
    expect(byPriceDesc.data.map((p: { price: number }) => p.price)).toEqual([24, 23]);
  });

  it("sorts by the English or the Arabic name, a missing name falling back to the other", async () => {
    const { call } = await as();
    await call("POST", "", { name: { en: "Coffee", ar: "قهوة" }, price: 1 });
    await call("POST", "", { name: { en: "Apricot", ar: "مشمش" }, price: 1 });
    await call("POST", "", { name: { ar: "تمر" }, price: 1 });
    await call("POST", "", { name: { en: "Basil" }, price: 1 });
    const names = async (sort: string, lang: "en" | "ar") =>
      (
        (await (await call("GET", `?sort=${sort}`)).json()).data as {
          name: Record<string, string>;
        }[]
      ).map((p) => p.name[lang] || p.name[lang === "en" ? "ar" : "en"]);
    expect(await names("name", "en")).toEqual(["Apricot", "Basil", "Coffee", "تمر"]);
    // Latin (Basil has no Arabic name) before Arabic; Arabic in alphabetical order: ت ق م.
    expect(await names("name_ar", "ar")).toEqual(["Basil", "تمر", "قهوة", "مشمش"]);
    expect(await names("-name_ar", "ar")).toEqual(["مشمش", "قهوة", "تمر", "Basil"]);
  });

  it("filters by status", async () => {
    const { call } = await as();
    await call("POST", "", { name: { en: "a", ar: "أ" }, price: 1, status: "active" });
    await call("POST", "", { name: { en: "b" }, price: 1 });
    const active = await (await call("GET", "?status=active")).json();
    expect(active.data.map((p: { name: { en: string } }) => p.name.en)).toEqual(["a"]);
  });

  it("keeps totals right through creates, status changes, deletes and imports", async () => {
    const { call } = await as();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await (await call("POST", "", { name: { en: `c${i}`, ar: `ج${i}` }, price: 1 })).json())
          .id,
      );
    await call("PATCH", `/${ids[0]}`, { status: "active" });
    await call("POST", "/bulk", { ids: [ids[1]], action: "archive" });
    await call("DELETE", `/${ids[2]}`);
    const total = async (q = "") => (await (await call("GET", q)).json()).pagination.total;
    expect([
      await total(),
      await total("?status=active"),
      await total("?status=archived"),
      await total("?status=draft"),
    ]).toEqual([2, 1, 1, 0]);
  });

  it("categories lists those in use with counts", async () => {
    const { call } = await as();
    for (const category of ["dates", "dates", "coffee"])
      await call("POST", "", { name: { en: "x" }, price: 1, category });
    expect(await (await call("GET", "/categories")).json()).toEqual({
      data: [
        { name: "dates", count: 2, names: null },
        { name: "coffee", count: 1, names: null },
      ],
    });
  });
});

describe("search in both languages", () => {
  it.each([
    ["قهوة", "plain Arabic"],
    ["قَهْوَة", "with tashkeel"],
    ["قهوه", "taa marbuta written as haa"],
    ["قــهــوة", "with tatweel"],
    ["COFFEE", "English, any case"],
    ["arab-cof", "the SKU"],
    ["premium", "a tag"],
  ])("finds the product by %s (%s)", async (q) => {
    const { call } = await as();
    await call("POST", "", {
      name: { en: "Arabic Coffee", ar: "قهوة عربية" },
      price: 45,
      sku: "ARAB-COF-1",
      tags: ["premium"],
    });
    await call("POST", "", { name: { en: "Tea", ar: "شاي" }, price: 10 });
    const found = await (await call("GET", `?q=${encodeURIComponent(q)}`)).json();
    expect(found.data.map((p: { name: { en: string } }) => p.name.en)).toEqual(["Arabic Coffee"]);
  });

  it("matches alef and alef maqsura variants both ways", async () => {
    const { call } = await as();
    await call("POST", "", { name: { en: "Fragrance", ar: "عطر أصيل" }, price: 1 });
    await call("POST", "", { name: { en: "Hospital", ar: "مستشفى" }, price: 1 });
    const alef = await (await call("GET", `?q=${encodeURIComponent("اصيل")}`)).json();
    expect(alef.data).toHaveLength(1);
    const yaa = await (await call("GET", `?q=${encodeURIComponent("مستشفي")}`)).json();
    expect(yaa.data).toHaveLength(1);
  });

  it("treats % and _ as text, not wildcards", async () => {
    const { call } = await as();
    await call("POST", "", { name: { en: "Sale 50% off" }, price: 1 });
    await call("POST", "", { name: { en: "Sale 500 off" }, price: 1 });
    const found = await (await call("GET", `?q=${encodeURIComponent("50%")}`)).json();
    expect(found.data).toHaveLength(1);
  });
});

describe("tenant isolation and permissions", () => {
  it("another store's product is 404 for read, update and delete, and never listed", async () => {
    const a = await as();
    const b = await as();
    const product = await (await a.call("POST", "", guideExample)).json();
    await expectError(await b.call("GET", `/${product.id}`), 404, "PRODUCT_NOT_FOUND");
    await expectError(
      await b.call("PATCH", `/${product.id}`, { price: 1 }),
      404,
      "PRODUCT_NOT_FOUND",
    );
    await expectError(await b.call("DELETE", `/${product.id}`), 404, "PRODUCT_NOT_FOUND");
    expect((await (await b.call("GET", "")).json()).pagination.total).toBe(0);
    const bulk = await (
      await b.call("POST", "/bulk", { ids: [product.id], action: "archive" })
    ).json();
    expect(bulk.errors[0].code).toBe("PRODUCT_NOT_FOUND");
    expect((await (await a.call("GET", `/${product.id}`)).json()).status).toBe("draft");
  });

  it("a token of store A with X-Tenant-ID of store B is 403", async () => {
    const a = await as();
    const b = await as();
    const res = await t.request("/api/v1/store/products", {
      headers: { "x-tenant-id": b.tenant.slug, authorization: `Bearer ${a.token}` },
    });
    await expectError(res, 403, "TENANT_MISMATCH");
  });

  it.each<[Role, number, number]>([
    ["owner", 200, 201],
    ["admin", 200, 201],
    ["staff", 200, 201],
    ["viewer", 200, 403],
  ])("%s: list %i, create %i", async (role, listStatus, createStatus) => {
    const { call } = await as(role);
    expect((await call("GET", "")).status).toBe(listStatus);
    const res = await call("POST", "", { name: { en: "x" }, price: 1 });
    expect(res.status).toBe(createStatus);
    if (createStatus === 403) expect((await res.json()).code).toBe("INSUFFICIENT_PERMISSION");
  });

  it("a viewer cannot update, delete, bulk-change or import", async () => {
    const owner = await as();
    const product = await (await owner.call("POST", "", { name: { en: "x" }, price: 1 })).json();
    const { users } = await import("@/lib/users/schema");
    const viewer = await createUser(t, owner.tenant, { role: "viewer" });
    const { access_token } = await login(t, owner.tenant, viewer);
    const headers = { "x-tenant-id": owner.tenant.slug, authorization: `Bearer ${access_token}` };
    for (const [method, path, json] of [
      ["PATCH", `/${product.id}`, { price: 2 }],
      ["DELETE", `/${product.id}`, undefined],
      ["POST", "/bulk", { ids: [product.id], action: "archive" }],
    ] as const) {
      await expectError(
        await t.request(`/api/v1/store/products${path}`, { method, headers, json }),
        403,
        "INSUFFICIENT_PERMISSION",
      );
    }
    const imp = await t.request("/api/v1/store/products/import", {
      method: "POST",
      headers: { ...headers, "content-type": "text/csv" },
      body: "name_en,name_ar,price\nx,س,1\n",
    });
    await expectError(imp, 403, "INSUFFICIENT_PERMISSION");
    expect(users).toBeDefined();
  });

  it("401 without credentials", async () => {
    const { tenant } = await as();
    await expectError(
      await t.request("/api/v1/store/products", { headers: { "x-tenant-id": tenant.slug } }),
      401,
      "AUTH_001",
    );
  });
});
