import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, expectError, signIn, type TestApi } from "./harness";
import { shop } from "./analytics-helpers";

/* Categories named in both languages (issue 19; docs/decisions/0004): products keep the plain
   value integrations send, the names are what people read. */
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

type Categories = {
  data: { name: string; count: number; names: { en: string; ar: string } | null }[];
};
const CATEGORIES = "/api/v1/store/products/categories";
const NAMES = `${CATEGORIES}/names`;

describe("category names", () => {
  it("names a category in both languages without touching its products, and forgets the names", async () => {
    const s = await shop(t);
    const coffee = await s.ok<{ id: string }>("POST", "/api/v1/store/products", {
      name: { en: "Beans", ar: "بن" },
      price: 40,
      category: "coffee",
    });
    await s.ok("POST", "/api/v1/store/products", {
      name: { en: "Cup" },
      price: 5,
      category: "coffee",
    });
    await s.ok("POST", "/api/v1/store/products", {
      name: { en: "Dates" },
      price: 9,
      category: "food",
    });

    expect((await s.ok<Categories>("GET", CATEGORIES)).data).toEqual([
      { name: "coffee", count: 2, names: null },
      { name: "food", count: 1, names: null },
    ]);

    const named = await s.ok("PUT", NAMES, {
      category: "coffee",
      names: { en: " Coffee ", ar: "قهوة" },
    });
    expect(named).toEqual({ category: "coffee", names: { en: "Coffee", ar: "قهوة" } });
    // A name for a category no product carries yet is kept, and listed with no products.
    await s.ok("PUT", NAMES, { category: "gifts", names: { en: "Gifts", ar: "هدايا" } });

    expect((await s.ok<Categories>("GET", CATEGORIES)).data).toEqual([
      { name: "coffee", count: 2, names: { en: "Coffee", ar: "قهوة" } },
      { name: "food", count: 1, names: null },
      { name: "gifts", count: 0, names: { en: "Gifts", ar: "هدايا" } },
    ]);
    // The product and the filter still use the value integrations sent.
    const product = await s.ok<{ category: string }>("GET", `/api/v1/store/products/${coffee.id}`);
    expect(product.category).toBe("coffee");
    const filtered = await s.ok<{ data: unknown[] }>(
      "GET",
      "/api/v1/store/products?category=coffee",
    );
    expect(filtered.data).toHaveLength(2);

    // Both names empty, or null, forget them.
    await s.ok("PUT", NAMES, { category: "coffee", names: { en: "", ar: " " } });
    await s.ok("PUT", NAMES, { category: "gifts", names: null });
    expect((await s.ok<Categories>("GET", CATEGORIES)).data).toEqual([
      { name: "coffee", count: 2, names: null },
      { name: "food", count: 1, names: null },
    ]);

    const audit = await s.ok<{ data: { action: string; resource_id: string }[] }>(
      "GET",
      "/api/v1/audit-log?action=category.",
    );
    expect(audit.data.map((e) => e.resource_id).sort()).toEqual([
      "coffee",
      "coffee",
      "gifts",
      "gifts",
    ]);
  });

  it("refuses bad input with the API's error shape, and a viewer", async () => {
    const s = await shop(t);
    for (const body of [
      { category: "", names: null },
      { category: "x".repeat(101), names: null },
      { category: "coffee", names: { en: "x".repeat(101), ar: "" } },
      { category: "coffee" },
      { category: "coffee", names: { en: 5, ar: "" } },
    ]) {
      await expectError(await s.call("PUT", NAMES, body), 422, "VALIDATION_ERROR");
    }
    const viewer = await signIn(t, s.tenant, "viewer");
    const res = await t.request(NAMES, {
      method: "PUT",
      headers: viewer.headers,
      json: { category: "coffee", names: { en: "Coffee", ar: "قهوة" } },
    });
    await expectError(res, 403, "INSUFFICIENT_PERMISSION");
  });

  it("keeps each store's names to itself", async () => {
    const a = await shop(t);
    const b = await shop(t);
    await a.ok("POST", "/api/v1/store/products", {
      name: { en: "Beans" },
      price: 1,
      category: "coffee",
    });
    await b.ok("POST", "/api/v1/store/products", {
      name: { en: "Beans" },
      price: 1,
      category: "coffee",
    });
    await a.ok("PUT", NAMES, { category: "coffee", names: { en: "Coffee", ar: "قهوة" } });
    expect((await b.ok<Categories>("GET", CATEGORIES)).data).toEqual([
      { name: "coffee", count: 1, names: null },
    ]);
  });
});
