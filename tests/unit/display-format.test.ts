import { readFileSync } from "node:fs";
import path from "node:path";
import { createFormatter, createTranslator, type Messages } from "next-intl";
import { describe, expect, it } from "vitest";
import { DEFAULT_DISPLAY_PREFERENCES, withDisplayPreferences } from "@/lib/admin/format/core";

const instant = new Date("2026-03-20T09:30:00Z");
const timeZone = "Asia/Riyadh";
const formatter = (locale: "en" | "ar", preferences = DEFAULT_DISPLAY_PREFERENCES) =>
  withDisplayPreferences(createFormatter({ locale, timeZone }), preferences);
const hijriArab = { digits: "arab", calendar: "islamic-umalqura" } as const;

describe("the admin's display formatter", () => {
  it.each(["en", "ar"] as const)("%s: by default, Latin digits and the Gregorian calendar", (l) => {
    const format = formatter(l);
    expect(format.number(1234.5, { style: "currency", currency: "SAR" })).toMatch(/1,234\.50/);
    expect(format.dateTime(instant, { year: "numeric" })).toContain("2026");
  });

  it.each(["en", "ar"] as const)("%s: Arabic-Indic digits for numbers, money and dates", (l) => {
    const format = formatter(l, { digits: "arab", calendar: "gregory" });
    const money = format.number(1234.5, { style: "currency", currency: "SAR" });
    expect(money).toContain("١٬٢٣٤٫٥٠");
    expect(money).not.toMatch(/[0-9]/);
    expect(format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" })).not.toMatch(
      /[0-9]/,
    );
    expect(format.dateTime(instant, { year: "numeric" })).toContain("٢٠٢٦");
    expect(format.relativeTime(instant, new Date("2026-03-20T09:33:00Z"))).toMatch(/٣/);
  });

  it.each(["en", "ar"] as const)("%s: the Hijri (Umm al-Qura) calendar for dates", (l) => {
    const format = formatter(l, hijriArab);
    // 20 March 2026 is 1 Shawwal 1447 in Umm al-Qura.
    expect(format.dateTime(instant, { year: "numeric", timeZone })).toContain("١٤٤٧");
    expect(format.dateTime(instant, { dateStyle: "long" })).toBe(
      new Intl.DateTimeFormat(l, {
        dateStyle: "long",
        timeZone,
        calendar: "islamic-umalqura",
        numberingSystem: "arab",
      }).format(instant),
    );
  });

  it("Hijri with Latin digits is a choice of its own", () => {
    const format = formatter("en", { digits: "latn", calendar: "islamic-umalqura" });
    expect(format.dateTime(instant, { year: "numeric" })).toMatch(/1447/);
  });

  it("a caller's explicit option wins (a machine format may pin Latin digits)", () => {
    const format = formatter("ar", hijriArab);
    expect(format.number(42, { numberingSystem: "latn" })).toBe("42");
  });
});

describe("counts inside translated sentences", () => {
  const messages = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, "../../messages/ar.json"), "utf8"),
  ) as Messages;
  const translate = (digits: "latn" | "arab") =>
    createTranslator({
      locale: "ar",
      messages,
      namespace: "Analytics",
      formats: { number: { digits: { numberingSystem: digits } } },
    });

  it("follow the person's digits, with the plural form chosen by the number", () => {
    expect(translate("arab")("topProducts.unitsValue", { count: 12 })).toBe("١٢ وحدة");
    expect(translate("arab")("topProducts.unitsValue", { count: 3 })).toBe("٣ وحدات");
    expect(translate("latn")("topProducts.unitsValue", { count: 12 })).toBe("12 وحدة");
  });
});
