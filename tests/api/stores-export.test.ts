import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import Papa from "papaparse";
import { seedDemo } from "@/lib/demo/seed";
import { seedSampleData } from "@/lib/demo/sample-data";
import { auditLog } from "@/lib/audit/schema";
import { products } from "@/lib/products/schema";
import { orders } from "@/lib/orders/schema";
import { exportFilename } from "@/lib/tenants/export";
import { BrainSAITStore } from "@/lib/sdk";
import type { Tenant } from "@/lib/tenants/schema";
import { createTenant, createTestApi, createUser, login, PASSWORD, type TestApi } from "./harness";

let t: TestApi;
let demo: Tenant;
let ownerToken: string;
let apiKeySecret: string;
let webhookSecret: string;
let productCount: number;
let orderCount: number;

const call = (method: string, path: string, token: string, json?: unknown, slug = demo.slug) =>
  t.request(path, {
    method,
    headers: { "x-tenant-id": slug, authorization: `Bearer ${token}` },
    json,
  });

beforeAll(async () => {
  t = await createTestApi();
  const seeded = await seedDemo(t.db, PASSWORD);
  demo = seeded.tenant;
  await seedSampleData(t.db, demo, seeded.ownerId);
  ownerToken = (await login(t, demo, { email: seeded.email } as never)).access_token;
  const key = await call("POST", "/api/v1/api-keys", ownerToken, {
    name: "Warehouse sync",
    scopes: ["products:read"],
  });
  expect(key.status).toBe(201);
  apiKeySecret = (await key.json()).key;
  const hook = await call("POST", "/api/v1/webhooks", ownerToken, {
    url: "https://hooks.example.com/orders",
    events: ["order.created"],
  });
  expect(hook.status).toBe(201);
  webhookSecret = (await hook.json()).secret;
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  productCount = await n(
    t.db.select({ n: count() }).from(products).where(eq(products.tenantId, demo.id)),
  );
  orderCount = await n(
    t.db.select({ n: count() }).from(orders).where(eq(orders.tenantId, demo.id)),
  );
}, 120_000);
afterAll(() => t.close());

describe("GET /api/v1/store/export", () => {
  let files: Record<string, Uint8Array>;
  let res: Response;

  it("streams a zip named after the store and the day, with the row count", async () => {
    expect(productCount).toBeGreaterThan(3);
    expect(orderCount).toBeGreaterThan(3);
    res = await call("GET", "/api/v1/store/export", ownerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${exportFilename("demo", t.clock.now, demo.timeZone)}"`,
    );
    expect(res.headers.get("content-disposition")).toMatch(/demo-export-\d{4}-\d\d-\d\d\.zip/);
    expect(res.body).toBeInstanceOf(ReadableStream);
    files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      [
        "settings.json",
        "products.json",
        "products.csv",
        "orders.json",
        "orders.csv",
        "customers.csv",
        "api-keys.json",
        "webhooks.json",
        "audit-log.json",
      ].sort(),
    );
  });

  const json = (name: string) => JSON.parse(strFromU8(files[name]!));
  const csv = (name: string) =>
    Papa.parse<Record<string, string>>(strFromU8(files[name]!).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;

  it("holds the settings, every product and every order, in JSON and CSV", () => {
    expect(json("settings.json").store).toMatchObject({
      slug: "demo",
      name: { en: "BrainSAIT Demo Store", ar: "متجر برينسايت التجريبي" },
      currency: "SAR",
      status: "active",
    });
    const productsJson = json("products.json");
    expect(productsJson).toHaveLength(productCount);
    expect(productsJson[0]).toMatchObject({
      id: expect.any(String),
      name: { en: expect.any(String) },
    });
    expect(
      productsJson.some((p: { name: { ar: string } }) => /[\u0600-\u06FF]/.test(p.name.ar)),
    ).toBe(true);
    expect(csv("products.csv")).toHaveLength(productCount);
    const ordersJson = json("orders.json");
    expect(ordersJson).toHaveLength(orderCount);
    expect(ordersJson[0].items.length).toBeGreaterThan(0);
    expect(csv("orders.csv")).toHaveLength(orderCount);
    expect(new Set(ordersJson.map((o: { number: string }) => o.number)).size).toBe(orderCount);
  });

  it("lists customers' emails once each", () => {
    const customers = csv("customers.csv");
    const emails = new Set(
      json("orders.json")
        .map((o: { customer_email: string | null }) => o.customer_email?.toLowerCase())
        .filter(Boolean),
    );
    expect(customers.map((c) => c.email).sort()).toEqual([...emails].sort());
    const total = customers.reduce((sum, c) => sum + Number(c.orders), 0);
    expect(total).toBe(
      json("orders.json").filter((o: { customer_email: string | null }) => o.customer_email).length,
    );
  });

  it("names keys and endpoints without their secrets", () => {
    const keys = json("api-keys.json");
    expect(keys).toEqual([
      expect.objectContaining({ name: "Warehouse sync", scopes: ["products:read"] }),
    ]);
    expect(apiKeySecret.startsWith(keys[0].prefix)).toBe(true);
    const hooks = json("webhooks.json");
    expect(hooks).toEqual([
      expect.objectContaining({
        url: "https://hooks.example.com/orders",
        events: ["order.created"],
      }),
    ]);
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    expect(everything).not.toContain(apiKeySecret);
    expect(everything).not.toContain(apiKeySecret.slice(-20));
    expect(everything).not.toContain(webhookSecret);
    expect(everything).not.toMatch(/\$argon2/);
  });

  it("counts its rows in X-Export-Rows and is audited", async () => {
    const rows =
      json("products.json").length +
      json("orders.json").length +
      csv("customers.csv").length +
      json("api-keys.json").length +
      json("webhooks.json").length +
      json("audit-log.json").length;
    expect(Number(res.headers.get("x-export-rows"))).toBe(rows);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, demo.id), eq(auditLog.action, "store.exported")));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.metadata).toMatchObject({ rows });
    // The archive was written after the audit row, and holds it.
    expect(json("audit-log.json").map((a: { action: string }) => a.action)).toContain(
      "store.exported",
    );
  });

  it("holds nothing of another store", async () => {
    const other = await createTenant(t);
    const owner = await createUser(t, other, { role: "owner" });
    const token = (await login(t, other, owner)).access_token;
    const mine = await call("GET", "/api/v1/store/export", token, undefined, other.slug);
    const zip = unzipSync(new Uint8Array(await mine.arrayBuffer()));
    expect(JSON.parse(strFromU8(zip["products.json"]!))).toEqual([]);
    expect(JSON.parse(strFromU8(zip["orders.json"]!))).toEqual([]);
    // UTF-8 with a BOM, so spreadsheet programs read Arabic names right.
    expect([...zip["customers.csv"]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      strFromU8(zip["customers.csv"]!)
        .replace(/^\uFEFF/, "")
        .trim(),
    ).toBe("email,name,orders,first_order_at,last_order_at");
    expect(Number(mine.headers.get("x-export-rows"))).toBe(
      JSON.parse(strFromU8(zip["audit-log.json"]!)).length,
    );
    // The other store's token cannot take the demo's export.
    const cross = await call("GET", "/api/v1/store/export", token);
    expect(cross.status).toBe(403);
  });

  it("pages through a catalogue larger than one read (keyset, nothing skipped)", async () => {
    const big = await createTenant(t);
    const owner = await createUser(t, big, { role: "owner" });
    const token = (await login(t, big, owner)).access_token;
    const at = new Date();
    await t.db.insert(products).values(
      Array.from({ length: 1234 }, (_, i) => ({
        tenantId: big.id,
        nameEn: `Item ${i}`,
        nameAr: `صنف ${i}`,
        priceMinor: 100 + i,
        currency: "SAR",
        sku: `SKU-${i}`,
        createdAt: at,
      })),
    );
    const r = await call("GET", "/api/v1/store/export", token, undefined, big.slug);
    const zip = unzipSync(new Uint8Array(await r.arrayBuffer()));
    const list = JSON.parse(strFromU8(zip["products.json"]!)) as { sku: string }[];
    expect(new Set(list.map((p) => p.sku)).size).toBe(1234);
    const rows = Papa.parse(strFromU8(zip["products.csv"]!), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.data).toHaveLength(1234);
  });

  it("is for owners only", async () => {
    for (const role of ["admin", "staff", "viewer"] as const) {
      const user = await createUser(t, demo, { role });
      const token = (await login(t, demo, user)).access_token;
      const r = await call("GET", "/api/v1/store/export", token);
      expect([role, r.status, (await r.json()).code]).toEqual([role, 403, "OWNER_ONLY"]);
    }
    const byKey = await call("GET", "/api/v1/store/export", apiKeySecret);
    expect(byKey.status).toBe(403);
    const anonymous = await t.request("/api/v1/store/export", {
      headers: { "x-tenant-id": "demo" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("comes through the SDK as a stream", async () => {
    const sdk = new BrainSAITStore({
      tenantId: "demo",
      accessToken: ownerToken,
      fetch: (r) => Promise.resolve(t.api.fetch(r, {})),
    });
    const response = await sdk.settings.export();
    expect(Number(response.headers.get("x-export-rows"))).toBeGreaterThan(orderCount);
    let bytes = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    expect(bytes).toBeGreaterThan(1000);
  });
});
