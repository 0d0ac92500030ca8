import { describe, expect, it } from "vitest";
import { safeReturnPath, TENANT_SLUG_PATTERN, toLoginErrorCode } from "@/lib/admin/login-shared";

const locales = ["en", "ar"] as const;

describe("safeReturnPath (the callbackUrl guard)", () => {
  it.each([
    ["/en", "/en"],
    ["/ar/products?page=2", "/ar/products?page=2"],
    ["/en?x=1", "/en?x=1"],
  ])("keeps the same-site admin path %s", (input, expected) => {
    expect(safeReturnPath(input, locales)).toBe(expected);
  });

  it.each([
    null,
    "",
    "https://evil.example/en",
    "//evil.example/en",
    "/\\evil.example",
    "/fr/x",
    "/api/auth/signout",
    "en",
  ])("rejects %s", (input) => {
    expect(safeReturnPath(input, locales)).toBeNull();
  });
});

describe("toLoginErrorCode", () => {
  it.each([
    ["invalid_credentials", "invalid_credentials"],
    ["too_many_attempts", "too_many_attempts"],
    ["unknown_store", "unknown_store"],
    ["CredentialsSignin", "invalid_credentials"],
    ["Error: something internal\n    at foo.js:1", "unavailable"],
  ])("maps %j to %s", (raw, code) => {
    expect(toLoginErrorCode(raw)).toBe(code);
  });

  it("returns null when there is no error", () => {
    expect(toLoginErrorCode(undefined)).toBeNull();
  });
});

describe("store slug", () => {
  it.each(["demo", "my-store", "a1"])("accepts %s", (slug) =>
    expect(TENANT_SLUG_PATTERN.test(slug)).toBe(true),
  );
  it.each(["Demo", "-demo", "demo-", "my store", "../x", ""])("rejects %j", (slug) =>
    expect(TENANT_SLUG_PATTERN.test(slug)).toBe(false),
  );
});
