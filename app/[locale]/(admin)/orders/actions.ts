"use server";

import { returnServerError } from "next-safe-action";
import { z } from "zod";
import { fail, type ActionIssue } from "@/lib/admin/action-result";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import {
  FulfilmentInput,
  NewOrderInput,
  OrderDetailsInput,
  OrderStatusInput,
  type CreateOrderResult,
  type ProductOption,
} from "@/components/orders/order-schemas";

// The orders list, an order and the catalogue (stock) change together: the "orders" tag
// refreshes them all. The API's field names come back in the forms' words (`items.0.productId`).
const ORDERS = { updates: "orders", fieldNames: "camelCase" } as const;
const orderAction = adminAction.metadata(ORDERS);
const withId = orderAction
  .metadata({ ...ORDERS, notFound: { code: "ORDER_NOT_FOUND", message: "Order not found" } })
  .bindArgsSchemas([Locale, z.uuid()]);

const ProductQuery = z.string().trim().max(200);

/** Active products matching a search (name in either language, SKU or tag), for the picker. */
export const searchProducts = toResult(
  adminAction
    .metadata({ fieldNames: "camelCase" })
    .inputSchema(ProductQuery, fieldIssues(ProductQuery))
    .action(async ({ parsedInput: q, ctx: { store } }): Promise<ProductOption[]> => {
      const { data } = await store.products.list({
        q: q || undefined,
        status: "active",
        limit: 20,
      });
      return data.map((product) => ({
        id: product.id,
        name: product.name,
        sku: product.sku,
        price: product.price,
        currency: product.currency,
        inventory: product.inventory,
        image: product.images[0] ?? null,
      }));
    }),
);

export const createOrder = toResult(
  orderAction
    .inputSchema(NewOrderInput, fieldIssues(NewOrderInput))
    .action(async ({ parsedInput, ctx: { store } }) => {
      try {
        const order = await store.orders.create(parsedInput);
        return { id: order.id, number: order.number };
      } catch (error) {
        if (error instanceof StoreApiError && error.code === "INSUFFICIENT_STOCK")
          returnServerError(await stockFailure(store, parsedInput, error));
        throw error;
      }
    }),
) as (locale: string, input: unknown) => Promise<CreateOrderResult>;

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

export const updateOrderStatus = toResult(
  withId
    .inputSchema(OrderStatusInput, fieldIssues(OrderStatusInput))
    .action(async ({ parsedInput: status, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      const order = await store.orders.update(id, { status });
      return { status: order.status };
    }),
);

/** Fulfilled, with the carrier and tracking number when the merchant gave them. */
export const fulfilOrder = toResult(
  withId
    .inputSchema(FulfilmentInput, fieldIssues(FulfilmentInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      const order = await store.orders.update(id, { status: "fulfilled", ...parsedInput });
      return { status: order.status };
    }),
);

export const updateOrderDetails = toResult(
  withId
    .inputSchema(OrderDetailsInput, fieldIssues(OrderDetailsInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      const order = await store.orders.update(id, parsedInput);
      return {
        customerEmail: order.customerEmail,
        customerName: order.customerName,
        customerPhone: order.customerPhone,
        notes: order.notes,
      };
    }),
);
