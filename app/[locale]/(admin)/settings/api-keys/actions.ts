"use server";

import { z } from "zod";
import { addDays, storeTimeZone } from "@/components/settings/format";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import { SCOPES } from "@/lib/auth/permissions";
import type { ApiKeyWithSecret } from "@/lib/sdk";
import { startOfDayIn } from "@/lib/time";

const KeyId = z.uuid();

/** What the create dialog sends: the expiry is a calendar day in the store's time zone. */
const CreateKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1),
  expiresOn: z.iso.date().optional(),
});

const RollInput = z.object({ graceHours: z.number().int().min(0).max(168) });

/** The whole key goes to the browser once, for the copy-once dialog; nothing else of it. */
export interface IssuedKey {
  id: string;
  name: string;
  key: string;
  expiresAt: string | null;
}

function issued(key: ApiKeyWithSecret): IssuedKey {
  return { id: key.id, name: key.name, key: key.key, expiresAt: key.expiresAt };
}

const keyAction = adminAction.metadata({
  updates: "api-keys",
  notFound: { code: "API_KEY_NOT_FOUND", message: "API key not found" },
  // The API checks `expires_at`; the dialog's field is the day, `expiresOn`.
  fieldNames: { expires_at: "expiresOn" },
});
const withId = keyAction.bindArgsSchemas([Locale, KeyId]);

export const createApiKey = toResult(
  keyAction
    .inputSchema(CreateKeyInput, fieldIssues(CreateKeyInput))
    .action(async ({ parsedInput: { name, scopes, expiresOn }, ctx: { store } }) => {
      let expiresAt: string | undefined;
      if (expiresOn) {
        // The key works through the whole chosen day, where the store is.
        const { timeZone } = await store.settings.get();
        const end = startOfDayIn(addDays(expiresOn, 1), storeTimeZone(timeZone));
        expiresAt = new Date(end.getTime() - 1000).toISOString();
      }
      return issued(await store.apiKeys.create({ name, scopes, expiresAt }));
    }),
);

export const rollApiKey = toResult(
  withId
    .inputSchema(RollInput, fieldIssues(RollInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) =>
      issued(await store.apiKeys.roll(id, parsedInput)),
    ),
);

export const revokeApiKey = toResult(
  withId.action(async ({ bindArgsParsedInputs: [, id], ctx: { store } }) => {
    await store.apiKeys.revoke(id);
    return null;
  }),
);
