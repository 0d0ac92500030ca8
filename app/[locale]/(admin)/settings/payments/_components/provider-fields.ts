import { z } from "zod";

/**
 * The shapes the Store API accepts for provider keys (lib/payments/contract.ts), checked in the
 * browser too so a mistyped key is named at its field. Empty means "keep the saved value".
 */
export const KEY_PATTERNS = {
  secretKey: /^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/,
  publishableKey: /^pk_(test|live)_[A-Za-z0-9_]{8,}$/,
  webhookSecret: /^whsec_[A-Za-z0-9+/=_]{8,}$/,
  clientId: /^[A-Za-z0-9_-]{8,}$/,
  clientSecret: /^[A-Za-z0-9_-]{8,}$/,
  webhookId: /^[A-Za-z0-9_-]{4,}$/,
} as const;

export type KeyField = keyof typeof KEY_PATTERNS;

/** A write-only key field: empty, or a value of the provider's shape. */
export function keyField(field: KeyField, message: string) {
  return z
    .string()
    .trim()
    .max(500, message)
    .refine((value) => value === "" || KEY_PATTERNS[field].test(value), message);
}
