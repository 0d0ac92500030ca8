import { describe, expect, it } from "vitest";
import { quantityOf } from "@/components/orders/new-order-form/form-values";
import { normalizeVatNumber, vatNumberProblem } from "@/lib/tenants/vat-number";
import { decimalText, latinDigits } from "@/lib/text/digits";
import { foldForSearch } from "@/lib/text/search";

describe("digits typed on Arabic and Persian keyboards", () => {
  it("read as Latin digits, the rest of the text untouched", () => {
    expect(latinDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(latinDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(latinDigits("BS-٢٠٢٦-٠٠٠١٢٣ قهوة")).toBe("BS-2026-000123 قهوة");
  });

  it("make decimals the API reads: the Arabic decimal sign and comma as a point, no thousands sign", () => {
    expect(decimalText(" ١٢٫٥٠ ")).toBe("12.50");
    expect(decimalText("١٬٢٣٤٫٥")).toBe("1234.5");
    expect(decimalText("۴۹،۹")).toBe("49.9");
    expect(decimalText("49.90")).toBe("49.90");
  });

  it("count as a quantity when whole", () => {
    expect(quantityOf("٣")).toBe(3);
    expect(quantityOf(" 12 ")).toBe(12);
    expect(quantityOf("١٫٥")).toBeNaN();
    expect(quantityOf("")).toBeNaN();
  });

  it("fold for search, so ٦ finds 6 and ٢٥٠ finds 250", () => {
    expect(foldForSearch("مصباح ٦")).toBe(foldForSearch("مصباح 6"));
    expect(foldForSearch("عسل ۲۵۰ غرام")).toBe("عسل 250 غرام");
  });
});

describe("a store's VAT number", () => {
  it("in SAR is ZATCA's: 15 digits, the first and the last a 3", () => {
    expect(vatNumberProblem("300000000000003", "SAR")).toBeNull();
    expect(vatNumberProblem("310122393500003", "sar")).toBeNull();
    for (const wrong of [
      "30000000000003",
      "3000000000000033",
      "100000000000003",
      "300000000000001",
      "3OOOOOOOOOOOOO3",
    ])
      expect([wrong, vatNumberProblem(wrong, "SAR")]).toEqual([wrong, "vat_number_zatca"]);
  });

  it("elsewhere keeps its country's form", () => {
    expect(vatNumberProblem("DE-123456789", "EUR")).toBeNull();
    expect(vatNumberProblem("100123456700003", "AED")).toBeNull();
  });

  it("is stored with Latin digits, and none when left empty", () => {
    expect(normalizeVatNumber(" ٣٠٠٠٠٠٠٠٠٠٠٠٠٠٣ ")).toBe("300000000000003");
    expect(vatNumberProblem(normalizeVatNumber("٣٠٠٠٠٠٠٠٠٠٠٠٠٠٣"), "SAR")).toBeNull();
    expect(normalizeVatNumber("  ")).toBeNull();
    expect(normalizeVatNumber(undefined)).toBeUndefined();
  });
});
