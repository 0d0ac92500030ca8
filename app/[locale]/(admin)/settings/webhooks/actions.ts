"use server";

import { z } from "zod";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import type { WebhookAttempt } from "@/lib/sdk";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/contract";

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

const webhookAction = adminAction.metadata({ updates: "webhooks" });
const endpointNotFound = { code: "WEBHOOK_NOT_FOUND", message: "Endpoint not found" };
const withId = webhookAction
  .metadata({ updates: "webhooks", notFound: endpointNotFound })
  .bindArgsSchemas([Locale, Id]);

export const createEndpoint = toResult(
  webhookAction
    .inputSchema(EndpointInput, fieldIssues(EndpointInput))
    .action(async ({ parsedInput: { url, description, enabled, events }, ctx: { store } }) => {
      const endpoint = await store.webhooks.create({
        url,
        description: description || undefined,
        enabled,
        events: normalizeEvents(events) as typeof events,
      });
      return {
        endpointId: endpoint.id,
        url: endpoint.url,
        secret: endpoint.secret,
        previousSecretExpiresAt: null,
      } satisfies IssuedSecret;
    }),
);

export const updateEndpoint = toResult(
  withId
    .inputSchema(EndpointInput, fieldIssues(EndpointInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      const { url, description, enabled, events } = parsedInput;
      await store.webhooks.update(id, {
        url,
        description,
        enabled,
        events: normalizeEvents(events) as typeof events,
      });
      return null;
    }),
);

export const deleteEndpoint = toResult(
  withId.action(async ({ bindArgsParsedInputs: [, id], ctx: { store } }) => {
    await store.webhooks.delete(id);
    return null;
  }),
);

/** Reads the signing secret again (the API audits every read; nothing changes on the page). */
export const revealSecret = toResult(
  adminAction
    .metadata({ notFound: endpointNotFound })
    .bindArgsSchemas([Locale, Id])
    .action(async ({ bindArgsParsedInputs: [, id], ctx: { store } }): Promise<IssuedSecret> => {
      const [{ secret }, endpoint] = await Promise.all([
        store.webhooks.secret(id),
        store.webhooks.get(id),
      ]);
      return { endpointId: id, url: endpoint.url, secret, previousSecretExpiresAt: null };
    }),
);

export const rotateSecret = toResult(
  withId.action(async ({ bindArgsParsedInputs: [, id], ctx: { store } }): Promise<IssuedSecret> => {
    const { secret, previousSecretExpiresAt } = await store.webhooks.rotateSecret(id);
    const endpoint = await store.webhooks.get(id);
    return {
      endpointId: id,
      url: endpoint.url,
      secret,
      previousSecretExpiresAt: previousSecretExpiresAt ?? endpoint.secretRotationEndsAt,
    };
  }),
);

export const sendTestEvent = toResult(
  withId.action(async ({ bindArgsParsedInputs: [, id], ctx: { store } }): Promise<TestResult> => {
    const { deliveryId, attempt } = await store.webhooks.sendTest(id);
    return {
      deliveryId,
      responseStatus: attempt.responseStatus,
      responseBody: attempt.responseBody,
      error: attempt.error,
      durationMs: attempt.durationMs,
    };
  }),
);

export const resendDelivery = toResult(
  webhookAction
    .metadata({
      updates: "webhooks",
      notFound: { code: "DELIVERY_NOT_FOUND", message: "Delivery not found" },
    })
    .bindArgsSchemas([Locale, Id])
    .action(async ({ bindArgsParsedInputs: [, deliveryId], ctx: { store } }) => {
      await store.webhooks.resend(deliveryId);
      return null;
    }),
);
