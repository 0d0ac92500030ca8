"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { fieldIssues, publicAction, toResult } from "@/lib/admin/safe-action";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { PasswordResetConfirm } from "@/lib/auth/contract";
import { BrainSAITStore } from "@/lib/sdk";
import { adminClientIp } from "@/lib/client-ip";

/** The end-user IP for the API's throttling, as server.ts resolved it (lib/client-ip.ts). */
async function clientIp(): Promise<string | undefined> {
  return adminClientIp((await headers()).get("x-forwarded-for"));
}

const StoreSlug = z.string().trim().toLowerCase().max(TENANT_SLUG_MAX).regex(TENANT_SLUG_PATTERN);
const Locale = z.enum(["en", "ar"]);

const ResetRequest = z.object({
  store: StoreSlug,
  email: z.string().trim().max(320).pipe(z.email()),
});

const store = async (tenantId: string) =>
  new BrainSAITStore({ tenantId, forwardedFor: await clientIp(), maxRetries: 0 });

/**
 * Asks the API to email a reset link. The answer is the same whether or not the account exists;
 * an unknown store is the same answer too, so the page learns nothing about who is where.
 */
export const requestPasswordReset = toResult(
  publicAction
    .bindArgsSchemas([Locale])
    .inputSchema(ResetRequest, fieldIssues(ResetRequest))
    .action(async ({ parsedInput: { store: slug, email }, bindArgsParsedInputs: [locale] }) => {
      try {
        await (await store(slug)).auth.requestPasswordReset({ email, locale });
      } catch (error) {
        if ((error as { code?: string }).code !== "TENANT_NOT_FOUND") throw error;
      }
      return { email };
    }),
);

/** Sets the new password from the link; the person then signs in with it. */
export const confirmPasswordReset = toResult(
  publicAction
    .bindArgsSchemas([StoreSlug, Locale])
    .inputSchema(PasswordResetConfirm, fieldIssues(PasswordResetConfirm))
    .action(async ({ parsedInput, bindArgsParsedInputs: [slug, locale] }) => {
      await (await store(slug)).auth.confirmPasswordReset({ ...parsedInput, locale });
      return null;
    }),
);
