import Papa from "papaparse";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
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

/** The filtered orders as CSV (UTF-8 with BOM), fetched a page of 100 at a time. */
export function exportOrdersCsv(
  ctx: ServiceContext,
  filter: Omit<z.infer<typeof OrderListQuery>, "page" | "limit">,
) {
  const encoder = new TextEncoder();
  let page = 1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
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
      const csv = Papa.unparse(
        { fields: page === 1 ? COLUMNS : [], data: rows },
        { header: page === 1, newline: "\r\n" },
      );
      if (page === 1)
        controller.enqueue(encoder.encode("\uFEFF" + (csv || COLUMNS.join(",")) + "\r\n"));
      else if (csv) controller.enqueue(encoder.encode(csv + "\r\n"));
      if (page >= pagination.pages) controller.close();
      page++;
    },
  });
}
