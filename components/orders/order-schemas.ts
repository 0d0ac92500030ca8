import { z } from "zod";
import type { ActionResult } from "@/lib/admin/action-result";
import { ORDER_STATUSES } from "@/lib/orders/constants";
import {
  Carrier,
  CustomerEmail,
  CustomerName,
  CustomerPhone,
  OrderNotes,
  PaymentMethodField,
  Quantity,
  ShippingAddress,
  TrackingNumber,
} from "@/lib/orders/fields";
import { decimalText } from "@/lib/text/digits";

/**
 * The admin's order forms, built from the API's own field schemas (lib/orders/fields.ts, which
 * the contract uses too) so a form says what the API would say. The contract is snake_case on the wire; the SDK and these
 * forms speak camelCase.
 */
export const NewOrderLine = z.object({
  productId: z.uuid(),
  quantity: Quantity,
});

/** The API's address, in the forms' (and the SDK's) camelCase. */
const Address = ShippingAddress.shape;
export const NewOrderAddress = z.object({
  city: Address.city,
  district: Address.district,
  street: Address.street,
  buildingNumber: Address.building_number,
  postalCode: Address.postal_code,
  shortCode: Address.short_code,
});

/** An amount as typed ("١٢٫٥٠" too); the API checks the currency's decimals. */
const Amount = z
  .string()
  .transform(decimalText)
  .pipe(z.string().regex(/^\d{1,15}(\.\d{1,3})?$/));

export const NewOrderInput = z.object({
  items: z.array(NewOrderLine).min(1).max(500),
  customerEmail: CustomerEmail.optional(),
  customerName: CustomerName.optional(),
  customerPhone: CustomerPhone.optional(),
  shippingAddress: NewOrderAddress.optional(),
  paymentMethod: PaymentMethodField.optional(),
  discount: Amount.optional(),
  shipping: Amount.optional(),
  notes: OrderNotes.optional(),
});
export type NewOrderInput = z.output<typeof NewOrderInput>;

export const OrderDetailsInput = z.object({
  customerEmail: CustomerEmail.nullable().optional(),
  customerName: CustomerName.nullable().optional(),
  customerPhone: CustomerPhone.nullable().optional(),
  notes: OrderNotes.nullable().optional(),
});
export type OrderDetailsInput = z.output<typeof OrderDetailsInput>;

export const OrderStatusInput = z.enum(ORDER_STATUSES);

/** Fulfilling an order: the carrier and tracking number, both optional. */
export const FulfilmentInput = z.object({
  carrier: Carrier.optional(),
  trackingNumber: TrackingNumber.optional(),
});
export type FulfilmentInput = z.output<typeof FulfilmentInput>;

/** An API field name (`items.0.product_id`) in the forms' words (`items.0.productId`). */
export function formFieldName(apiField: string): string {
  return apiField.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A product as the order form's picker shows it. */
export interface ProductOption {
  id: string;
  name: { en: string; ar: string };
  sku: string | null;
  price: number;
  currency: string;
  inventory: number;
  image: string | null;
}

/** Creating an order; a refusal for lack of stock also says what is left of each product. */
export type CreateOrderResult =
  | ActionResult<{ id: string; number: string }>
  | (Extract<ActionResult<never>, { ok: false }> & { stock: Record<string, number> });
