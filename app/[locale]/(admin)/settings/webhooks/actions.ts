"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fail, fromApiError, fromZodError, ok, type ActionResult } from "@/lib/action-result";
import { requireStore } from "@/lib/admin/session";
import type { WebhookAttempt } from "@/lib/sdk";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/contract";

const WEBHOOKS_PAGES = "/[locale]/(admin)/settings/webhooks";

const Id = z.uuid();

/** What the endpoint dialog sends; the API checks the URL again (https, public address). */
const EndpointInput = z.object({
  url: z.string().trim().min(1).max(2048),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  events: z.array(z.union([z.enum(WEBHOOK_EVENTS), z.literal("*")])).min(1),
});

export interface IssuedSecret {
  endpointId: string;
  url: string;
  secret: string;
  /** After a rotation: until when the previous secret signs too. */
  previousSecretExpiresAt: string | null;
}

export type TestResult = Pick<
  WebhookAttempt,
  "responseStatus" | "responseBody" | "error" | "durationMs"
> & { deliveryId: string };

/** "All events" wins over any single one; the API stores exactly what is sent. */
function normalizeEvents(events: string[]): string[] {
  return events.includes("*") ? ["*"] : [...new Set(events)];
}

export async function createEndpoint(
  locale: string,
  input: unknown,
): Promise<ActionResult<IssuedSecret>> {
  const store = await requireStore(locale);
  const parsed = EndpointInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const { url, description, enabled, events } = parsed.data;
  try {
    const endpoint = await store.webhooks.create({
      url,
      description: description || undefined,
      enabled,
      events: normalizeEvents(events) as typeof events,
    });
    revalidatePath(WEBHOOKS_PAGES, "layout");
    return ok({
      endpointId: endpoint.id,
      url: endpoint.url,
      secret: endpoint.secret,
      previousSecretExpiresAt: null,
    });
  } catch (error) {
    return fromApiError(error);
  }
}

export async function updateEndpoint(
  locale: string,
  id: string,
  input: unknown,
): Promise<ActionResult<null>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("WEBHOOK_NOT_FOUND", "Endpoint not found");
  const parsed = EndpointInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const { url, description, enabled, events } = parsed.data;
  try {
    await store.webhooks.update(id, {
      url,
      description,
      enabled,
      events: normalizeEvents(events) as typeof events,
    });
    revalidatePath(WEBHOOKS_PAGES, "layout");
    return ok(null);
  } catch (error) {
    return fromApiError(error);
  }
}

export async function deleteEndpoint(locale: string, id: string): Promise<ActionResult<null>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("WEBHOOK_NOT_FOUND", "Endpoint not found");
  try {
    await store.webhooks.delete(id);
    revalidatePath(WEBHOOKS_PAGES, "layout");
    return ok(null);
  } catch (error) {
    return fromApiError(error);
  }
}

/** Reads the signing secret again (the API audits every read). */
export async function revealSecret(
  locale: string,
  id: string,
): Promise<ActionResult<IssuedSecret>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("WEBHOOK_NOT_FOUND", "Endpoint not found");
  try {
    const [{ secret }, endpoint] = await Promise.all([
      store.webhooks.secret(id),
      store.webhooks.get(id),
    ]);
    return ok({ endpointId: id, url: endpoint.url, secret, previousSecretExpiresAt: null });
  } catch (error) {
    return fromApiError(error);
  }
}

export async function rotateSecret(
  locale: string,
  id: string,
): Promise<ActionResult<IssuedSecret>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("WEBHOOK_NOT_FOUND", "Endpoint not found");
  try {
    const { secret, previousSecretExpiresAt } = await store.webhooks.rotateSecret(id);
    const endpoint = await store.webhooks.get(id);
    revalidatePath(WEBHOOKS_PAGES, "layout");
    return ok({
      endpointId: id,
      url: endpoint.url,
      secret,
      previousSecretExpiresAt: previousSecretExpiresAt ?? endpoint.secretRotationEndsAt,
    });
  } catch (error) {
    return fromApiError(error);
  }
}

export async function sendTestEvent(locale: string, id: string): Promise<ActionResult<TestResult>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("WEBHOOK_NOT_FOUND", "Endpoint not found");
  try {
    const { deliveryId, attempt } = await store.webhooks.sendTest(id);
    revalidatePath(WEBHOOKS_PAGES, "layout");
    return ok({
      deliveryId,
      responseStatus: attempt.responseStatus,
      responseBody: attempt.responseBody,
      error: attempt.error,
      durationMs: attempt.durationMs,
    });
  } catch (error) {
    return fromApiError(error);
  }
}

export async function resendDelivery(
  locale: string,
  deliveryId: string,
): Promise<ActionResult<null>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(deliveryId).success) return fail("DELIVERY_NOT_FOUND", "Delivery not found");
  try {
    await store.webhooks.resend(deliveryId);
    revalidatePath(WEBHOOKS_PAGES, "layout");
    return ok(null);
  } catch (error) {
    return fromApiError(error);
  }
}
