import { z } from "@hono/zod-openapi";
import { ROLES } from "./roles";

export const MemberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    status: z.enum(["active", "deactivated"]),
    last_login_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("TeamMember");

export const MemberList = z.object({ data: z.array(MemberSchema) }).openapi("TeamMemberList");

export const MemberUpdate = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    status: z.enum(["active", "deactivated"]).optional(),
  })
  .openapi("TeamMemberUpdate");

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(ROLES),
    locale: z.enum(["en", "ar"]).nullable().openapi({
      description: "The invitee's language: the email, the invitation page, then their account",
    }),
    invited_by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    created_at: z.string(),
    expires_at: z.string(),
  })
  .openapi("Invitation");

export const InvitationCreate = z
  .object({
    email: z.email().max(320),
    role: z.enum(ROLES),
    name: z.string().trim().max(100).optional(),
    locale: z.enum(["en", "ar"]).optional().openapi({
      description: "The invitee's language (default: the store's); the email is written in it",
    }),
    send_email: z.boolean().optional().openapi({
      description:
        "Email the link when the server sends mail (default true); false to only get a new link",
    }),
  })
  .openapi("InvitationCreate", {
    example: { email: "layla@example.com", role: "staff", name: "Layla", locale: "ar" },
  });

export const InvitationCreated = z
  .object({
    invitation: InvitationSchema,
    accept_url: z.string().openapi({
      description:
        "One-time link, valid 7 days. Shown once: a new invitation for the same email makes a new link and ends this one.",
    }),
    emailed: z.boolean().openapi({
      description:
        "True when the link is also being emailed (the server sends mail, send_email not false)",
    }),
  })
  .openapi("InvitationCreated");

export const InvitationList = z
  .object({ data: z.array(InvitationSchema) })
  .openapi("InvitationList");

export const AcceptInvitation = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(100),
    password: z.string().min(10, "Use at least 10 characters").max(1024),
  })
  .openapi("AcceptInvitation");

export const InvitationPreview = z
  .object({
    email: z.string(),
    role: z.enum(ROLES),
    name: z.string().nullable(),
    expires_at: z.string(),
    store: z.object({
      name: z
        .object({ en: z.string(), ar: z.string() })
        .openapi({ example: { en: "Nakheel Dates", ar: "تمور النخيل" } }),
    }),
  })
  .openapi("InvitationPreview");
