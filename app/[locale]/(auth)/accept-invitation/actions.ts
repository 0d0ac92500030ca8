"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { fieldIssues, publicAction, toResult } from "@/lib/admin/safe-action";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { BrainSAITStore } from "@/lib/sdk";
import { adminClientIp } from "@/lib/client-ip";
import { AcceptInvitation } from "@/lib/users/contract";

/** The end-user IP for the API's throttling, as server.ts resolved it (lib/client-ip.ts). */
async function clientIp(): Promise<string | undefined> {
  return adminClientIp((await headers()).get("x-forwarded-for"));
}

const StoreSlug = z.string().max(TENANT_SLUG_MAX).regex(TENANT_SLUG_PATTERN);

/**
 * Creates the account from an invitation. No session is needed: the token is the credential.
 * The browser then signs in through next-auth with the chosen password, so the admin's own
 * session (cookie, refresh) is the usual one; the tokens issued here are revoked at once.
 */
export const acceptInvitation = toResult(
  publicAction
    .metadata({ notFound: { code: "TENANT_NOT_FOUND", message: "Store not found" } })
    .bindArgsSchemas([StoreSlug])
    .inputSchema(AcceptInvitation, fieldIssues(AcceptInvitation))
    .action(async ({ parsedInput, bindArgsParsedInputs: [storeSlug] }) => {
      const store = new BrainSAITStore({
        tenantId: storeSlug,
        forwardedFor: await clientIp(),
        // Accepting twice would fail the second time: never retry automatically.
        maxRetries: 0,
      });
      const issued = await store.team.acceptInvitation(parsedInput);
      await store.auth.logout({ refreshToken: issued.refreshToken }).catch(() => undefined);
      return { email: issued.user.email };
    }),
);
