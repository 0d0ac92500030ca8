import type { Role } from "@/lib/admin/next-auth";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

export { canRefund } from "@/components/orders/permissions";

/** Whether the UI offers recording a bank transfer or cash payment. The API decides regardless. */
export function canRecordPayments(role: Role): boolean {
  return ROLE_PERMISSIONS[role].includes("payments:write");
}
