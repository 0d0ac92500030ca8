import { currencyExponent } from "@/lib/money";

/**
 * The QR code of ZATCA's first phase (docs/invoices.md): five TLV fields, each a tag byte, a
 * length byte (the value's UTF-8 byte count, not its character count) and the value's bytes,
 * the whole base64-encoded. Pure functions; the decoder is for tests and the API's `qr_fields`.
 */
export const ZATCA_TAGS = {
  sellerName: 1,
  vatNumber: 2,
  timestamp: 3,
  total: 4,
  vatTotal: 5,
} as const;

export type ZatcaFields = Record<keyof typeof ZATCA_TAGS, string>;

/** One length byte: a value is at most 255 bytes. */
export const TLV_MAX_BYTES = 255;

export class TlvError extends Error {}

const utf8 = new TextEncoder();

/** Tag, length, value for each field in tag order. Throws TlvError on a value over 255 bytes. */
export function tlvEncode(fields: ZatcaFields): Uint8Array {
  const parts: number[] = [];
  for (const [name, tag] of Object.entries(ZATCA_TAGS) as [keyof ZatcaFields, number][]) {
    const value = utf8.encode(fields[name]);
    if (value.length > TLV_MAX_BYTES)
      throw new TlvError(`ZATCA tag ${tag} (${name}) is ${value.length} bytes; at most 255`);
    parts.push(tag, value.length, ...value);
  }
  return Uint8Array.from(parts);
}

/** The QR code's text: the TLV bytes in base64. */
export function zatcaQr(fields: ZatcaFields): string {
  return Buffer.from(tlvEncode(fields)).toString("base64");
}

/** Tag-value pairs in the order they appear; throws TlvError on truncated input. */
export function tlvDecode(bytes: Uint8Array): { tag: number; value: string }[] {
  const out: { tag: number; value: string }[] = [];
  const text = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length;) {
    const tag = bytes[i]!;
    const length = bytes[i + 1];
    if (length === undefined || i + 2 + length > bytes.length)
      throw new TlvError(`TLV truncated at byte ${i}`);
    out.push({ tag, value: text.decode(bytes.subarray(i + 2, i + 2 + length)) });
    i += 2 + length;
  }
  return out;
}

/** The five fields back from a QR code's base64 text. */
export function decodeZatcaQr(base64: string): ZatcaFields {
  const byTag = new Map(
    tlvDecode(Uint8Array.from(Buffer.from(base64, "base64"))).map((f) => [f.tag, f.value]),
  );
  const field = (tag: number) => {
    const value = byTag.get(tag);
    if (value === undefined) throw new TlvError(`ZATCA tag ${tag} is missing`);
    return value;
  };
  return {
    sellerName: field(1),
    vatNumber: field(2),
    timestamp: field(3),
    total: field(4),
    vatTotal: field(5),
  };
}

/**
 * The longest start of `text` within `maxBytes` of UTF-8, cut between code points. The seller's
 * name is at most 100 characters (store settings), which fits unless it is mostly emoji or
 * 3-byte scripts; an invoice issued inside a payment must not fail for that.
 */
export function fitUtf8(text: string, maxBytes = TLV_MAX_BYTES): string {
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const n = utf8.encode(ch).length;
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

/** ISO 8601 in UTC to the second, as ZATCA's examples write it: 2026-11-29T10:15:00Z. */
export function zatcaTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Minor units as a plain decimal with the currency's decimals: 115000 SAR -> "1150.00". */
export function minorToDecimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
