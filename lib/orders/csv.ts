import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { BOM, csvLines, csvStream } from "@/lib/csv";
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
  let page = 1;
  const read = async () => {
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
    return { rows, last: page >= pagination.pages };
  };
  const first = await read();
  let done = first.last;
  return csvStream(BOM + csvLines(first.rows, COLUMNS), async () => {
    if (done) return null;
    page++;
    const next = await read();
    done = next.last;
    return csvLines(next.rows);
  });
}
