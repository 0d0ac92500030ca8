import type { z } from "@hono/zod-openapi";
import { toMajor } from "@/lib/money";
import type { InvoiceSchema, PublicInvoiceSchema } from "../contract";
import type { CreditReason } from "../constants";
import type { invoices } from "../schema";
import { decodeZatcaQr } from "../zatca";
import { customerUrl, type InvoiceLinks } from "./links";

export type InvoiceRow = typeof invoices.$inferSelect;
export type PublicInvoice = z.infer<typeof PublicInvoiceSchema>;
export type Invoice = z.infer<typeof InvoiceSchema>;

/** The document as the API shows it: major units, snake_case, the QR payload and its fields. */
export function presentPublic(r: InvoiceRow): PublicInvoice {
  const m = (minor: number) => toMajor(minor, r.currency);
  const qr = decodeZatcaQr(r.qr);
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    order_id: r.orderId,
    order_number: r.orderNumber,
    invoice_id: r.invoiceId,
    invoice_number: r.invoiceNumber,
    reason: r.reason as CreditReason | null,
    issued_at: r.issuedAt.toISOString(),
    currency: r.currency,
    seller: r.seller,
    buyer: r.buyer,
    lines: r.lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unit_price: m(l.unit_price_minor),
      subtotal: m(l.subtotal_minor),
      tax: m(l.tax_minor),
      total: m(l.total_minor),
    })),
    subtotal: m(r.subtotalMinor),
    tax: m(r.taxMinor),
    total: m(r.totalMinor),
    vat_rate: r.vatRateBp / 100,
    prices_include_vat: r.pricesIncludeVat,
    qr: r.qr,
    qr_fields: {
      seller_name: qr.sellerName,
      vat_number: qr.vatNumber,
      timestamp: qr.timestamp,
      total: qr.total,
      vat_total: qr.vatTotal,
    },
  };
}

/** For staff and keys: the document with the customer's link. */
export function presentInvoice(r: InvoiceRow, links: InvoiceLinks): Invoice {
  return { ...presentPublic(r), customer_url: customerUrl(links, r.id) };
}
