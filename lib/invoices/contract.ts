import { z } from "@hono/zod-openapi";
import { IsoDate } from "@/lib/input";
import { CREDIT_REASONS, INVOICE_KINDS, type CreditReason, type InvoiceKind } from "./constants";

export { CREDIT_REASONS, INVOICE_KINDS, type CreditReason, type InvoiceKind };

const Money = z
  .number()
  .openapi({ description: "Decimal, in major units of the invoice's currency" });

const Names = z.object({ en: z.string(), ar: z.string() });

export const InvoiceLineSchema = z
  .object({
    sku: z.string().nullable(),
    name: Names,
    quantity: z.number().int(),
    unit_price: Money,
    subtotal: Money,
    tax: Money,
    total: Money,
  })
  .openapi("InvoiceLine");

export const ZatcaFieldsSchema = z
  .object({
    seller_name: z.string(),
    vat_number: z.string(),
    timestamp: z.string().openapi({ example: "2026-11-29T10:15:00Z" }),
    total: z.string().openapi({ example: "1150.00" }),
    vat_total: z.string().openapi({ example: "150.00" }),
  })
  .openapi("ZatcaQrFields", { description: "The five fields of `qr`, decoded (tags 1 to 5)" });

export const InvoiceSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(INVOICE_KINDS),
    number: z.string().openapi({ example: "INV-2026-000001" }),
    order_id: z.uuid(),
    order_number: z.string(),
    invoice_id: z
      .uuid()
      .nullable()
      .openapi({ description: "A credit note's invoice; null on an invoice" }),
    invoice_number: z.string().nullable(),
    reason: z.enum(CREDIT_REASONS).nullable(),
    issued_at: z.string(),
    currency: z.string(),
    seller: z.object({
      name: Names,
      vat_number: z.string().nullable(),
      logo_url: z.string().nullable(),
      time_zone: z.string().openapi({ example: "Asia/Riyadh" }),
    }),
    buyer: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
    lines: z.array(InvoiceLineSchema),
    subtotal: Money,
    tax: Money,
    total: Money,
    vat_rate: z.number().openapi({ description: "Percent" }),
    prices_include_vat: z.boolean(),
    qr: z.string().openapi({ description: "ZATCA phase 1 QR payload: base64 of the TLV bytes" }),
    qr_fields: ZatcaFieldsSchema,
    customer_url: z.string().openapi({
      description: "The customer's link to this document (no sign-in; the token is the credential)",
    }),
  })
  .openapi("Invoice");

/** What the customer's link shows: the document, without the link itself. */
export const PublicInvoiceSchema = InvoiceSchema.omit({ customer_url: true }).openapi(
  "PublicInvoice",
);

export const OrderInvoices = z
  .object({ data: z.array(InvoiceSchema) })
  .openapi("OrderInvoices", { description: "The order's invoice and credit notes, oldest first" });

export const INVOICE_SORTS = ["issued_at", "-issued_at"] as const;

export const InvoiceListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.enum(INVOICE_KINDS).optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "An invoice, credit note or order number, or the digits of one" }),
  start_date: IsoDate.optional().meta({ description: "YYYY-MM-DD in the store's time zone" }),
  end_date: IsoDate.optional(),
  sort: z.enum(INVOICE_SORTS).default("-issued_at"),
});

export const InvoiceList = z
  .object({
    data: z.array(InvoiceSchema.omit({ lines: true, qr_fields: true, customer_url: true })),
    pagination: z.object({
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .openapi("InvoiceList");

export const InvoiceTokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: "token", in: "path" } }),
});
