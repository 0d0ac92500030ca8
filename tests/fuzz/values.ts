import fc from "fast-check";

/**
 * Values a client gets wrong: wrong types, edge numbers, odd Unicode and text that is not
 * JSON at all. `raw` is spliced into the body as it is (a number JSON.stringify cannot write,
 * bytes that are not UTF-8, nesting too deep to build as an object).
 */
export type Hostile = { json: unknown } | { raw: string | Uint8Array; label: string };

const bytes = (...b: number[]) => new Uint8Array(b);

export const ODD_STRINGS = [
  "",
  " ",
  "\u202Eevil\u202C",
  "\u200F\u200Eمرحبا",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uFEFFbom",
  "e\u0301\u0301\u0301",
  "\u2028\u2029",
  "🏳️‍🌈👨‍👩‍👧",
  "𝕏𝔸",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00%ff",
  "${jndi:x}{{7*7}}",
  "\\",
  "null",
  "0",
  "-1",
  "1e309",
  "NaN",
  "2026-02-30",
  "0000-01-01T00:00:00Z",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
];

const NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  0.001,
  -0.01,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  5e-324,
];

const RAW_TEXT = [
  "1e999",
  "-1e999",
  "01",
  "1.",
  ".5",
  "+1",
  "0x10",
  "NaN",
  "Infinity",
  "tru",
  '"\\x"',
];

/** Invalid UTF-8 inside a JSON string: a lone continuation byte, overlong, a UTF-8 surrogate. */
const BAD_UTF8: [string, Uint8Array][] = [
  ["0xff", bytes(0x22, 0xff, 0x22)],
  ["lone continuation", bytes(0x22, 0x61, 0x80, 0x22)],
  ["overlong slash", bytes(0x22, 0xc0, 0xaf, 0x22)],
  ["encoded surrogate", bytes(0x22, 0xed, 0xa0, 0x80, 0x22)],
  ["truncated sequence", bytes(0x22, 0xe2, 0x82, 0x22)],
];

const deep = (depth: number, open: string, close: string) =>
  open.repeat(depth) + "1" + close.repeat(depth);

export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  fc
    .constantFrom<unknown>(null, true, false, [], {}, [null], { "": null })
    .map((json) => ({ json })),
  fc.constantFrom(...NUMBERS).map((json) => ({ json })),
  fc.integer().map((json) => ({ json })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((json) => ({ json })),
  fc.constantFrom(...ODD_STRINGS).map((json) => ({ json })),
  fc.string({ unit: "binary", maxLength: 40 }).map((json) => ({ json })),
  fc.string({ unit: "grapheme", maxLength: 40 }).map((json) => ({ json })),
  fc
    .tuple(fc.constantFrom(...ODD_STRINGS.slice(2, 12)), fc.constantFrom(1_000, 20_000, 70_000))
    .map(([s, n]) => ({ json: s.repeat(Math.ceil(n / Math.max(1, s.length))) })),
  fc.array(fc.constantFrom<unknown>(1, "a", null, {}), { maxLength: 5 }).map((json) => ({ json })),
  fc.constantFrom(10, 1_000, 5_000).map((n) => ({ json: Array.from({ length: n }, () => "x") })),
  fc.constantFrom(...RAW_TEXT).map((raw) => ({ raw, label: raw })),
  fc.constantFrom(...BAD_UTF8).map(([label, raw]) => ({ raw, label: `invalid UTF-8 (${label})` })),
  fc.tuple(fc.constantFrom(64, 1_000, 20_000), fc.boolean()).map(([n, arr]) => ({
    raw: arr ? deep(n, "[", "]") : deep(n, '{"a":', "}"),
    label: `${arr ? "array" : "object"} nested ${n} deep`,
  })),
);

/** Header values a Request can carry: printable Latin-1, no CR, LF or NUL. */
export const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

/** Path and query text: hostile strings, percent-encoded or sent as typed. */
export const urlText: fc.Arbitrary<{ text: string; encode: boolean }> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(...ODD_STRINGS),
      fc.uuid().map(String),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("a".repeat(5_000), "-1", "1e9", "99999999999999999999", "1.5", "[]", "{}"),
    )
    .map((text) => ({ text, encode: true })),
  fc
    .constantFrom("%", "%zz", "%ff", "%ED%A0%80", "%00", "%2e%2e", "..", "%2F", "a%20b", "%C0%AF")
    .map((text) => ({ text, encode: false })),
);

/** Encodes text for a URL; a lone surrogate becomes U+FFFD's bytes rather than throwing. */
export function encodeUrlText(value: { text: string; encode: boolean }): string {
  if (!value.encode) return value.text;
  const wellFormed = value.text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
  return encodeURIComponent(wellFormed);
}
