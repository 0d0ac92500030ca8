import { z } from "zod";
import type { ActionResult } from "@/lib/admin/action-result";
import { ORDER_STATUSES } from "@/lib/orders/constants";
import { CustomerEmail, CustomerName, OrderNotes, Quantity } from "@/lib/orders/fields";

/**
 * The admin's order forms, built from the API's own field schemas (lib/orders/fields.ts, which
 * the contract uses too) so a form says what the API would say. The contract is snake_case on the wire; the SDK and these
 * forms speak camelCase.
 */
export const NewOrderLine = z.object({
  productId: z.uuid(),
  quantity: Quantity,
});

export const NewOrderInput = z.object({
  items: z.array(NewOrderLine).min(1).max(500),
  customerEmail: CustomerEmail.optional(),
  customerName: CustomerName.optional(),
  notes: OrderNotes.optional(),
});
export type NewOrderInput = z.output<typeof NewOrderInput>;

export const OrderDetailsInput = z.object({
  customerEmail: CustomerEmail.nullable().optional(),
  customerName: CustomerName.nullable().optional(),
  notes: OrderNotes.nullable().optional(),
});
export type OrderDetailsInput = z.output<typeof OrderDetailsInput>;

export const OrderStatusInput = z.enum(ORDER_STATUSES);

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
