import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { pagedCsv } from "@/lib/csv";
import type { PaymentListQuery } from "./contract";
import { listPayments } from "./service";

const COLUMNS = [
  "id",
  "created_at",
  "provider",
  "method",
  "status",
  "currency",
  "amount",
  "amount_captured",
  "amount_refunded",
  "order_number",
  "provider_id",
  "provider_charge_id",
  "reference",
  "completed_at",
];

/** The filtered payments as CSV (UTF-8 with BOM), a page of 100 at a time. */
export async function exportPaymentsCsv(
  ctx: ServiceContext,
  filter: Omit<z.infer<typeof PaymentListQuery>, "page" | "limit">,
) {
  return pagedCsv(COLUMNS, async (page) => {
    const { data, pagination } = await listPayments(ctx, { ...filter, page, limit: 100 });
    const rows = data.map((p) => [
      p.id,
      p.created_at,
      p.provider,
      p.method ?? "",
      p.status,
      p.currency,
      p.amount,
      p.amount_captured,
      p.amount_refunded,
      p.order_number ?? "",
      p.provider_id ?? "",
      p.provider_charge_id ?? "",
      p.reference ?? "",
      p.completed_at ?? "",
    ]);
    return { rows, pages: pagination.pages };
  });
}
