"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { fieldIssues, Locale, publicAction, toResult } from "@/lib/admin/safe-action";
import { adminClientIp } from "@/lib/client-ip";
import { BrainSAITStore, type SetupInput, type SignupInput } from "@/lib/sdk";
import { normalizeSlug, slugProblem } from "@/lib/tenants/slug";
import { storeCreateSchema, type StoreCreateParsed } from "@/components/stores/store-create-schema";

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

/**
 * Checked as the visitor types (debounced in the form); the API has the last word on submit.
 * `null` when there is nothing to say (throttled or unreachable) rather than something wrong.
 */
export const checkSlug = toResult(
  publicAction
    .inputSchema(z.string().max(100))
    .action(async ({ parsedInput }): Promise<SlugAvailability | null> => {
      const slug = normalizeSlug(parsedInput);
      const problem = slugProblem(slug);
      if (problem) return { available: false, reason: problem };
      try {
        const result = await (await publicStore()).stores.slugAvailability(slug);
        return { available: result.available, reason: result.reason ?? null };
      } catch {
        return null;
      }
    }),
);

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

/** The store's language for links made for it (invitations): the one it was created in. */
const storeLocale = (locale: string) => (locale === "en" ? "en" : "ar");

/**
 * The browser then signs in through next-auth with the chosen password, so the session is the
 * admin's usual one; the tokens issued by setup and sign-up are revoked at once.
 */
async function signedOut(created: Awaited<ReturnType<BrainSAITStore["signup"]>>) {
  await new BrainSAITStore({ tenantId: created.store.slug }).auth
    .logout({ refreshToken: created.refreshToken })
    .catch(() => undefined);
  return { slug: created.store.slug, email: created.user.email };
}

const setupSchema = storeCreateSchema("setup");
const signupSchema = storeCreateSchema("signup");

/** First run: creates the store and its owner with the setup code from the server's log. */
export const setupStore = toResult(
  publicAction
    .bindArgsSchemas([Locale])
    .inputSchema(setupSchema, fieldIssues(setupSchema))
    .action(async ({ parsedInput, bindArgsParsedInputs: [locale] }) => {
      const store = await publicStore();
      return signedOut(await store.setup.complete(setupInput(parsedInput, storeLocale(locale))));
    }),
);

/** Public sign-up (SIGNUP=open): creates a store and its owner. */
export const signupStore = toResult(
  publicAction
    .bindArgsSchemas([Locale])
    .inputSchema(signupSchema, fieldIssues(signupSchema))
    .action(async ({ parsedInput, bindArgsParsedInputs: [locale] }) => {
      const store = await publicStore();
      return signedOut(await store.signup(signupInput(parsedInput, storeLocale(locale))));
    }),
);
