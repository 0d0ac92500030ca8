import { z } from "@hono/zod-openapi";
import { IsoDate } from "@/lib/input";
import { ORDER_STATUSES, TRANSITIONS, type OrderStatus } from "./constants";
import {
  Carrier,
  CustomerEmail,
  CustomerName,
  CustomerPhone,
  OrderNotes,
  PAYMENT_METHODS,
  PaymentMethodField,
  Quantity,
  ShippingAddress,
  TrackingNumber,
} from "./fields";

export { ORDER_STATUSES, PAYMENT_METHODS, TRANSITIONS, type OrderStatus };

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

export const AddressSchema = z
  .object({
    city: z.string(),
    district: z.string().nullable(),
    street: z.string().nullable(),
    building_number: z.string().nullable(),
    postal_code: z.string().nullable(),
    short_code: z
      .string()
      .nullable()
      .openapi({ description: "Saudi national address short code, e.g. RRRD2929" }),
  })
  .openapi("ShippingAddress");

export const OrderSchema = z
  .object({
    id: z.uuid(),
    number: z.string().openapi({ example: "BS-2026-000123" }),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    customer_email: z.string().nullable(),
    customer_name: z.string().nullable(),
    customer_phone: z
      .string()
      .nullable()
      .openapi({ description: "E.164", example: "+966501234567" }),
    shipping_address: AddressSchema.nullable(),
    payment_method: z.enum(PAYMENT_METHODS).nullable(),
    carrier: z.string().nullable(),
    tracking_number: z.string().nullable(),
    notes: z.string().nullable(),
    source: z.string(),
    external_id: z.string().nullable(),
    discount: Money.openapi({
      description:
        "Taken off the goods, as the store prices (VAT included when prices_include_vat)",
    }),
    shipping: Money.openapi({
      description: "Shipping fee, as the store prices (VAT included when prices_include_vat)",
    }),
    subtotal: Money.openapi({ description: "Total without VAT (goods - discount + shipping)" }),
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
    customer_phone: CustomerPhone.optional().openapi({
      description:
        "Any usual form (0501234567, +966 50 123 4567, Arabic-Indic digits); without a country code it is Saudi. Stored in E.164",
    }),
    shipping_address: ShippingAddress.optional(),
    payment_method: PaymentMethodField.optional(),
    discount: Decimal.optional().openapi({
      description: "Taken off the goods (at most their price), as the store prices",
    }),
    shipping: Decimal.optional().openapi({
      description: "Shipping fee, taxed at the store's VAT rate, as the store prices",
    }),
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
      customer_phone: "0501234567",
      shipping_address: { city: "Riyadh", district: "Al Olaya", postal_code: "12211" },
      payment_method: "cash_on_delivery",
      shipping: 25,
    },
  });

export const OrderUpdate = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    notes: OrderNotes.nullable().optional(),
    customer_email: CustomerEmail.nullable().optional(),
    customer_name: CustomerName.nullable().optional(),
    customer_phone: CustomerPhone.nullable().optional(),
    shipping_address: ShippingAddress.nullable().optional(),
    payment_method: PaymentMethodField.nullable().optional(),
    carrier: Carrier.nullable().optional().openapi({
      description: "With status fulfilled, or on a fulfilled or completed order",
    }),
    tracking_number: TrackingNumber.nullable().optional().openapi({
      description: "With status fulfilled, or on a fulfilled or completed order",
    }),
  })
  .openapi("OrderUpdate");

export const ORDER_SORTS = ["created_at", "-created_at", "total", "-total"] as const;

export const OrderListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(ORDER_STATUSES).optional(),
  source: z.string().trim().toLowerCase().max(40).optional(),
  q: z.string().trim().max(200).optional().openapi({
    description:
      "Order number, customer phone (any usual form), the start of the email, or part of the name",
  }),
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
