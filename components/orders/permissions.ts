import type { Role } from "@/lib/admin/next-auth";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { TRANSITIONS, type OrderStatus } from "@/lib/orders/constants";
import { REFUND_STATUSES } from "./status-rules";

/** Whether the UI offers creating and changing orders. It only hides controls; the API decides. */
export function canWriteOrders(role: Role): boolean {
  return ROLE_PERMISSIONS[role].includes("orders:write");
}

export function canRefund(role: Role): boolean {
  return ROLE_PERMISSIONS[role].includes("payments:refund");
}

/** The statuses this role may move an order to next, in the lifecycle's order. */
export function nextStatuses(status: OrderStatus, role: Role): OrderStatus[] {
  if (!canWriteOrders(role)) return [];
  return TRANSITIONS[status].filter((next) => !REFUND_STATUSES.includes(next) || canRefund(role));
}
