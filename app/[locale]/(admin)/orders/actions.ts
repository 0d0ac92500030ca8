"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  fail,
  fromApiError,
  fromZodError,
  ok,
  type ActionIssue,
  type ActionResult,
} from "@/lib/action-result";
import { requireStore } from "@/lib/admin/session";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import {
  formFieldName,
  NewOrderInput,
  OrderDetailsInput,
  OrderStatusInput,
  type CreateOrderResult,
  type ProductOption,
} from "@/components/orders/order-schemas";

// The admin layout: the orders list, an order and the catalogue (stock) all change together, and
// all are dynamic, so invalidating it refreshes the current page and drops stale cached ones.
const ADMIN_LAYOUT = "/[locale]/(admin)";

const OrderId = z.uuid();
const ProductQuery = z.string().trim().max(200);

/** API failures, with field names in the forms' words (`items.0.productId`). */
function orderFailure(error: unknown) {
  const result = fromApiError(error);
  const fieldErrors: Record<string, ActionIssue> = {};
  for (const [field, issue] of Object.entries(result.fieldErrors))
    fieldErrors[formFieldName(field)] = issue;
  return { ...result, fieldErrors };
}

function invalidId(): ActionResult<never> {
  return fail("ORDER_NOT_FOUND", "Order not found");
}

/** Active products matching a search (name in either language, SKU or tag), for the picker. */
export async function searchProducts(
  locale: string,
  query: string,
): Promise<ActionResult<ProductOption[]>> {
  const store = await requireStore(locale);
  const parsed = ProductQuery.safeParse(query);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const { data } = await store.products.list({
      q: parsed.data || undefined,
      status: "active",
      limit: 20,
    });
    return ok(
      data.map((product) => ({
        id: product.id,
        name: product.name,
        sku: product.sku,
        price: product.price,
        currency: product.currency,
        inventory: product.inventory,
        image: product.images[0] ?? null,
      })),
    );
  } catch (error) {
    return orderFailure(error);
  }
}

export async function createOrder(locale: string, input: unknown): Promise<CreateOrderResult> {
  const store = await requireStore(locale);
  const parsed = NewOrderInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const order = await store.orders.create(parsed.data);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok({ id: order.id, number: order.number });
  } catch (error) {
    if (error instanceof StoreApiError && error.code === "INSUFFICIENT_STOCK")
      return stockFailure(store, parsed.data, error);
    return orderFailure(error);
  }
}

/**
 * The API names one product in English prose; the form needs every short line. Stock is read
 * again now, so the numbers shown are the current ones (they can still move before a retry).
 */
async function stockFailure(store: BrainSAITStore, input: NewOrderInput, error: StoreApiError) {
  const ids = [...new Set(input.items.map((item) => item.productId))];
  const stock: Record<string, number> = {};
  await Promise.all(
    ids.map(async (id) => {
      try {
        stock[id] = (await store.products.get(id)).inventory;
      } catch {
        // Gone since the form loaded: the retry will say so line by line.
      }
    }),
  );
  const wanted = new Map<string, number>();
  for (const item of input.items)
    wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.quantity);
  const fieldErrors: Record<string, ActionIssue> = {};
  input.items.forEach((item, index) => {
    const available = stock[item.productId];
    if (available !== undefined && (wanted.get(item.productId) ?? 0) > available)
      fieldErrors[`items.${index}.quantity`] = {
        code: "insufficient_stock",
        message: `Only ${available} in stock`,
      };
  });
  return { ...fail(error.code, error.detail, fieldErrors), stock };
}

export async function updateOrderStatus(
  locale: string,
  id: string,
  status: unknown,
): Promise<ActionResult<{ status: z.infer<typeof OrderStatusInput> }>> {
  const store = await requireStore(locale);
  if (!OrderId.safeParse(id).success) return invalidId();
  const parsed = OrderStatusInput.safeParse(status);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const order = await store.orders.update(id, { status: parsed.data });
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok({ status: order.status });
  } catch (error) {
    return orderFailure(error);
  }
}

export async function updateOrderDetails(
  locale: string,
  id: string,
  input: unknown,
): Promise<ActionResult<OrderDetailsInput>> {
  const store = await requireStore(locale);
  if (!OrderId.safeParse(id).success) return invalidId();
  const parsed = OrderDetailsInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const order = await store.orders.update(id, parsed.data);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok({
      customerEmail: order.customerEmail,
      customerName: order.customerName,
      notes: order.notes,
    });
  } catch (error) {
    return orderFailure(error);
  }
}
