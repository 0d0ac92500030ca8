"use server";

import { revalidatePath } from "next/cache";
import {
  fail,
  fromApiError,
  fromZodError,
  ok,
  type ActionIssue,
  type ActionResult,
} from "@/lib/action-result";
import { requireStore } from "@/lib/admin/session";
import type { StoreSettings } from "@/lib/sdk";
import { StoreSettingsUpdate } from "@/lib/tenants/contract";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/components/settings/logo-limits";

// The shell's top bar and the home page show the store's settings: refresh the whole admin.
const ADMIN_LAYOUT = "/[locale]/(admin)";

/** Saves the changed settings. The form speaks the API's field names, so errors map 1:1. */
export async function updateStoreSettings(
  locale: string,
  input: unknown,
): Promise<ActionResult<StoreSettings>> {
  const store = await requireStore(locale);
  const parsed = StoreSettingsUpdate.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const data = parsed.data;
  try {
    const settings = await store.settings.update({
      name: data.name,
      currency: data.currency,
      vatRate: data.vat_rate,
      pricesIncludeVat: data.prices_include_vat,
      vatNumber: data.vat_number,
      timeZone: data.time_zone,
      defaultLocale: data.default_locale,
    });
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok(settings);
  } catch (error) {
    return fromApiError(error);
  }
}

/** Replaces the logo with an uploaded image (a `file` field); checked here and by the API. */
export async function uploadStoreLogo(
  locale: string,
  formData: FormData,
): Promise<ActionResult<{ logoUrl: string | null }>> {
  const store = await requireStore(locale);
  const file = formData.get("file");
  const fileError = (issue: ActionIssue) => fail(issue.code, issue.message, { file: issue });
  if (!(file instanceof File) || file.size === 0)
    return fileError({ code: "required", message: "Choose an image" });
  if (file.size > LOGO_MAX_BYTES)
    return fileError({ code: "too_large", message: "Images can be at most 5 MB" });
  if (!(LOGO_TYPES as readonly string[]).includes(file.type))
    return fileError({
      code: "unsupported_type",
      message: "Upload a PNG, JPEG, WebP or GIF image",
    });
  try {
    const settings = await store.settings.uploadLogo(file, file.name);
    revalidatePath(ADMIN_LAYOUT, "layout");
    return ok({ logoUrl: settings.logoUrl });
  } catch (error) {
    return fromApiError(error);
  }
}
