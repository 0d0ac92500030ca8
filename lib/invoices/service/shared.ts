import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { dateInZone } from "@/lib/time";
import { NUMBER_PREFIX, type InvoiceKind } from "../constants";
import { invoices, invoiceSequences } from "../schema";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const invoiceNotFound = () => new NotFoundError("Invoice not found", "INVOICE_NOT_FOUND");
export const orderNotFound = () => new NotFoundError("Order not found", "ORDER_NOT_FOUND");

/**
 * The next number of a store's series for `kind` in the year of `at` (the store's time zone).
 * The counter row stays locked until commit, and a rolled-back issue gives its number back, so
 * numbers have no gaps (a database sequence would leave one per rollback).
 */
export async function nextNumber(
  tx: Db,
  tenant: { id: string; timeZone: string },
  kind: InvoiceKind,
  at: Date,
) {
  const year = Number(dateInZone(at, tenant.timeZone).slice(0, 4));
  const [row] = await tx
    .insert(invoiceSequences)
    .values({ tenantId: tenant.id, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [invoiceSequences.tenantId, invoiceSequences.kind, invoiceSequences.year],
      set: { last: sql`${invoiceSequences.last} + 1` },
    })
    .returning({ last: invoiceSequences.last });
  const seq = row!.last;
  return { year, seq, number: `${NUMBER_PREFIX[kind]}-${year}-${String(seq).padStart(6, "0")}` };
}

/** The order's invoice (not its credit notes), if it has one. */
export async function invoiceOfOrder(db: Db, tenantId: string, orderId: string) {
  const [row] = await db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.tenantId, tenantId),
        eq(invoices.orderId, orderId),
        eq(invoices.kind, "invoice"),
      ),
    );
  return row;
}
