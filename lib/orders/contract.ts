import { z } from "@hono/zod-openapi";
import { IsoDate } from "@/lib/input";
import { ORDER_STATUSES, TRANSITIONS, type OrderStatus } from "./constants";
import { CustomerEmail, CustomerName, OrderNotes, Quantity } from "./fields";

export { ORDER_STATUSES, TRANSITIONS, type OrderStatus };

const Money = z
  .number()
  .openapi({ description: "Decimal, in major units of the order's currency" });

export const OrderItemSchema = z
  .object({
    id: z.uuid(),
    product_id: z.uuid().nullable(),
    sku: z.string().nullable(),
    name: z.object({ en: z.string(), ar: z.string() }),
    unit_price: Money,
    quantity: z.number().int(),
    subtotal: Money,
    tax: Money,
    total: Money,
  })
  .openapi("OrderItem");

export const OrderEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string().openapi({ example: "status_changed" }),
    from_status: z.enum(ORDER_STATUSES).nullable(),
    to_status: z.enum(ORDER_STATUSES).nullable(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    details: z.record(z.string(), z.unknown()),
    created_at: z.string(),
  })
  .openapi("OrderEvent");

export const OrderSchema = z
  .object({
    id: z.uuid(),
    number: z.string().openapi({ example: "BS-2026-000123" }),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    customer_email: z.string().nullable(),
    customer_name: z.string().nullable(),
    notes: z.string().nullable(),
    source: z.string(),
    external_id: z.string().nullable(),
    subtotal: Money,
    tax: Money,
    total: Money,
    amount_paid: Money.openapi({ description: "Captured by payments so far" }),
    amount_refunded: Money.openapi({ description: "Refunded so far" }),
    vat_rate: z.number(),
    prices_include_vat: z.boolean(),
    items: z.array(OrderItemSchema),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Order");

export const OrderWithTimeline = OrderSchema.extend({
  timeline: z.array(OrderEventSchema),
}).openapi("OrderWithTimeline");

const Decimal = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal number"),
]);

/** A line is one of our products, or a custom line (for orders mirrored from other systems). */
export const OrderLineInput = z.union([
  z.object({ product_id: z.string().min(1), quantity: Quantity }),
  z.object({
    name: z.union([
      z.string().trim().min(1).max(200),
      z.object({
        en: z.string().trim().max(200).optional(),
        ar: z.string().trim().max(200).optional(),
      }),
    ]),
    quantity: Quantity,
    price: Decimal.openapi({ description: "Unit price" }),
    sku: z.string().trim().max(64).optional(),
  }),
]);

export const OrderCreate = z
  .object({
    items: z.array(OrderLineInput).max(500).optional(),
    customer_email: CustomerEmail.optional(),
    customer_name: CustomerName.optional(),
    currency: z.string().trim().toUpperCase().length(3).optional(),
    notes: OrderNotes.optional(),
    external_id: z
      .union([z.string().trim().min(1).max(200), z.number().int().nonnegative()])
      .transform(String)
      .optional(),
    source: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_-]{1,40}$/, "letters, digits, _ and - only")
      .optional(),
    status: z
      .enum(["pending", "paid", "fulfilled", "completed"])
      .optional()
      .openapi({ description: "For orders mirrored from elsewhere; default pending" }),
    total: Decimal.optional().openapi({
      description: "Mirrored orders only: the total as the other system charged it (VAT included)",
    }),
    amount: Decimal.optional().openapi({
      description: "Same as total (the Salesforce example's name)",
    }),
  })
  .openapi("OrderCreate", {
    example: {
      items: [{ product_id: "3f0e6c0e-8a0b-4c0e-9c9e-1d2f3a4b5c6d", quantity: 1 }],
      customer_email: "customer@example.com",
    },
  });

export const OrderUpdate = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    notes: OrderNotes.nullable().optional(),
    customer_email: CustomerEmail.nullable().optional(),
    customer_name: CustomerName.nullable().optional(),
  })
  .openapi("OrderUpdate");

export const ORDER_SORTS = ["created_at", "-created_at", "total", "-total"] as const;

export const OrderListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(ORDER_STATUSES).optional(),
  source: z.string().trim().toLowerCase().max(40).optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "Order number or customer email" }),
  start_date: IsoDate.optional().meta({ description: "YYYY-MM-DD in the store's time zone" }),
  end_date: IsoDate.optional(),
  sort: z.enum(ORDER_SORTS).default("-created_at"),
});

export const OrderList = z
  .object({
    data: z.array(OrderSchema.omit({ items: true }).extend({ item_count: z.number().int() })),
    pagination: z.object({
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .openapi("OrderList");
