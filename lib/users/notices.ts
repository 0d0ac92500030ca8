import { and, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { mailLocale, renderMail, storeName } from "@/lib/mail/render";
import type { MailMessage } from "@/lib/mail/transport";
import { users, type User } from "./schema";

/**
 * The owner's notice that someone accepted an invitation: to the person who invited them if
 * still active, else to the store's active owners; each in their own language (docs/email.md).
 */
export async function memberJoinedNotices(
  ctx: ServiceContext,
  joined: User & { invitedBy: string | null },
  publicUrl: string,
): Promise<MailMessage[]> {
  const active = and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active"));
  let recipients = joined.invitedBy
    ? await ctx.db
        .select()
        .from(users)
        .where(and(active, inArray(users.id, [joined.invitedBy])))
    : [];
  if (!recipients.length)
    recipients = await ctx.db
      .select()
      .from(users)
      .where(and(active, eq(users.role, "owner")));
  return recipients
    .filter((r) => r.id !== joined.id)
    .map((recipient) => {
      const locale = mailLocale(recipient.locale, ctx.tenant.defaultLocale);
      return renderMail({
        kind: "memberJoined",
        locale,
        to: recipient.email,
        values: {
          store: storeName(ctx.tenant, locale),
          name: joined.name,
          email: joined.email,
          role: joined.role,
        },
        action: { url: new URL(`/${locale}/settings/team`, publicUrl).toString() },
      });
    });
}
