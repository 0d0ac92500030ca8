import { z } from "zod";

/**
 * The order rules the admin's browser code needs, in plain zod: lib/orders/contract.ts builds the
 * wire shapes from these, and client components import this file, so `@hono/zod-openapi` stays
 * out of the browser bundle (docs/architecture.md, "Layers").
 */
export const ORDER_STATUSES = [
  "pending",
  "paid",
  "fulfilled",
  "completed",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The lifecycle: every other transition is refused with 409. */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ["paid", "cancelled"],
  paid: ["fulfilled", "refunded", "partially_refunded"],
  fulfilled: ["completed", "refunded", "partially_refunded"],
  completed: ["refunded", "partially_refunded"],
  partially_refunded: ["refunded"],
  cancelled: [],
  refunded: [],
};

export const Quantity = z.number().int().min(1).max(100_000);
export const CustomerEmail = z.email().max(320);
export const CustomerName = z.string().trim().max(200);
export const OrderNotes = z.string().trim().max(5000);
