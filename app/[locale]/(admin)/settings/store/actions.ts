"use server";

import { adminAction, fieldIssues, toResult } from "@/lib/admin/safe-action";
import { ImageForm, imageFile } from "@/lib/admin/image-upload";
import { StoreSettingsUpdate } from "@/lib/tenants/contract";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/components/settings/logo-limits";

// The shell's top bar and the home page show the store's settings: refresh the whole admin.
const storeAction = adminAction.metadata({ updates: "store" });

/** Saves the changed settings. The form speaks the API's field names, so errors map 1:1. */
export const updateStoreSettings = toResult(
  storeAction
    .inputSchema(StoreSettingsUpdate, fieldIssues(StoreSettingsUpdate))
    .action(({ parsedInput: data, ctx: { store } }) =>
      store.settings.update({
        name: data.name,
        currency: data.currency,
        vatRate: data.vat_rate,
        pricesIncludeVat: data.prices_include_vat,
        vatNumber: data.vat_number,
        timeZone: data.time_zone,
        defaultLocale: data.default_locale,
      }),
    ),
);

/** Replaces the logo with an uploaded image (a `file` field); checked here and by the API. */
export const uploadStoreLogo = toResult(
  storeAction
    .inputSchema(ImageForm, fieldIssues(ImageForm))
    .action(async ({ parsedInput, ctx: { store } }) => {
      const file = imageFile(parsedInput, LOGO_MAX_BYTES, LOGO_TYPES);
      const settings = await store.settings.uploadLogo(file, file.name);
      return { logoUrl: settings.logoUrl };
    }),
);
