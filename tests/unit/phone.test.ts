import { describe, expect, it } from "vitest";
import { normalisePhone } from "@/lib/orders/phone";
import { CustomerPhone } from "@/lib/orders/fields";

describe("normalisePhone: every way a merchant types a number, stored in E.164", () => {
  it.each([
    ["0501234567", "+966501234567"],
    ["501234567", "+966501234567"],
    ["+966501234567", "+966501234567"],
    ["+966 50 123 4567", "+966501234567"],
    ["00966 50 123 4567", "+966501234567"],
    ["966501234567", "+966501234567"],
    ["050-123-4567", "+966501234567"],
    ["(050) 123 4567", "+966501234567"],
    ["٠٥٠١٢٣٤٥٦٧", "+966501234567"],
    ["۰۵۰۱۲۳۴۵۶۷", "+966501234567"],
    ["+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧", "+966501234567"],
    ["\u200e+966 50 123 4567", "+966501234567"],
    ["0112345678", "+966112345678"],
    ["+1 202 555 0143", "+12025550143"],
    ["+971 50 123 4567", "+971501234567"],
  ])("%s -> %s", (typed, e164) => {
    expect(normalisePhone(typed)).toBe(e164);
  });

  it.each([
    "",
    "   ",
    "12345",
    "050123456",
    "+966 99 123 4567",
    "05012345678901",
    "call me",
    "0501234567 ext 2",
    "0501234567\u0000",
    "+",
    "++966501234567",
  ])("%j is not a phone number", (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });

  it("the form and API field gives E.164 or a clear message", () => {
    expect(CustomerPhone.parse("٠٥٥ ١١١ ٢٢٢٢")).toBe("+966551112222");
    const bad = CustomerPhone.safeParse("0501");
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/Not a valid phone number/);
  });
});
