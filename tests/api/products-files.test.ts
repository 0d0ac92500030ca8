import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { products } from "@/lib/products/schema";
import type { Role } from "@/lib/users/schema";
import { BrainSAITStore } from "@/lib/sdk";
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

async function store(role: Role = "owner") {
  const tenant = await createTenant(t);
  const { access_token } = await login(t, tenant, await createUser(t, tenant, { role }));
  const sdk = new BrainSAITStore({
    tenantId: tenant.slug,
    accessToken: access_token,
    fetch: (r) => Promise.resolve(t.api.fetch(r)),
  });
  return { tenant, sdk, token: access_token };
}

const HEADER =
  "sku,name_en,name_ar,description_en,description_ar,price,currency,category,tags,status,inventory,images";

describe("CSV export and import", () => {
  it("exports UTF-8 with a BOM, Arabic intact, and imports its own export back", async () => {
    const a = await store();
    await a.sdk.products.create({
      name: { en: "Dates, Medjool", ar: "تمر مجدول" },
      price: 59.5,
      sku: "DATE-1",
      tags: ["dates", "premium"],
      status: "active",
      inventory: 7,
    });
    await a.sdk.products.create({ name: { en: 'Say "hi"', ar: "قَهْوَة" }, price: 12, sku: "Q-1" });
    const response = await a.sdk.products.exportCsv();
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain(".csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv).toContain("تمر مجدول");
    expect(csv).toContain('"Dates, Medjool"');
    expect(csv.split("\r\n")[0]).toBe("\uFEFF" + HEADER);

    const b = await store();
    const result = await b.sdk.products.importCsv(csv);
    expect(result).toEqual({ created: 2, updated: 0, errors: [] });
    const imported = await b.sdk.products.list({ sort: "name" });
    expect(
      imported.data.map((p) => [p.sku, p.name.ar, p.price, p.tags, p.inventory, p.status]),
    ).toEqual([
      ["DATE-1", "تمر مجدول", 59.5, ["dates", "premium"], 7, "active"],
      ["Q-1", "قَهْوَة", 12, [], 0, "draft"],
    ]);
  });

  it("updates products whose SKU exists and creates the rest", async () => {
    const a = await store();
    await a.sdk.products.create({ name: { en: "Old" }, price: 1, sku: "S-1" });
    const result = await a.sdk.products.importCsv(
      `${HEADER}\nS-1,New name,اسم جديد,,,2.5,,,,,,\nS-2,Second,ثاني,,,3,,,,,,\n`,
    );
    expect(result).toEqual({ created: 1, updated: 1, errors: [] });
    const list = await a.sdk.products.list({ sort: "price" });
    expect(list.data.map((p) => [p.sku, p.name.en, p.price])).toEqual([
      ["S-1", "New name", 2.5],
      ["S-2", "Second", 3],
    ]);
  });

  it("imports nothing when any row is wrong, and reports every wrong row with its field", async () => {
    const a = await store();
    const rows = [
      "A-1,Good,جيد,,,10,,,,,,",
      "A-2,Bad price,سعر,,,10.999,,,,,,",
      "A-3,Active no Arabic,,,,5,,,,active,,",
      "A-1,Duplicate SKU,مكرر,,,1,,,,,,",
      "A-5,Negative stock,مخزون,,,1,,,,,-3,",
    ];
    const result = await a.sdk.products.importCsv(`${HEADER}\n${rows.join("\n")}\n`);
    expect(result.created).toBe(0);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, "price", "invalid_precision"],
      [4, "name_ar", "required_for_active"],
      [5, "sku", "duplicate_in_file"],
      [6, "inventory", "too_small"],
    ]);
    expect((await a.sdk.products.list()).pagination.total).toBe(0);
  });

  it("streams progress for a 200-row import", async () => {
    const a = await store();
    const rows = Array.from(
      { length: 200 },
      (_, i) => `BULK-${i},Item ${i},منتج ${i},,,${i}.25,,bulk,,,${i},`,
    );
    const progress: { phase: string; processed: number; total: number }[] = [];
    const result = await a.sdk.products.importCsv(`${HEADER}\n${rows.join("\n")}\n`, {
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ created: 200, updated: 0, errors: [] });
    expect(progress.at(-1)).toEqual({ phase: "writing", processed: 200, total: 200 });
    expect(progress.filter((p) => p.phase === "writing").length).toBeGreaterThan(5);
    expect((await a.sdk.products.list({ category: "bulk" })).pagination.total).toBe(200);
    expect((await a.sdk.products.list()).pagination.total).toBe(200);
  });

  it("refuses a CSV without the required columns", async () => {
    const a = await store();
    await expect(a.sdk.products.importCsv("title,cost\nx,1\n")).rejects.toMatchObject({
      code: "CSV_INVALID",
    });
  });
});

// The smallest valid PNG: 1x1 transparent.
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  ),
  (c) => c.charCodeAt(0),
);

describe("images", () => {
  it("uploads an image, checks its type by content, and serves it with caching headers", async () => {
    const a = await store();
    const product = await a.sdk.products.create({ name: { en: "Lamp" }, price: 10 });
    const updated = await a.sdk.products.uploadImage(
      product.id,
      new Blob([PNG], { type: "image/png" }),
      "lamp.png",
    );
    expect(updated.images).toHaveLength(1);
    const url = updated.images[0]!;
    expect(url).toMatch(new RegExp(`^/api/v1/files/${a.tenant.id}/[0-9a-f-]{36}\\.png$`));
    const served = await t.request(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });

  it("refuses a file that only claims to be an image", async () => {
    const a = await store();
    const product = await a.sdk.products.create({ name: { en: "Lamp" }, price: 10 });
    const fake = new Blob(["<script>alert(1)</script>"], { type: "image/png" });
    await expect(a.sdk.products.uploadImage(product.id, fake, "x.png")).rejects.toMatchObject({
      status: 422,
      code: "IMAGE_INVALID",
    });
  });

  it("refuses an image over 5 MB with a clear error", async () => {
    const a = await store();
    const product = await a.sdk.products.create({ name: { en: "Lamp" }, price: 10 });
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(PNG);
    await expect(
      a.sdk.products.uploadImage(product.id, new Blob([big]), "big.png"),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("another store cannot add images to the product", async () => {
    const a = await store();
    const b = await store();
    const product = await a.sdk.products.create({ name: { en: "Lamp" }, price: 10 });
    await expect(
      b.sdk.products.uploadImage(product.id, new Blob([PNG]), "x.png"),
    ).rejects.toMatchObject({ status: 404 });
    const [row] = await t.db.select().from(products).where(eq(products.id, product.id));
    expect(row!.images).toEqual([]);
  });

  it("keeps images in the order sent: a PATCH reorders (the first is the thumbnail) or removes", async () => {
    const a = await store();
    const product = await a.sdk.products.create({ name: { en: "Lamp" }, price: 10 });
    for (const name of ["one.png", "two.png", "three.png"])
      await a.sdk.products.uploadImage(product.id, new Blob([PNG]), name);
    const uploaded = (await a.sdk.products.get(product.id)).images;
    expect(uploaded).toHaveLength(3);
    const [one, two, three] = uploaded as [string, string, string];

    const reordered = await a.sdk.products.update(product.id, { images: [three, one, two] });
    expect(reordered.images).toEqual([three, one, two]);
    expect((await a.sdk.products.get(product.id)).images).toEqual([three, one, two]);
    const listed = await a.sdk.products.list({});
    expect(listed.data.find((p) => p.id === product.id)!.images[0]).toBe(three);

    // Sending a URL twice keeps it once, in its first place.
    const deduped = await a.sdk.products.update(product.id, { images: [two, three, two] });
    expect(deduped.images).toEqual([two, three]);
    expect((await a.sdk.products.update(product.id, { images: [three] })).images).toEqual([three]);
  });

  it("a missing file is a 404 envelope", async () => {
    await expectError(
      await t.request(
        "/api/v1/files/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-000000000000.png",
      ),
      404,
      "FILE_NOT_FOUND",
    );
    await expectError(await t.request("/api/v1/files/../../etc/passwd"), 404, "ROUTE_NOT_FOUND");
  });
});
