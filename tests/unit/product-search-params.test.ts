import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIST_STATE,
  nextSort,
  parseProductSearchParams,
  productSearchString,
  sortDirection,
  toListParams,
  withChanges,
} from "@/app/[locale]/(admin)/products/search-params";
import { canWriteProducts } from "@/components/products/permissions";

describe("product list search params", () => {
  it("reads a full query", () => {
    expect(
      parseProductSearchParams({
        page: "3",
        limit: "50",
        q: " قهوة ",
        status: "active",
        category: "coffee",
        sort: "-price",
      }),
    ).toEqual({
      page: 3,
      limit: 50,
      q: "قهوة",
      status: "active",
      category: "coffee",
      sort: "-price",
    });
  });

  it.each([
    ["page", { page: "0" }],
    ["page", { page: "-2" }],
    ["page", { page: "1e3" }],
    ["limit", { limit: "7" }],
    ["limit", { limit: "1000" }],
    ["status", { status: "deleted" }],
    ["sort", { sort: "sku" }],
  ])("falls back to the default for a bad %s", (key, raw) => {
    const state = parseProductSearchParams(raw);
    expect(state[key as keyof typeof state]).toEqual(
      DEFAULT_LIST_STATE[key as keyof typeof DEFAULT_LIST_STATE],
    );
  });

  it("takes the first of repeated parameters", () => {
    expect(parseProductSearchParams({ q: ["a", "b"] }).q).toBe("a");
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(productSearchString(DEFAULT_LIST_STATE)).toBe("");
    const state = { ...DEFAULT_LIST_STATE, q: "tea set", status: "draft" as const, page: 2 };
    const search = productSearchString(state);
    expect(search).toBe("?q=tea+set&status=draft&page=2");
    expect(parseProductSearchParams(Object.fromEntries(new URLSearchParams(search)))).toEqual(
      state,
    );
  });

  it("starts a new filter on page 1", () => {
    expect(withChanges({ ...DEFAULT_LIST_STATE, page: 4 }, { status: "active" }).page).toBe(1);
  });

  it("toggles the sort of a column, ascending first", () => {
    expect(nextSort("-created_at", "price")).toBe("price");
    expect(nextSort("price", "price")).toBe("-price");
    expect(nextSort("-price", "price")).toBe("price");
    expect(sortDirection("-price", "price")).toBe("descending");
    expect(sortDirection("-price", "name")).toBeNull();
  });

  it("leaves empty filters out of the SDK call", () => {
    expect(toListParams(DEFAULT_LIST_STATE, "en")).toEqual({
      page: 1,
      limit: 20,
      sort: "-created_at",
      q: undefined,
      status: undefined,
      category: undefined,
    });
  });
});

describe("sorting by name", () => {
  it("sorts by the name in the page's language", () => {
    const byName = { ...DEFAULT_LIST_STATE, sort: "name" as const };
    expect(toListParams(byName, "en").sort).toBe("name");
    expect(toListParams(byName, "ar").sort).toBe("name_ar");
    expect(toListParams({ ...byName, sort: "-name" }, "ar").sort).toBe("-name_ar");
    expect(toListParams({ ...byName, sort: "price" }, "ar").sort).toBe("price");
  });
});

describe("product controls by role", () => {
  it.each([
    ["owner", true],
    ["admin", true],
    ["staff", true],
    ["viewer", false],
  ] as const)("%s can change products: %s", (role, expected) => {
    expect(canWriteProducts(role)).toBe(expected);
  });
});
