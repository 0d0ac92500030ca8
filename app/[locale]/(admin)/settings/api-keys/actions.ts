"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addDays, storeTimeZone } from "@/components/settings/format";
import { fail, fromApiError, fromZodError, ok, type ActionResult } from "@/lib/action-result";
import { SCOPES } from "@/lib/auth/permissions";
import { requireStore } from "@/lib/admin/session";
import type { ApiKeyWithSecret } from "@/lib/sdk";
import { startOfDayIn } from "@/lib/time";

const SETTINGS_LAYOUT = "/[locale]/(admin)/settings";

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

export async function createApiKey(
  locale: string,
  input: unknown,
): Promise<ActionResult<IssuedKey>> {
  const store = await requireStore(locale);
  const parsed = CreateKeyInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const { name, scopes, expiresOn } = parsed.data;
  try {
    let expiresAt: string | undefined;
    if (expiresOn) {
      // The key works through the whole chosen day, where the store is.
      const { timeZone } = await store.settings.get();
      const end = startOfDayIn(addDays(expiresOn, 1), storeTimeZone(timeZone));
      expiresAt = new Date(end.getTime() - 1000).toISOString();
    }
    const key = await store.apiKeys.create({ name, scopes, expiresAt });
    revalidatePath(SETTINGS_LAYOUT, "layout");
    return ok(issued(key));
  } catch (error) {
    const result = fromApiError(error);
    if (result.fieldErrors.expires_at) result.fieldErrors.expiresOn = result.fieldErrors.expires_at;
    return result;
  }
}

export async function rollApiKey(
  locale: string,
  id: string,
  input: unknown,
): Promise<ActionResult<IssuedKey>> {
  const store = await requireStore(locale);
  if (!KeyId.safeParse(id).success) return fail("API_KEY_NOT_FOUND", "API key not found");
  const parsed = RollInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const key = await store.apiKeys.roll(id, parsed.data);
    revalidatePath(SETTINGS_LAYOUT, "layout");
    return ok(issued(key));
  } catch (error) {
    return fromApiError(error);
  }
}

export async function revokeApiKey(locale: string, id: string): Promise<ActionResult<null>> {
  const store = await requireStore(locale);
  if (!KeyId.safeParse(id).success) return fail("API_KEY_NOT_FOUND", "API key not found");
  try {
    await store.apiKeys.revoke(id);
    revalidatePath(SETTINGS_LAYOUT, "layout");
    return ok(null);
  } catch (error) {
    return fromApiError(error);
  }
}
