import { describe, expect, it } from "vitest";
import { storeCreateSchema } from "@/components/stores/store-create-schema";

const valid = {
  nameEn: "Acme",
  nameAr: "أكمي",
  slug: "acme",
  currency: "sar",
  timezone: "Asia/Riyadh",
  vatRate: "15",
  pricesIncludeVat: true,
  vatNumber: "",
  ownerName: "Huda",
  email: "huda@acme.example",
  password: "long-enough-1",
  setupCode: "ABCD-EFGH-JKLM",
};

describe("the setup and sign-up form's schema", () => {
  it("accepts a complete setup and normalizes what people type", () => {
    const parsed = storeCreateSchema("setup").parse({ ...valid, slug: "  Acme-Shop " });
    expect(parsed.slug).toBe("acme-shop");
    expect(parsed.currency).toBe("SAR");
    expect(parsed.vatRate).toBe(15);
  });

  it.each([
    ["15", 15],
    ["0", 0],
    ["12.5", 12.5],
    ["١٥", 15],
    ["١٢٫٥", 12.5],
    ["12,75", 12.75],
    ["۱۵", 15],
  ])("reads the VAT rate %s as %d", (vatRate, expected) => {
    expect(storeCreateSchema("setup").parse({ ...valid, vatRate }).vatRate).toBe(expected);
  });

  it.each(["", "101", "15.555", "-1", "abc", "1e2"])("refuses the VAT rate %j", (vatRate) => {
    expect(storeCreateSchema("setup").safeParse({ ...valid, vatRate }).success).toBe(false);
  });

  it.each([
    ["ab", "invalid"],
    ["-acme", "invalid"],
    ["acme-", "invalid"],
    ["ac me", "invalid"],
    ["a".repeat(41), "invalid"],
    ["admin", "reserved"],
    ["demo", "reserved"],
  ])("refuses the store ID %j (%s)", (slug, reason) => {
    const result = storeCreateSchema("setup").safeParse({ ...valid, slug });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === "slug");
    expect(issue && "params" in issue ? issue.params : undefined).toEqual({ reason });
  });

  it("needs the setup code for setup, but not for sign-up, which has no VAT or time zone", () => {
    expect(storeCreateSchema("setup").safeParse({ ...valid, setupCode: " " }).success).toBe(false);
    const signup = { ...valid, setupCode: undefined, vatRate: undefined, timezone: undefined };
    expect(storeCreateSchema("signup").safeParse(signup).success).toBe(true);
  });

  it.each([
    ["password", "short"],
    ["email", "not-an-email"],
    ["nameAr", "   "],
    ["ownerName", "x".repeat(101)],
    ["vatNumber", "30000000000000<"],
  ])("refuses %s = %j", (field, value) => {
    expect(storeCreateSchema("setup").safeParse({ ...valid, [field]: value }).success).toBe(false);
  });

  it("holds a SAR store's VAT number to ZATCA's form, typed in either digits", () => {
    const schema = storeCreateSchema("setup", { vatNumberZatca: "zatca" } as never);
    const arabic = schema.parse({ ...valid, vatNumber: "٣٠٠٠٠٠٠٠٠٠٠٠٠٠٣" });
    expect(arabic.vatNumber).toBe("300000000000003");
    const short = schema.safeParse({ ...valid, vatNumber: "3000000003" });
    expect(short.error?.issues).toMatchObject([{ path: ["vatNumber"], message: "zatca" }]);
    expect(schema.safeParse({ ...valid, currency: "EUR", vatNumber: "DE-1" }).success).toBe(true);
  });
});
