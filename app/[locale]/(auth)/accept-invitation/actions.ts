"use server";

import { headers } from "next/headers";
import { fail, fromApiError, fromZodError, ok, type ActionResult } from "@/lib/action-result";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { BrainSAITStore } from "@/lib/sdk";
import { adminClientIp } from "@/lib/client-ip";
import { AcceptInvitation } from "@/lib/users/contract";

/** The end-user IP for the API's throttling, as server.ts resolved it (lib/client-ip.ts). */
async function clientIp(): Promise<string | undefined> {
  return adminClientIp((await headers()).get("x-forwarded-for"));
}

/**
 * Creates the account from an invitation. No session is needed: the token is the credential.
 * The browser then signs in through next-auth with the chosen password, so the admin's own
 * session (cookie, refresh) is the usual one; the tokens issued here are revoked at once.
 */
export async function acceptInvitation(
  storeSlug: string,
  input: unknown,
): Promise<ActionResult<{ email: string }>> {
  if (storeSlug.length > TENANT_SLUG_MAX || !TENANT_SLUG_PATTERN.test(storeSlug))
    return fail("TENANT_NOT_FOUND", "Store not found");
  const parsed = AcceptInvitation.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const store = new BrainSAITStore({
    tenantId: storeSlug,
    forwardedFor: await clientIp(),
    // Accepting twice would fail the second time: never retry automatically.
    maxRetries: 0,
  });
  try {
    const issued = await store.team.acceptInvitation(parsed.data);
    await store.auth.logout({ refreshToken: issued.refreshToken }).catch(() => undefined);
    return ok({ email: issued.user.email });
  } catch (error) {
    return fromApiError(error);
  }
}
