import { describe, expect, it } from "vitest";
import { errorTextFor, type SharedErrorKey } from "@/components/ui/error-text";
import { pageWindow } from "@/components/ui/page-window";

describe("pageWindow", () => {
  it.each([
    // page, limit, total, pages, shown -> from, to, pages, previous, next
    [1, 20, 135, 7, 20, { from: 1, to: 20, pages: 7, previous: null, next: 2 }],
    [2, 20, 135, 7, 20, { from: 21, to: 40, pages: 7, previous: 1, next: 3 }],
    [7, 20, 135, 7, 15, { from: 121, to: 135, pages: 7, previous: 6, next: null }],
    [1, 20, 5, 1, 5, { from: 1, to: 5, pages: 1, previous: null, next: null }],
    // An empty list still reads "Page 1 of 1", "0–0 of 0".
    [1, 20, 0, 0, 0, { from: 0, to: 0, pages: 1, previous: null, next: null }],
  ])("page %i by %i of %i rows (%i pages, %i shown)", (page, limit, total, pages, shown, want) => {
    expect(pageWindow({ page, limit, total, pages }, shown)).toEqual(want);
  });
});

describe("errorTextFor", () => {
  const shared = (key: SharedErrorKey) => `shared:${key}`;

  it.each([
    ["INSUFFICIENT_PERMISSION", "shared:permission"],
    ["VALIDATION_ERROR", "shared:validation"],
    ["RATE_LIMIT_EXCEEDED", "shared:busy"],
    ["UNAVAILABLE", "shared:unavailable"],
    ["AUTH_REQUIRED", "shared:sessionExpired"],
    ["AUTH_TOKEN_EXPIRED", "shared:sessionExpired"],
    ["WEBHOOK_NOT_FOUND", "shared:generic"],
    ["", "shared:generic"],
  ])("words %s with the shared text", (code, want) => {
    expect(errorTextFor(code, shared)).toBe(want);
  });

  it("prefers the area's extra, for its own codes and over a shared one", () => {
    const extras = { WEBHOOK_NOT_FOUND: "gone", INSUFFICIENT_PERMISSION: "owners only" };
    expect(errorTextFor("WEBHOOK_NOT_FOUND", shared, extras)).toBe("gone");
    expect(errorTextFor("INSUFFICIENT_PERMISSION", shared, extras)).toBe("owners only");
    expect(errorTextFor("UNAVAILABLE", shared, extras)).toBe("shared:unavailable");
  });

  it("does not read inherited properties as extras", () => {
    expect(errorTextFor("toString", shared, {})).toBe("shared:generic");
    expect(errorTextFor("constructor", shared)).toBe("shared:generic");
  });
});
