import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/permissions";
import { orders } from "@/lib/orders/schema";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { InvoiceListQuery } from "../contract";
import { invoices } from "../schema";
import { invoiceIdFromToken, type InvoiceLinks } from "./links";
import { presentInvoice, presentPublic } from "./present";
import { invoiceNotFound, orderNotFound, UUID } from "./shared";

/** One document of the store (invoice or credit note), with its customer link. */
export async function getInvoice(ctx: ServiceContext, links: InvoiceLinks, id: string) {
  authorize(ctx.actor, "invoices:read");
  if (!UUID.test(id)) throw invoiceNotFound();
  const [row] = await ctx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, ctx.tenant.id), eq(invoices.id, id)));
  if (!row) throw invoiceNotFound();
  return presentInvoice(row, links);
}

/** The order's invoice and credit notes, oldest first; 404 for an order the store has not. */
export async function orderInvoices(ctx: ServiceContext, links: InvoiceLinks, orderId: string) {
  authorize(ctx.actor, "invoices:read");
  if (!UUID.test(orderId)) throw orderNotFound();
  const [order] = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, orderId)));
  if (!order) throw orderNotFound();
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, ctx.tenant.id), eq(invoices.orderId, orderId)))
    // The invoice before its credit notes, even when issued in the same instant.
    .orderBy(asc(invoices.issuedAt), sql`${invoices.kind} = 'credit_note'`, asc(invoices.seq));
  return { data: rows.map((r) => presentInvoice(r, links)) };
}

/**
 * `q`: a whole number (INV-, CN- or the order's BS-), or digits, which find that number of
 * either series in any year. Every branch uses an index.
 */
function searchCondition(raw: string): SQL | undefined {
  const q = raw.trim().toUpperCase();
  if (/^(INV|CN)-\d{4}-\d{1,9}$/.test(q)) return eq(invoices.number, q);
  if (/^BS-\d{4}-\d{1,9}$/.test(q)) return eq(invoices.orderNumber, q);
  if (/^\d{1,9}$/.test(q)) return eq(invoices.seq, Number(q));
  // Anything else matches nothing rather than scanning.
  return eq(invoices.number, q);
}

/** One page of the store's invoices and credit notes, newest first unless asked otherwise. */
export async function listInvoices(ctx: ServiceContext, query: z.infer<typeof InvoiceListQuery>) {
  authorize(ctx.actor, "invoices:read");
  const conditions: (SQL | undefined)[] = [eq(invoices.tenantId, ctx.tenant.id)];
  if (query.kind) conditions.push(eq(invoices.kind, query.kind));
  if (query.q) conditions.push(searchCondition(query.q));
  if (query.start_date)
    conditions.push(gte(invoices.issuedAt, startOfDayIn(query.start_date, ctx.tenant.timeZone)));
  if (query.end_date)
    conditions.push(lt(invoices.issuedAt, endOfDayIn(query.end_date, ctx.tenant.timeZone)));
  const where = and(...conditions);
  const order =
    query.sort === "issued_at"
      ? [asc(invoices.issuedAt), asc(invoices.id)]
      : [desc(invoices.issuedAt), desc(invoices.id)];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(invoices)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    ctx.db.select({ n: count() }).from(invoices).where(where),
  ]);
  const n = total?.n ?? 0;
  return {
    data: rows.map((r) => {
      const { lines: _l, qr_fields: _f, ...rest } = presentPublic(r);
      return rest;
    }),
    pagination: {
      page: query.page,
      limit: query.limit,
      total: n,
      pages: Math.ceil(n / query.limit),
    },
  };
}

/**
 * The customer's link: no store header and no sign-in; the token is the credential and names
 * the document (and so its store). A bad or forged token is 404 like an unknown one.
 */
export async function publicInvoice(db: Db, key: Buffer, token: string) {
  const id = invoiceIdFromToken(key, token);
  if (!id) throw invoiceNotFound();
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  if (!row) throw invoiceNotFound();
  return presentPublic(row);
}
