import type { Role } from "@/lib/admin/next-auth";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

/** Whether the UI offers changes to products. It only hides controls; the API decides. */
export function canWriteProducts(role: Role): boolean {
  return ROLE_PERMISSIONS[role].includes("products:write");
}
