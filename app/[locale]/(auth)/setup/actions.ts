"use server";

import { headers } from "next/headers";
import { fail, fromApiError, fromZodError, ok, type ActionResult } from "@/lib/action-result";
import { adminClientIp } from "@/lib/client-ip";
import { BrainSAITStore, type SetupInput, type SignupInput } from "@/lib/sdk";
import { normalizeSlug, slugProblem } from "@/lib/tenants/slug";
import {
  storeCreateSchema,
  type StoreCreateMode,
  type StoreCreateParsed,
} from "@/components/stores/store-create-schema";

export type SlugAvailability = {
  available: boolean;
  reason: "invalid" | "reserved" | "taken" | null;
};

/**
 * The Store API without a store: setup, sign-up and the slug check are public. The end user's
 * address goes along for the API's per-address throttling (lib/client-ip.ts).
 */
async function publicStore(): Promise<BrainSAITStore> {
  const forwardedFor = adminClientIp((await headers()).get("x-forwarded-for"));
  // Creating a store twice would fail the second time: never retry automatically.
  return new BrainSAITStore({ tenantId: "", forwardedFor, maxRetries: 0 });
}

/** Checked as the visitor types (debounced in the form); the API has the last word on submit. */
export async function checkSlug(input: unknown): Promise<SlugAvailability | null> {
  if (typeof input !== "string" || input.length > 100) return null;
  const slug = normalizeSlug(input);
  const problem = slugProblem(slug);
  if (problem) return { available: false, reason: problem };
  try {
    const result = await (await publicStore()).stores.slugAvailability(slug);
    return { available: result.available, reason: result.reason ?? null };
  } catch {
    // Throttled or unreachable: say nothing rather than something wrong.
    return null;
  }
}

function signupInput(v: StoreCreateParsed, defaultLocale: "en" | "ar"): SignupInput {
  return {
    store: {
      slug: v.slug,
      name: { en: v.nameEn, ar: v.nameAr },
      currency: v.currency,
      defaultLocale,
    },
    owner: { name: v.ownerName, email: v.email, password: v.password },
  };
}

function setupInput(v: StoreCreateParsed, defaultLocale: "en" | "ar"): SetupInput {
  const { store, owner } = signupInput(v, defaultLocale);
  return {
    setupCode: v.setupCode ?? "",
    store: {
      ...store,
      currency: v.currency,
      timezone: v.timezone ?? "",
      vatRate: Number(v.vatRate),
      pricesIncludeVat: v.pricesIncludeVat ?? false,
      ...(v.vatNumber ? { vatNumber: v.vatNumber } : {}),
    },
    owner,
  };
}

/**
 * Creates the store and its owner. The browser then signs in through next-auth with the chosen
 * password, so the session is the admin's usual one; the tokens issued here are revoked at once.
 */
export async function createStore(
  mode: StoreCreateMode,
  locale: string,
  input: unknown,
): Promise<ActionResult<{ slug: string; email: string }>> {
  if (mode !== "setup" && mode !== "signup") return fail("VALIDATION_ERROR", "Unknown form");
  const parsed = storeCreateSchema(mode).safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  // The store's language for links made for it (invitations): the one it was created in.
  const defaultLocale = locale === "en" ? "en" : "ar";
  const store = await publicStore();
  try {
    const created =
      mode === "setup"
        ? await store.setup.complete(setupInput(parsed.data, defaultLocale))
        : await store.signup(signupInput(parsed.data, defaultLocale));
    await new BrainSAITStore({ tenantId: created.store.slug }).auth
      .logout({ refreshToken: created.refreshToken })
      .catch(() => undefined);
    return ok({ slug: created.store.slug, email: created.user.email });
  } catch (error) {
    return fromApiError(error);
  }
}
