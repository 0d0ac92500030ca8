/**
 * Every event the store records: its resource and the permission that reads it (null: any
 * caller; store settings are readable by every signed-in member and key). Plain constants that
 * import nothing, so client code and lib/webhooks use them without Drizzle and without a cycle.
 */
export const EVENT_CATALOGUE = {
  "payment.completed": { resource: "payment", permission: "payments:read" },
  "payment.failed": { resource: "payment", permission: "payments:read" },
  "payment.refunded": { resource: "payment", permission: "payments:read" },
  "order.created": { resource: "order", permission: "orders:read" },
  "order.updated": { resource: "order", permission: "orders:read" },
  "invoice.issued": { resource: "invoice", permission: "invoices:read" },
  "credit_note.issued": { resource: "credit_note", permission: "invoices:read" },
  "product.created": { resource: "product", permission: "products:read" },
  "product.updated": { resource: "product", permission: "products:read" },
  "product.deleted": { resource: "product", permission: "products:read" },
  "user.created": { resource: "user", permission: "team:manage" },
  "tenant.updated": { resource: "tenant", permission: null },
  "app.installed": { resource: "app", permission: "apps:read" },
  "app.uninstalled": { resource: "app", permission: "apps:read" },
  "webhook.endpoint_disabled": { resource: "webhook_endpoint", permission: "webhooks:read" },
} as const satisfies Record<string, { resource: string; permission: string | null }>;

export type EventName = keyof typeof EVENT_CATALOGUE;

/** The event names in catalogue order (the order webhook endpoints and pickers list them). */
export const EVENTS = Object.keys(EVENT_CATALOGUE) as [EventName, ...EventName[]];

/** The permissions the catalogue names; passing `can` from lib/auth/permissions type-checks them. */
export type EventPermission = NonNullable<(typeof EVENT_CATALOGUE)[EventName]["permission"]>;

/** The events a caller may read, given what the caller can do. */
export function readableEvents(can: (permission: EventPermission) => boolean): EventName[] {
  return EVENTS.filter((e) => {
    const permission: EventPermission | null = EVENT_CATALOGUE[e].permission;
    return permission === null || can(permission);
  });
}
