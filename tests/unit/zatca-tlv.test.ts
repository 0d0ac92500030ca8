import { describe, expect, it } from "vitest";
import {
  decodeZatcaQr,
  fitUtf8,
  minorToDecimal,
  tlvDecode,
  tlvEncode,
  TlvError,
  zatcaQr,
  zatcaTimestamp,
} from "@/lib/invoices/zatca";

/** "abc" -> [0x61, 0x62, 0x63]: ASCII written out by hand below needs only this. */
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe("ZATCA phase 1 TLV", () => {
  it("encodes ZATCA's own published example byte for byte", () => {
    const fields = {
      sellerName: "Bobs Records",
      vatNumber: "310122393500003",
      timestamp: "2022-04-25T15:30:00Z",
      total: "1000.00",
      vatTotal: "150.00",
    };
    // Tag, length, value: 12 + 15 + 20 + 7 + 6 value bytes and 2 bytes of header each.
    const bytes = [
      ...[1, 12, ...ascii("Bobs Records")],
      ...[2, 15, ...ascii("310122393500003")],
      ...[3, 20, ...ascii("2022-04-25T15:30:00Z")],
      ...[4, 7, ...ascii("1000.00")],
      ...[5, 6, ...ascii("150.00")],
    ];
    expect(bytes).toHaveLength(70);
    expect([...tlvEncode(fields)]).toEqual(bytes);
    // The base64 ZATCA's guideline prints for this example.
    expect(zatcaQr(fields)).toBe(
      "AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA==",
    );
    expect(decodeZatcaQr(zatcaQr(fields))).toEqual(fields);
  });

  it("counts an Arabic seller name in UTF-8 bytes, not characters", () => {
    // متجر is 4 letters: U+0645 U+062A U+062C U+0631, each two bytes in UTF-8 (110xxxxx 10xxxxxx):
    // U+0645 = 0b11001_000101 -> 0xD9 0x85; U+062A -> 0xD8 0xAA; U+062C -> 0xD8 0xAC; U+0631 -> 0xD8 0xB1.
    const fields = {
      sellerName: "متجر",
      vatNumber: "300000000000003",
      timestamp: "2026-11-29T10:15:00Z",
      total: "1150.00",
      vatTotal: "150.00",
    };
    const bytes = [
      ...[1, 8, 0xd9, 0x85, 0xd8, 0xaa, 0xd8, 0xac, 0xd8, 0xb1],
      ...[2, 15, ...ascii("300000000000003")],
      ...[3, 20, ...ascii("2026-11-29T10:15:00Z")],
      ...[4, 7, ...ascii("1150.00")],
      ...[5, 6, ...ascii("150.00")],
    ];
    expect("متجر").toHaveLength(4);
    expect([...tlvEncode(fields)]).toEqual(bytes);
    // Base64 of those 66 bytes, 3 bytes to 4 characters: 01 08 D9 -> "AQjZ", 85 D8 AA -> "hdiq", ...
    expect(zatcaQr(fields)).toBe(
      "AQjZhdiq2KzYsQIPMzAwMDAwMDAwMDAwMDAzAxQyMDI2LTExLTI5VDEwOjE1OjAwWgQHMTE1MC4wMAUGMTUwLjAw",
    );
    expect(decodeZatcaQr(zatcaQr(fields))).toEqual(fields);
  });

  it("refuses a value over 255 bytes rather than writing a wrong length byte", () => {
    const fields = {
      sellerName: "م".repeat(128), // 128 characters, 256 bytes
      vatNumber: "300000000000003",
      timestamp: "2026-11-29T10:15:00Z",
      total: "1.00",
      vatTotal: "0.13",
    };
    expect(() => tlvEncode(fields)).toThrow(TlvError);
    expect(tlvEncode({ ...fields, sellerName: "م".repeat(127) + "a" })[1]).toBe(255);
  });

  it("fits a name into 255 bytes between whole characters", () => {
    expect(new TextEncoder().encode(fitUtf8("م".repeat(200))).length).toBe(254);
    // A 4-byte emoji never splits: 63 of them are 252 bytes, the 64th would be 256.
    expect(fitUtf8("😀".repeat(100))).toBe("😀".repeat(63));
    expect(fitUtf8("Bobs Records")).toBe("Bobs Records");
  });

  it("writes the time stamp and the amounts as ZATCA's examples do", () => {
    expect(zatcaTimestamp(new Date("2026-11-29T10:15:00.123Z"))).toBe("2026-11-29T10:15:00Z");
    expect(minorToDecimal(115000, "SAR")).toBe("1150.00");
    expect(minorToDecimal(5, "SAR")).toBe("0.05");
    expect(minorToDecimal(0, "SAR")).toBe("0.00");
    expect(minorToDecimal(1001, "KWD")).toBe("1.001");
    expect(minorToDecimal(1500, "JPY")).toBe("1500");
    expect(minorToDecimal(99_999_999_999_999, "SAR")).toBe("999999999999.99");
  });

  it("rejects truncated input when decoding", () => {
    expect(() => tlvDecode(Uint8Array.from([1, 5, 0x61]))).toThrow(TlvError);
    expect(() => tlvDecode(Uint8Array.from([1]))).toThrow(TlvError);
    expect(() => decodeZatcaQr(Buffer.from([1, 1, 0x61]).toString("base64"))).toThrow(
      /tag 2 is missing/,
    );
  });
});
