import { describe, expect, it } from "vitest";
import { normalizeSlug, RESERVED_SLUGS, slugProblem } from "@/lib/tenants/slug";
import { newSetupCode, normalizeSetupCode } from "@/lib/tenants/setup";

describe("store IDs (slugs)", () => {
  it.each(["acme", "abc", "my-shop", "shop-2", "a1b", "x".repeat(40), "a--b", "123"])(
    "accepts %s",
    (slug) => expect(slugProblem(slug)).toBeNull(),
  );

  it.each([
    ["ab", "too short"],
    ["x".repeat(41), "too long"],
    ["-acme", "leading hyphen"],
    ["acme-", "trailing hyphen"],
    ["Acme", "upper case"],
    ["my_shop", "underscore"],
    ["my shop", "space"],
    ["my.shop", "dot"],
    ["مت", "Arabic letters"],
    ["café", "accented letter"],
    ["acme\n", "newline"],
    ["", "empty"],
    ["---", "hyphens only"],
  ])("refuses %j (%s) as invalid", (slug) => expect(slugProblem(slug)).toBe("invalid"));

  it.each([
    "api",
    "admin",
    "www",
    "app",
    "apps",
    "static",
    "assets",
    "auth",
    "login",
    "signup",
    "setup",
    "help",
    "support",
    "status",
    "mail",
    "demo",
  ])("keeps %s reserved", (slug) => expect(slugProblem(slug)).toBe("reserved"));

  it("reserves only words that would otherwise be valid slugs", () => {
    for (const word of RESERVED_SLUGS) expect(/^[a-z0-9-]{3,40}$/.test(word), word).toBe(true);
  });

  it("normalizes what people type, and nothing more", () => {
    expect(normalizeSlug("  Acme ")).toBe("acme");
    expect(normalizeSlug("My Shop")).toBe("my shop");
    expect(slugProblem(normalizeSlug("My Shop"))).toBe("invalid");
  });
});

describe("setup codes", () => {
  it("are 12 unambiguous characters in three groups, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, newSetupCode));
    expect(codes.size).toBe(200);
    for (const code of codes)
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){2}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("are accepted as typed: any case, spaces or no dashes, O for 0 and I or L for 1", () => {
    expect(normalizeSetupCode("7k2m qx9p 4rtb")).toBe("7K2M-QX9P-4RTB");
    expect(normalizeSetupCode("7K2MQX9P4RTB")).toBe("7K2M-QX9P-4RTB");
    expect(normalizeSetupCode(" 7K2M-QX9P-4RTB ")).toBe("7K2M-QX9P-4RTB");
    expect(normalizeSetupCode("O1IL-0000-0000")).toBe("0111-0000-0000");
    expect(normalizeSetupCode("short")).toBe("SH0RT");
  });
});
