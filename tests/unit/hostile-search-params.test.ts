import { describe, expect, it } from "vitest";
import { dateRange, firstParam, isoDate } from "@/lib/search-params";
import {
  DEFAULT_LIST_STATE as PRODUCT_DEFAULTS,
  parseProductSearchParams,
} from "@/app/[locale]/(admin)/products/search-params";
import {
  DEFAULT_LIST_STATE as ORDER_DEFAULTS,
  parseOrderSearchParams,
} from "@/app/[locale]/(admin)/orders/search-params";
import { parseAuditSearchParams } from "@/app/[locale]/(admin)/settings/audit/search-params";
import { parseDeliverySearchParams } from "@/app/[locale]/(admin)/settings/webhooks/search-params";

/**
 * Issue 10: what the Store API refuses (docs/api.md, Text rules) never leaves the admin's URL
 * state, so `/en/products?q=%00` shows the list instead of an error page.
 */
const NUL = "a\u0000b";
const LONE = "a\ud800";

describe("URL state drops text and dates the API refuses", () => {
  it.each([NUL, LONE, [NUL], [LONE, "ok"]])("firstParam(%j) is empty", (raw) => {
    expect(firstParam(raw)).toBe("");
  });

  it("keeps ordinary text, Arabic and emoji", () => {
    expect(firstParam(" قهوة 😀 ")).toBe("قهوة 😀");
  });

  it.each(["0000-01-01", "0000-12-31", "10000-01-01", "+10000-01-01", "2026-02-30"])(
    "isoDate(%s) is empty",
    (raw) => {
      expect(isoDate(raw)).toBe("");
    },
  );

  it.each(["0001-01-01", "9999-12-31", "2024-02-29"])("isoDate(%s) is kept", (raw) => {
    expect(isoDate(raw)).toBe(raw);
  });

  it("a range with one end out of range keeps the other", () => {
    expect(dateRange("0000-01-01", "2026-01-31")).toEqual({ from: "", to: "2026-01-31" });
  });

  it.each([NUL, LONE])("products: q and category %j fall back to none", (bad) => {
    expect(parseProductSearchParams({ q: bad, category: bad })).toEqual(PRODUCT_DEFAULTS);
  });

  it.each([NUL, LONE])("orders: q and source %j fall back to none", (bad) => {
    expect(parseOrderSearchParams({ q: bad, source: bad })).toEqual(ORDER_DEFAULTS);
  });

  it("cutting a long search to the API's 200 characters never splits an emoji", () => {
    const q = `${"x".repeat(199)}😀`;
    expect(parseProductSearchParams({ q }).q).toBe("x".repeat(199));
    expect(parseOrderSearchParams({ q }).q).toBe("x".repeat(199));
    const category = `${"x".repeat(99)}😀`;
    expect(parseProductSearchParams({ category }).category).toBe("x".repeat(99));
  });

  it("orders: dates outside years 1 to 9999 fall back to none", () => {
    expect(parseOrderSearchParams({ from: "0000-01-01", to: "0000-12-31" })).toEqual(
      ORDER_DEFAULTS,
    );
  });

  it("audit log and webhook deliveries: bad text and dates fall back to no filter", () => {
    const raw = { action: NUL, actor: LONE, event: NUL, status: LONE, from: "0000-01-01" };
    const none = { page: 1, from: "", to: "" };
    expect(parseAuditSearchParams(raw)).toEqual({ ...none, action: null, actorType: null });
    expect(parseDeliverySearchParams(raw)).toEqual({ ...none, event: null, status: null });
  });
});
