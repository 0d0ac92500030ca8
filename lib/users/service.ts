import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { sha256Hex } from "@/lib/crypto";
import { AuthenticationError, ConflictError, NotFoundError, PermissionError } from "@/lib/errors";
import { authorize, can } from "@/lib/auth/permissions";
import { refreshTokens } from "@/lib/auth/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { mailLocale, renderMail, storeName } from "@/lib/mail/render";
import type { InvitationCreate, MemberSchema, MemberUpdate } from "./contract";
import { invitations, users, type User } from "./schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVITATION_DAYS = 7;

export function presentMember(u: User): z.infer<typeof MemberSchema> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    last_login_at: u.lastLoginAt?.toISOString() ?? null,
    created_at: u.createdAt.toISOString(),
  };
}

export async function listMembers(ctx: ServiceContext) {
  authorize(ctx.actor, "team:manage");
  const rows = await ctx.db
    .select()
    .from(users)
    .where(eq(users.tenantId, ctx.tenant.id))
    .orderBy(users.createdAt);
  return { data: rows.map(presentMember) };
}

async function activeOwners(db: Db, tenantId: string, except: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.role, "owner"),
        eq(users.status, "active"),
        ne(users.id, except),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Changes a member's name, role or status. Owners are changed only by owners; the last active
 * owner can neither be demoted nor deactivated, so a store always has someone in charge.
 * Deactivating ends the member's sessions at once.
 */
export async function updateMember(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof MemberUpdate>,
) {
  authorize(ctx.actor, "team:manage");
  if (!UUID.test(id)) throw new NotFoundError("Team member not found", "USER_NOT_FOUND");
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)))
      .for("update");
    if (!member) throw new NotFoundError("Team member not found", "USER_NOT_FOUND");
    // Every field, the name included: an admin must not be able to relabel an owner.
    const touchesOwner = member.role === "owner" || input.role === "owner";
    if (touchesOwner && !can(ctx.actor, "owners:manage")) {
      throw new PermissionError(
        "Only an owner can change an owner, or make someone an owner",
        "OWNER_ONLY",
      );
    }
    const losesOwner =
      member.role === "owner" &&
      member.status === "active" &&
      ((input.role && input.role !== "owner") || input.status === "deactivated");
    if (losesOwner) {
      // Lock the store's owners so two owners cannot demote each other at the same moment.
      await tx.execute(
        sql`select id from ${users} where tenant_id = ${ctx.tenant.id} and role = 'owner' for update`,
      );
      if ((await activeOwners(tx, ctx.tenant.id, member.id)) === 0) {
        throw new ConflictError(
          "The store's last owner cannot be demoted or deactivated; make someone else an owner first",
          "LAST_OWNER",
        );
      }
    }
    const [updated] = await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.now() })
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, id)))
      .returning();
    if (input.status === "deactivated" && member.status !== "deactivated") {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: ctx.now() })
        .where(
          and(
            eq(refreshTokens.tenantId, ctx.tenant.id),
            eq(refreshTokens.userId, id),
            isNull(refreshTokens.revokedAt),
          ),
        );
    }
    await recordAudit(tx, ctx, {
      action: "user.updated",
      resourceType: "user",
      resourceId: id,
      metadata: { changes: input, before: { role: member.role, status: member.status } },
    });
    // Their API keys act with their role, and only while they are active.
    if (input.role !== undefined || input.status !== undefined)
      await ctx.credentials.invalidateTenant(tx, ctx.tenant.id);
    return presentMember(updated!);
  });
}

function presentInvitation(
  row: typeof invitations.$inferSelect,
  inviter: { id: string; name: string } | null,
) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale ?? null,
    invited_by: inviter,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
  };
}

/** Creates a one-time invitation link (token stored hashed); a newer invite replaces an older one. */
export async function inviteMember(
  ctx: ServiceContext,
  input: z.infer<typeof InvitationCreate>,
  publicUrl: string,
) {
  authorize(ctx.actor, "team:manage");
  if (input.role === "owner" && !can(ctx.actor, "owners:manage")) {
    throw new PermissionError("Only an owner can invite an owner", "OWNER_ONLY");
  }
  const actor = ctx.actor;
  const email = input.email.trim().toLowerCase();
  const token = `bsi_${randomBytes(32).toString("base64url")}`;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.email, email)));
    if (existing) throw new ConflictError("This person is already on the team", "ALREADY_MEMBER");
    await tx
      .update(invitations)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(invitations.tenantId, ctx.tenant.id),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const inviterId = actor.type === "user" ? actor.userId : null;
    const [row] = await tx
      .insert(invitations)
      .values({
        tenantId: ctx.tenant.id,
        email,
        name: input.name || null,
        role: input.role,
        locale: input.locale ?? null,
        tokenHash: sha256Hex(token),
        invitedBy: inviterId,
        createdAt: ctx.now(),
        expiresAt: new Date(ctx.now().getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "invitation.created",
      resourceType: "invitation",
      resourceId: row!.id,
      metadata: { email, role: input.role },
    });
    const [inviter] = inviterId
      ? await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.id, inviterId))
      : [];
    const locale = mailLocale(input.locale, ctx.tenant.defaultLocale);
    const url = new URL(`/${locale}/accept-invitation`, publicUrl);
    url.searchParams.set("store", ctx.tenant.slug);
    url.searchParams.set("token", token);
    return {
      invitation: presentInvitation(row!, inviter ?? null),
      accept_url: url.toString(),
      /** Sent by the route once this transaction has committed (docs/email.md). */
      mail: renderMail({
        kind: "invitation",
        locale,
        to: email,
        values: {
          store: storeName(ctx.tenant, locale),
          inviter: inviter?.name ?? storeName(ctx.tenant, locale),
          role: input.role,
        },
        action: { url: url.toString() },
      }),
    };
  });
}

export async function listInvitations(ctx: ServiceContext) {
  authorize(ctx.actor, "team:manage");
  const rows = await ctx.db
    .select({ invitation: invitations, inviter: { id: users.id, name: users.name } })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.tenantId, ctx.tenant.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, ctx.now()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return {
    data: rows.map((r) => presentInvitation(r.invitation, r.inviter?.id ? r.inviter : null)),
  };
}

export async function revokeInvitation(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "team:manage");
  if (!UUID.test(id)) throw new NotFoundError("Invitation not found", "INVITATION_NOT_FOUND");
  const revoked = await ctx.db
    .update(invitations)
    .set({ revokedAt: ctx.now() })
    .where(
      and(
        eq(invitations.tenantId, ctx.tenant.id),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (!revoked.length) throw new NotFoundError("Invitation not found", "INVITATION_NOT_FOUND");
  await recordAudit(ctx.db, ctx, {
    action: "invitation.revoked",
    resourceType: "invitation",
    resourceId: id,
  });
}

const invalidInvitation = () =>
  new AuthenticationError(
    "This invitation link is invalid, used or expired; ask for a new one",
    "INVITATION_INVALID",
  );

async function findOpenInvitation(db: Db, ctx: ServiceContext, token: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tenantId, ctx.tenant.id), eq(invitations.tokenHash, sha256Hex(token))),
    );
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= ctx.now())
    throw invalidInvitation();
  return row;
}

/** What the accept page shows before the person sets a password. */
export async function previewInvitation(ctx: ServiceContext, token: string) {
  const row = await findOpenInvitation(ctx.db, ctx, token);
  return {
    email: row.email,
    role: row.role,
    name: row.name,
    expires_at: row.expiresAt.toISOString(),
    // What the invitation page names: the store as its customers know it, not its ID.
    store: { name: { en: ctx.tenant.nameEn, ar: ctx.tenant.nameAr } },
  };
}

/**
 * Accepts an invitation: creates the account (user.created) and returns it, in one transaction,
 * with the invitation (whose inviter is told by email once it has committed).
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: { token: string; name: string; password: string },
): Promise<User & { invitedBy: string | null }> {
  // The token first: a bogus one must not cost an argon2 hash.
  await findOpenInvitation(ctx.db, ctx, input.token);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, ctx, input.token);
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: ctx.now() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (!claimed.length) throw invalidInvitation();
    const [user] = await tx
      .insert(users)
      .values({
        tenantId: ctx.tenant.id,
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        // Mail reaches them in the language they were invited in, until they use the admin.
        locale: invitation.locale,
        passwordHash,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!user)
      throw new ConflictError(
        "An account with this email already exists in this store",
        "ALREADY_MEMBER",
      );
    await recordEvent(tx, ctx, "user.created", presentMember(user));
    await recordAudit(tx, ctx, {
      action: "user.created",
      actorId: user.id,
      resourceType: "user",
      resourceId: user.id,
      metadata: { via: "invitation", invitation_id: invitation.id },
    });
    return { ...user, invitedBy: invitation.invitedBy };
  });
}
