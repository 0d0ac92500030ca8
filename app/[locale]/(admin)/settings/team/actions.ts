"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fail, fromApiError, fromZodError, ok, type ActionResult } from "@/lib/action-result";
import { requireStore } from "@/lib/admin/session";
import { ROLES } from "@/lib/users/roles";

const SETTINGS_LAYOUT = "/[locale]/(admin)/settings";

const Id = z.uuid();

const MemberChange = z
  .object({ role: z.enum(ROLES).optional(), status: z.enum(["active", "deactivated"]).optional() })
  .refine((change) => change.role !== undefined || change.status !== undefined);

const InviteInput = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  role: z.enum(ROLES),
  name: z.string().trim().max(100).optional(),
});

/** The one-time link goes to the inviter's browser to be copied; it is never shown again. */
export interface CreatedInvitation {
  email: string;
  acceptUrl: string;
  expiresAt: string;
}

export async function updateMember(
  locale: string,
  id: string,
  input: unknown,
): Promise<ActionResult<null>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("USER_NOT_FOUND", "Team member not found");
  const parsed = MemberChange.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    await store.team.update(id, parsed.data);
    // The shell shows the signed-in user's role; the whole admin may change with it.
    revalidatePath("/[locale]/(admin)", "layout");
    return ok(null);
  } catch (error) {
    return fromApiError(error);
  }
}

export async function inviteMember(
  locale: string,
  input: unknown,
): Promise<ActionResult<CreatedInvitation>> {
  const store = await requireStore(locale);
  const parsed = InviteInput.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const { email, role, name } = parsed.data;
  try {
    const created = await store.team.invite({ email, role, name: name || undefined });
    revalidatePath(SETTINGS_LAYOUT, "layout");
    return ok({
      email: created.invitation.email,
      acceptUrl: created.acceptUrl,
      expiresAt: created.invitation.expiresAt,
    });
  } catch (error) {
    const result = fromApiError(error);
    if (result.error.code === "ALREADY_MEMBER") result.fieldErrors.email ??= result.error;
    return result;
  }
}

export async function revokeInvitation(locale: string, id: string): Promise<ActionResult<null>> {
  const store = await requireStore(locale);
  if (!Id.safeParse(id).success) return fail("INVITATION_NOT_FOUND", "Invitation not found");
  try {
    await store.team.revokeInvitation(id);
    revalidatePath(SETTINGS_LAYOUT, "layout");
    return ok(null);
  } catch (error) {
    return fromApiError(error);
  }
}
