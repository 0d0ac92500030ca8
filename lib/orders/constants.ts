/**
 * The order lifecycle as plain constants (no zod), for the contract, the service and client
 * components alike: a list page that only names statuses ships no validation library.
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
