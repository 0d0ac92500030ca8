"use server";

import { z } from "zod";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import { ROLES } from "@/lib/users/roles";

// The shell shows the signed-in user's role: a change to the team refreshes the whole admin.
const teamAction = adminAction.metadata({ updates: "team" });

const MemberChange = z
  .object({ role: z.enum(ROLES).optional(), status: z.enum(["active", "deactivated"]).optional() })
  .refine((change) => change.role !== undefined || change.status !== undefined);

const InviteInput = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  role: z.enum(ROLES),
  name: z.string().trim().max(100).optional(),
  locale: z.enum(["en", "ar"]).optional(),
  /** False for a new link to a pending invitation: the person was emailed already. */
  sendEmail: z.boolean().optional(),
});

/**
 * The one-time link goes to the inviter's browser to be copied; it is never shown again (a new
 * link can be made from the pending list, which ends this one: docs/email.md).
 */
export interface CreatedInvitation {
  email: string;
  acceptUrl: string;
  expiresAt: string;
  /** The server is emailing the link too. */
  emailed: boolean;
}

export const updateMember = toResult(
  teamAction
    .metadata({
      updates: "team",
      notFound: { code: "USER_NOT_FOUND", message: "Team member not found" },
    })
    .bindArgsSchemas([Locale, z.uuid()])
    .inputSchema(MemberChange, fieldIssues(MemberChange))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      await store.team.update(id, parsedInput);
      return null;
    }),
);

export const inviteMember = toResult(
  teamAction
    // A person already in the team is shown next to the email field.
    .metadata({ updates: "team", errorFields: { ALREADY_MEMBER: "email" } })
    .inputSchema(InviteInput, fieldIssues(InviteInput))
    .action(async ({ parsedInput: { email, role, name, locale, sendEmail }, ctx: { store } }) => {
      const created = await store.team.invite({
        email,
        role,
        name: name || undefined,
        locale,
        sendEmail,
      });
      return {
        email: created.invitation.email,
        acceptUrl: created.acceptUrl,
        expiresAt: created.invitation.expiresAt,
        emailed: created.emailed,
      } satisfies CreatedInvitation;
    }),
);

export const revokeInvitation = toResult(
  teamAction
    .metadata({
      updates: "team",
      notFound: { code: "INVITATION_NOT_FOUND", message: "Invitation not found" },
    })
    .bindArgsSchemas([Locale, z.uuid()])
    .action(async ({ bindArgsParsedInputs: [, id], ctx: { store } }) => {
      await store.team.revokeInvitation(id);
      return null;
    }),
);
