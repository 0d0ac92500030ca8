/** Plain constants (no zod) for the contract, the service and client components alike. */
export const INVOICE_KINDS = ["invoice", "credit_note"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const CREDIT_REASONS = ["refund", "cancellation"] as const;
export type CreditReason = (typeof CREDIT_REASONS)[number];

/** Number prefixes: INV-2026-000001, CN-2026-000001. */
export const NUMBER_PREFIX: Record<InvoiceKind, string> = { invoice: "INV", credit_note: "CN" };

/** Orders that can be invoiced by hand: paid, and nothing refunded yet. */
export const INVOICEABLE_STATUSES = ["paid", "fulfilled", "completed"] as const;

/** The customer link's token: "bsi_" + the invoice id and a MAC, base64url. */
export const INVOICE_TOKEN = /^bsi_[A-Za-z0-9_-]{43}$/;
