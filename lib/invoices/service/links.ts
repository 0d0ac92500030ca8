import { createHmac, timingSafeEqual } from "node:crypto";
import { INVOICE_TOKEN } from "../constants";

/**
 * The customer's link (docs/decisions/0016-tax-invoices.md): "bsi_" + base64url of the invoice
 * id's 16 bytes and the first 16 bytes of its HMAC-SHA256 under a key derived from AUTH_SECRET.
 * Nothing is stored: an invoice is issued inside a payment, where no one could be shown a
 * once-only token, and its row never changes, so the link is derived whenever staff ask for it.
 */
export interface InvoiceLinks {
  key: Buffer;
  publicUrl: string;
}

const mac = (key: Buffer, id: Buffer) =>
  createHmac("sha256", key).update(id).digest().subarray(0, 16);
const idBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");

export function invoiceToken(key: Buffer, invoiceId: string): string {
  const id = idBytes(invoiceId);
  return `bsi_${Buffer.concat([id, mac(key, id)]).toString("base64url")}`;
}

export function customerUrl(links: InvoiceLinks, invoiceId: string): string {
  return `${links.publicUrl.replace(/\/$/, "")}/invoice/${invoiceToken(links.key, invoiceId)}`;
}

/** The invoice id a token names, or null when the token is malformed or its MAC is wrong. */
export function invoiceIdFromToken(key: Buffer, token: string): string | null {
  if (!INVOICE_TOKEN.test(token)) return null;
  const raw = Buffer.from(token.slice(4), "base64url");
  if (raw.length !== 32) return null;
  const id = raw.subarray(0, 16);
  if (!timingSafeEqual(raw.subarray(16), mac(key, id))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
