import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { pagedCsv } from "@/lib/csv";
import type { OrderListQuery } from "./contract";
import { listOrders } from "./service";

const COLUMNS = [
  "number",
  "created_at",
  "status",
  "customer_email",
  "customer_name",
  "customer_phone",
  "city",
  "district",
  "street",
  "building_number",
  "postal_code",
  "short_code",
  "payment_method",
  "carrier",
  "tracking_number",
  "source",
  "external_id",
  "currency",
  "discount",
  "shipping",
  "subtotal",
  "tax",
  "total",
  "item_count",
];

/**
 * The filtered orders as CSV (UTF-8 with BOM), fetched a page of 100 at a time. The first page is
 * read before this resolves, so permission, filter and database errors are an error reply.
 */
export async function exportOrdersCsv(
  ctx: ServiceContext,
  filter: Omit<z.infer<typeof OrderListQuery>, "page" | "limit">,
) {
  return pagedCsv(COLUMNS, async (page) => {
    const { data, pagination } = await listOrders(ctx, { ...filter, page, limit: 100 });
    const rows = data.map((o) => [
      o.number,
      o.created_at,
      o.status,
      o.customer_email ?? "",
      o.customer_name ?? "",
      o.customer_phone ?? "",
      o.shipping_address?.city ?? "",
      o.shipping_address?.district ?? "",
      o.shipping_address?.street ?? "",
      o.shipping_address?.building_number ?? "",
      o.shipping_address?.postal_code ?? "",
      o.shipping_address?.short_code ?? "",
      o.payment_method ?? "",
      o.carrier ?? "",
      o.tracking_number ?? "",
      o.source,
      o.external_id ?? "",
      o.currency,
      o.discount,
      o.shipping,
      o.subtotal,
      o.tax,
      o.total,
      o.item_count,
    ]);
    return { rows, pages: pagination.pages };
  });
}
