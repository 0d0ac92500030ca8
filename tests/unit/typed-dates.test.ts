import { describe, expect, it } from "vitest";
import { datePartOrder, parseTypedDate, typedDateText } from "@/lib/text/dates";

describe("dates typed in the page's language", () => {
  const en = datePartOrder("en");
  const ar = datePartOrder("ar");

  it("follows the order each language writes a short date in", () => {
    expect(en).toEqual(["month", "day", "year"]);
    expect(ar).toEqual(["day", "month", "year"]);
  });

  it("reads Arabic-Indic and Persian digits, Intl's own marks and any separator", () => {
    expect(parseTypedDate("٢٩/١١/٢٠٢٦", ar)).toEqual({ ok: true, iso: "2026-11-29" });
    expect(parseTypedDate("۲۹-۱۱-۲۰۲۶", ar)).toEqual({ ok: true, iso: "2026-11-29" });
    // What Intl writes for ar (with right-to-left marks), pasted back.
    const written = new Intl.DateTimeFormat("ar", { timeZone: "UTC" }).format(Date.UTC(2026, 0, 5));
    expect(parseTypedDate(written, ar)).toEqual({ ok: true, iso: "2026-01-05" });
    expect(parseTypedDate("1.5.2026", ar)).toEqual({ ok: true, iso: "2026-05-01" });
    expect(parseTypedDate("1/5/2026", en)).toEqual({ ok: true, iso: "2026-01-05" });
  });

  it("always understands an ISO date, whatever the language", () => {
    expect(parseTypedDate("2026-02-03", ar)).toEqual({ ok: true, iso: "2026-02-03" });
    expect(parseTypedDate("2026-02-03", en)).toEqual({ ok: true, iso: "2026-02-03" });
  });

  it("refuses what is not a day of the calendar", () => {
    expect(parseTypedDate("31/02/2026", ar)).toEqual({ ok: false, reason: "date" });
    expect(parseTypedDate("29/02/2025", ar)).toEqual({ ok: false, reason: "date" });
    expect(parseTypedDate("29/02/2024", ar)).toEqual({ ok: true, iso: "2024-02-29" });
    expect(parseTypedDate("01/01/0000", ar)).toEqual({ ok: false, reason: "date" });
    expect(parseTypedDate("13/13/2026", ar)).toEqual({ ok: false, reason: "date" });
  });

  it("asks for a four-digit year and three numbers", () => {
    for (const text of [
      "29/11/26",
      "29/11",
      "tomorrow",
      "29/11/2026/1",
      "٢٩/نوفمبر/٢٠٢٦",
      "\u0000",
    ]) {
      expect(parseTypedDate(text, ar)).toEqual({ ok: false, reason: "format" });
    }
  });

  it("writes a date back in the page's order", () => {
    expect(typedDateText("2026-01-05", ar)).toBe("05/01/2026");
    expect(typedDateText("2026-01-05", en)).toBe("01/05/2026");
    expect(typedDateText("0001-12-31", ar)).toBe("31/12/0001");
  });
});
