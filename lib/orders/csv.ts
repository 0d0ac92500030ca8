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
  "source",
  "external_id",
  "currency",
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
      o.source,
      o.external_id ?? "",
      o.currency,
      o.subtotal,
      o.tax,
      o.total,
      o.item_count,
    ]);
    return { rows, pages: pagination.pages };
  });
}
