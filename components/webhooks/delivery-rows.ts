import type { WebhookAttempt, WebhookDelivery } from "@/lib/sdk";
import type { DeliveryStatus } from "./events";

/** An instant with its text already formatted by the server, so the browser shows the same. */
export interface When {
  iso: string;
  text: string;
}

export interface DeliveryRow {
  id: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  created: When;
  nextAttempt: When | null;
}

export interface DeliveryPage {
  rows: DeliveryRow[];
  pagination: { page: number; limit: number; total: number; pages: number };
}

export interface AttemptView {
  id: string;
  number: number;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
  created: When;
}

export interface DeliveryDetailView extends DeliveryRow {
  eventId: string;
  /** The exact body sent, pretty-printed for reading. */
  body: string;
  attemptLog: AttemptView[];
}

/** The options every delivery date is shown with (pass them with the store's time zone). */
export const DELIVERY_DATE_STYLE = { dateStyle: "medium", timeStyle: "medium" } as const;

/** Shapes SDK results for the client; `formatDate` formats in the store's time zone. */
export function deliveryFormatter(formatDate: (date: Date) => string) {
  const when = (iso: string | null): When | null =>
    iso ? { iso, text: formatDate(new Date(iso)) } : null;

  const row = (d: Omit<WebhookDelivery, "body" | "attemptLog">): DeliveryRow => ({
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    created: when(d.createdAt)!,
    nextAttempt: d.status === "pending" ? when(d.nextAttemptAt) : null,
  });

  const attempt = (a: WebhookAttempt): AttemptView => ({
    id: a.id,
    number: a.number,
    requestHeaders: a.requestHeaders,
    responseStatus: a.responseStatus,
    responseBody: a.responseBody,
    error: a.error,
    durationMs: a.durationMs,
    created: when(a.createdAt)!,
  });

  const detail = (d: WebhookDelivery): DeliveryDetailView => ({
    ...row(d),
    eventId: d.eventId,
    body: prettyJson(d.body),
    attemptLog: [...d.attemptLog].sort((a, b) => b.number - a.number).map(attempt),
  });

  return { when, row, attempt, detail };
}

export function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
