import { randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";
import { sha256Hex } from "@/lib/crypto";

/**
 * API key format: `bsk_live_` + 256 random bits in base62 (43 characters) + a 6-character
 * base62 CRC32 of those characters. Secret scanners recognise the prefix; a mistyped or
 * truncated key fails the checksum without a database lookup (as GitHub's tokens do).
 */
export const KEY_PREFIX = "bsk_live_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^bsk_live_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;

function base62(value: bigint, width: number): string {
  let out = "";
  for (let v = value; v > 0n; v /= 62n) out = ALPHABET[Number(v % 62n)] + out;
  return out.padStart(width, "0");
}

const checksum = (body: string) => base62(BigInt(crc32(body)), 6);

export function generateApiKey(): string {
  const body = base62(BigInt(`0x${randomBytes(32).toString("hex")}`), 43);
  return `${KEY_PREFIX}${body}${checksum(body)}`;
}

/** True when the string has our shape and its checksum matches. */
export function isWellFormedApiKey(key: string): boolean {
  const match = KEY_PATTERN.exec(key);
  if (!match) return false;
  const expected = Buffer.from(checksum(match[1]!));
  return timingSafeEqual(expected, Buffer.from(match[2]!));
}

export const looksLikeApiKey = (token: string) => token.startsWith(KEY_PREFIX);

export const hashApiKey = (key: string) => sha256Hex(key);

/** What the admin shows of a key: its prefix and last four characters. */
export function displayParts(key: string) {
  return { prefix: key.slice(0, KEY_PREFIX.length + 4), last4: key.slice(-4) };
}
