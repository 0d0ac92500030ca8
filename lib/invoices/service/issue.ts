import { and, asc, eq, sum } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { orderItems, orders } from "@/lib/orders/schema";
import { orderAmounts, splitGross, sumAmounts, type LineAmounts } from "@/lib/orders/totals";
import { tenants } from "@/lib/tenants/schema";
import { INVOICEABLE_STATUSES, type CreditReason, type InvoiceKind } from "../constants";
import { invoices, type InvoiceLine, type SellerSnapshot } from "../schema";
import { fitUtf8, minorToDecimal, zatcaQr, zatcaTimestamp } from "../zatca";
import type { InvoiceLinks } from "./links";
import { presentInvoice, presentPublic, type InvoiceRow } from "./present";
import { invoiceOfOrder, nextNumber, orderNotFound, UUID } from "./shared";

type OrderRow = typeof orders.$inferSelect;

async function lockOrder(tx: Db, ctx: ServiceContext, orderId: string): Promise<OrderRow> {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, orderId)))
    .for("update");
  if (!order) throw orderNotFound();
  return order;
}

/** Writes one document: the next number of its series, the seller as the settings are now, the QR. */
async function insertDocument(
  tx: Db,
  ctx: ServiceContext,
  order: OrderRow,
  doc: {
    kind: InvoiceKind;
    lines: InvoiceLine[];
    subtotal: number;
    tax: number;
    total: number;
    invoice?: InvoiceRow;
    reason?: CreditReason;
  },
): Promise<InvoiceRow> {
  // Read in the transaction, not from the 5-second cache: a VAT number just saved must print.
  const [store] = await tx.select().from(tenants).where(eq(tenants.id, ctx.tenant.id));
  const issuedAt = ctx.now();
  const { year, seq, number } = await nextNumber(tx, store!, doc.kind, issuedAt);
  const seller: SellerSnapshot = {
    name: { en: store!.nameEn, ar: store!.nameAr },
    vat_number: store!.vatNumber,
    logo_url: store!.logoUrl,
    time_zone: store!.timeZone,
  };
  const qr = zatcaQr({
    sellerName: fitUtf8(store!.nameAr || store!.nameEn),
    vatNumber: store!.vatNumber ?? "",
    timestamp: zatcaTimestamp(issuedAt),
    total: minorToDecimal(doc.total, order.currency),
    vatTotal: minorToDecimal(doc.tax, order.currency),
  });
  const [row] = await tx
    .insert(invoices)
    .values({
      tenantId: ctx.tenant.id,
      orderId: order.id,
      kind: doc.kind,
      number,
      year,
      seq,
      invoiceId: doc.invoice?.id ?? null,
      invoiceNumber: doc.invoice?.number ?? null,
      reason: doc.reason ?? null,
      orderNumber: order.number,
      issuedAt,
      currency: order.currency,
      seller,
      buyer: { name: order.customerName, email: order.customerEmail },
      lines: doc.lines,
      subtotalMinor: doc.subtotal,
      taxMinor: doc.tax,
      totalMinor: doc.total,
      vatRateBp: order.vatRateBp,
      pricesIncludeVat: order.pricesIncludeVat,
      qr,
      createdAt: issuedAt,
    })
    .returning();
  await recordEvent(
    tx,
    ctx,
    doc.kind === "invoice" ? "invoice.issued" : "credit_note.issued",
    presentPublic(row!),
  );
  return row!;
}

const DISCOUNT_LINE = { en: "Discount", ar: "خصم" };
const SHIPPING_LINE = { en: "Shipping", ar: "الشحن" };

/**
 * The order's discount (a negative line) and shipping fee as lines of the invoice, split as the
 * order split them (lib/orders/totals.ts orderAmounts), so the lines add up to the order's totals.
 */
function adjustmentLines(order: OrderRow, items: InvoiceLine[]): InvoiceLine[] {
  if (!order.discountMinor && !order.shippingMinor) return [];
  const goods = sumAmounts(
    items.map((l) => ({ subtotal: l.subtotal_minor, tax: l.tax_minor, total: l.total_minor })),
  );
  const { discount, shipping } = orderAmounts(
    goods,
    order.discountMinor,
    order.shippingMinor,
    order.vatRateBp,
    order.pricesIncludeVat,
  );
  const line = (name: InvoiceLine["name"], a: LineAmounts, sign: 1 | -1): InvoiceLine => {
    const signed = (v: number) => sign * v || 0; // never -0
    return {
      sku: null,
      name,
      quantity: 1,
      unit_price_minor: signed(order.pricesIncludeVat ? a.total : a.subtotal),
      subtotal_minor: signed(a.subtotal),
      tax_minor: signed(a.tax),
      total_minor: signed(a.total),
    };
  };
  return [
    ...(order.discountMinor ? [line(DISCOUNT_LINE, discount, -1)] : []),
    ...(order.shippingMinor ? [line(SHIPPING_LINE, shipping, 1)] : []),
  ];
}

/**
 * The order's invoice, issued now unless it has one: its lines and totals exactly as the order
 * stored them. Runs in the caller's transaction (the payment or status change that made the
 * order paid); the order row is locked first, so two callers cannot both issue one.
 */
export async function issueInvoiceInTx(
  tx: Db,
  ctx: ServiceContext,
  orderId: string,
): Promise<{ row: InvoiceRow; created: boolean }> {
  const order = await lockOrder(tx, ctx, orderId);
  const existing = await invoiceOfOrder(tx, ctx.tenant.id, orderId);
  if (existing) return { row: existing, created: false };
  const items = await tx
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.tenantId, ctx.tenant.id), eq(orderItems.orderId, orderId)))
    .orderBy(asc(orderItems.position));
  const lines: InvoiceLine[] = items.map((i) => ({
    sku: i.sku,
    name: { en: i.nameEn, ar: i.nameAr },
    quantity: i.quantity,
    unit_price_minor: i.unitPriceMinor,
    subtotal_minor: i.subtotalMinor,
    tax_minor: i.taxMinor,
    total_minor: i.totalMinor,
  }));
  lines.push(...adjustmentLines(order, lines));
  const row = await insertDocument(tx, ctx, order, {
    kind: "invoice",
    lines,
    subtotal: order.subtotalMinor,
    tax: order.taxMinor,
    total: order.totalMinor,
  });
  return { row, created: true };
}

const REFUND_LINE = { en: "Refund", ar: "استرداد" };
const CANCELLATION_LINE = { en: "Cancellation", ar: "إلغاء" };

/**
 * A credit note against the order's invoice for `amountMinor` (null: all that is not credited
 * yet), capped at what is left. None when the order has no invoice or nothing is left. The whole
 * invoice at once reverses its lines; a part is one line whose VAT is extracted at the invoice's
 * rate (splitGross: rounded half up, like a line), kept within the VAT not yet credited; the note
 * that completes the invoice takes exactly the VAT left, so the notes add up to the invoice.
 */
export async function creditNoteInTx(
  tx: Db,
  ctx: ServiceContext,
  orderId: string,
  amountMinor: number | null,
  reason: CreditReason,
): Promise<InvoiceRow | null> {
  const order = await lockOrder(tx, ctx, orderId);
  const invoice = await invoiceOfOrder(tx, ctx.tenant.id, orderId);
  if (!invoice) return null;
  const [credited] = await tx
    .select({ total: sum(invoices.totalMinor), tax: sum(invoices.taxMinor) })
    .from(invoices)
    .where(and(eq(invoices.tenantId, ctx.tenant.id), eq(invoices.invoiceId, invoice.id)));
  const leftTotal = invoice.totalMinor - Number(credited?.total ?? 0);
  const leftTax = invoice.taxMinor - Number(credited?.tax ?? 0);
  const amount = Math.min(amountMinor ?? leftTotal, leftTotal);
  if (amount <= 0) return null;
  if (amount === invoice.totalMinor) {
    return insertDocument(tx, ctx, order, {
      kind: "credit_note",
      lines: invoice.lines,
      subtotal: invoice.subtotalMinor,
      tax: invoice.taxMinor,
      total: invoice.totalMinor,
      invoice,
      reason,
    });
  }
  const tax =
    amount === leftTotal
      ? leftTax
      : Math.min(
          leftTax,
          Math.max(splitGross(amount, invoice.vatRateBp).tax, leftTax - (leftTotal - amount)),
        );
  return insertDocument(tx, ctx, order, {
    kind: "credit_note",
    lines: [
      {
        sku: null,
        name: reason === "refund" ? REFUND_LINE : CANCELLATION_LINE,
        quantity: 1,
        unit_price_minor: invoice.pricesIncludeVat ? amount : amount - tax,
        subtotal_minor: amount - tax,
        tax_minor: tax,
        total_minor: amount,
      },
    ],
    subtotal: amount - tax,
    tax,
    total: amount,
    invoice,
    reason,
  });
}

/**
 * `POST /store/orders/{id}/invoices`: the order's invoice, issued now if it has none (201) or
 * the one it has (200). Only a paid order with nothing refunded can be invoiced (409
 * ORDER_NOT_INVOICEABLE): anything else has money moving that an invoice would misstate.
 */
export async function issueInvoice(ctx: ServiceContext, links: InvoiceLinks, orderId: string) {
  authorize(ctx.actor, "orders:write");
  if (!UUID.test(orderId)) throw orderNotFound();
  const { row, created } = await ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, ctx, orderId);
    const existing = await invoiceOfOrder(tx, ctx.tenant.id, orderId);
    if (existing) return { row: existing, created: false };
    if (
      !(INVOICEABLE_STATUSES as readonly string[]).includes(order.status) ||
      order.refundedMinor > 0
    ) {
      throw new ConflictError(
        `An order that is ${order.status.replace("_", " ")} cannot be invoiced; only paid orders with nothing refunded`,
        "ORDER_NOT_INVOICEABLE",
      );
    }
    const issued = await issueInvoiceInTx(tx, ctx, orderId);
    await recordAudit(tx, ctx, {
      action: "invoice.issued",
      resourceType: "invoice",
      resourceId: issued.row.id,
      metadata: { number: issued.row.number, order_id: orderId },
    });
    return issued;
  });
  return { invoice: presentInvoice(row, links), created };
}
