import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { storeTimeZone } from "@/components/settings/format";
import { NoAccess } from "@/components/settings/parts";
import { roleCan } from "@/components/settings/sections";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { ROLES } from "@/lib/users/roles";
import type { InvitationRow } from "./_components/invitations-section";
import type { MemberRow } from "./_components/members-table";
import { setupStatus } from "@/components/stores/setup-status";
import { TeamClient } from "./team-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "settings.team" });
  return { title: t("title") };
}

export default async function TeamPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const role = me.user.role;
  if (!roleCan(role, "team:manage")) return <NoAccess />;

  const store = sessionStore(session);
  const [members, invitations, status] = await Promise.all([
    store.team.list(),
    store.team.invitations(),
    setupStatus(),
  ]);
  const format = await getDisplayFormatter(locale);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const when = (iso: string) => ({
    iso,
    text: format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }),
  });
  // Only owners manage owners (docs/roles.md); the API refuses it anyway.
  const managesOwners = roleCan(role, "owners:manage");
  const self = me.user.id;

  const memberRows: MemberRow[] = members.data.map((member) => {
    const reachable = member.role !== "owner" || managesOwners;
    return {
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      status: member.status,
      lastLogin: member.lastLoginAt ? when(member.lastLoginAt) : null,
      isSelf: member.id === self,
      // An owner may step down (the API keeps the last owner); others do not demote themselves.
      canChangeRole: reachable && (member.id !== self || role === "owner"),
      // Nobody deactivates themselves: it would end the session they are using.
      canChangeStatus: reachable && member.id !== self,
    };
  });
  const invitationRows: InvitationRow[] = invitations.data.map((invitation) => ({
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    locale: invitation.locale,
    invitedBy: invitation.invitedBy?.name ?? null,
    expires: when(invitation.expiresAt),
  }));

  return (
    <TeamClient
      members={memberRows}
      invitations={invitationRows}
      assignableRoles={ROLES.filter((r) => r !== "owner" || managesOwners)}
      mailOn={status.mail === "on"}
      storeName={(locale === "ar" ? me.tenant.name.ar : me.tenant.name.en) || me.tenant.slug}
    />
  );
}
