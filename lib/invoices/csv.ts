import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { pagedCsv } from "@/lib/csv";
import type { InvoiceListQuery } from "./contract";
import { listInvoices } from "./service";

const COLUMNS = [
  "number",
  "kind",
  "issued_at",
  "order_number",
  "invoice_number",
  "reason",
  "buyer_name",
  "buyer_email",
  "currency",
  "subtotal",
  "tax",
  "total",
  "vat_rate",
  "seller_vat_number",
];

/**
 * The filtered invoices and credit notes as CSV (UTF-8 with BOM), for the accountant. Amounts
 * are as printed, positive on both kinds; `kind` says which reduce the sales.
 */
export async function exportInvoicesCsv(
  ctx: ServiceContext,
  filter: Omit<z.infer<typeof InvoiceListQuery>, "page" | "limit">,
) {
  return pagedCsv(COLUMNS, async (page) => {
    const { data, pagination } = await listInvoices(ctx, { ...filter, page, limit: 100 });
    const rows = data.map((i) => [
      i.number,
      i.kind,
      i.issued_at,
      i.order_number,
      i.invoice_number ?? "",
      i.reason ?? "",
      i.buyer.name ?? "",
      i.buyer.email ?? "",
      i.currency,
      i.subtotal,
      i.tax,
      i.total,
      i.vat_rate,
      i.seller.vat_number ?? "",
    ]);
    return { rows, pages: pagination.pages };
  });
}
