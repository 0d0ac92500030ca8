import type { OrderStatus } from "@/lib/orders/contract";

/** Statuses that give money back; only roles with payments:refund may choose them. */
export const REFUND_STATUSES: readonly OrderStatus[] = ["refunded", "partially_refunded"];

/** Moves that cannot be taken back (stock returned, money refunded) ask first. */
export function needsConfirmation(status: OrderStatus): boolean {
  return status === "cancelled" || REFUND_STATUSES.includes(status);
}
