import type { OrderStatus } from "@/lib/orders/contract";

/**
 * Where the money stands, read from the order's status until payments have their own records:
 * nothing taken yet, taken, given back (in part or in full), or never taken (cancelled).
 */
export type PaymentState = "unpaid" | "paid" | "partially_refunded" | "refunded" | "void";

export function paymentState(status: OrderStatus): PaymentState {
  switch (status) {
    case "pending":
      return "unpaid";
    case "paid":
    case "fulfilled":
    case "completed":
      return "paid";
    case "partially_refunded":
      return "partially_refunded";
    case "refunded":
      return "refunded";
    case "cancelled":
      return "void";
  }
}
