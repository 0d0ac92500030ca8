import { EVENTS as WEBHOOK_EVENTS } from "@/lib/events/catalogue";

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The event picker's groups, in the order the form shows them. */
export const EVENT_GROUPS = [
  { key: "orders", events: ["order.created", "order.updated"] },
  { key: "invoices", events: ["invoice.issued", "credit_note.issued"] },
  { key: "products", events: ["product.created", "product.updated", "product.deleted"] },
  { key: "payments", events: ["payment.completed", "payment.failed", "payment.refunded"] },
  { key: "team", events: ["user.created"] },
  { key: "store", events: ["tenant.updated"] },
  { key: "apps", events: ["app.installed", "app.uninstalled"] },
  { key: "webhooks", events: ["webhook.endpoint_disabled"] },
] as const satisfies readonly { key: string; events: readonly WebhookEventName[] }[];

export type EventGroupKey = (typeof EVENT_GROUPS)[number]["key"];

/** Message keys cannot hold dots (next-intl reads them as nesting): `order.created` -> `order_created`. */
export function eventKey(event: string): string {
  return event.replace(/\./g, "_");
}

/** Every event the log filter offers: the subscribable ones plus the test event. */
export const LOG_EVENTS = [...WEBHOOK_EVENTS, "webhook.test"] as const;

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export { WEBHOOK_EVENTS };
