"use client";

import { MessageCircle, UserPlus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { NoticeAlert, type Notice } from "@/components/settings/notice";
import { SectionHeader } from "@/components/settings/parts";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { Button, buttonVariants } from "@/components/ui/button";
import { SecretDialog } from "@/components/ui/secret-dialog";
import type { Role } from "@/lib/admin/next-auth";
import { InvitationsSection, type InvitationRow } from "./_components/invitations-section";
import { InviteDialog } from "./_components/invite-dialog";
import {
  RoleDialog,
  StatusDialog,
  WithdrawDialog,
  type RoleChange,
} from "./_components/confirm-dialogs";
import { ltrEmphasis } from "./_components/ltr-emphasis";
import { MembersTable, type MemberRow } from "./_components/members-table";
import { inviteMember, type CreatedInvitation } from "./actions";

interface TeamClientProps {
  members: MemberRow[];
  invitations: InvitationRow[];
  /** Roles the signed-in user may give (only owners give "owner"). */
  assignableRoles: Role[];
  /** Whether the server sends email (SMTP_URL); without it the inviter sends the link. */
  mailOn: boolean;
  /** For the WhatsApp message. */
  storeName: string;
}

export function TeamClient({
  members,
  invitations,
  assignableRoles,
  mailOn,
  storeName,
}: TeamClientProps) {
  const t = useTranslations("settings.team");
  const tRoles = useTranslations("Roles");
  const errorText = useSettingsErrorText();
  const locale = useLocale();
  const [notice, setNotice] = useState<Notice>(null);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<(CreatedInvitation & { renewed?: boolean }) | null>(null);
  const [renewing, setRenewing] = useState<string | null>(null);
  const [statusTarget, setStatusTarget] = useState<MemberRow | null>(null);
  const [withdrawing, setWithdrawing] = useState<InvitationRow | null>(null);
  // The select keeps the current role until the change is confirmed (RoleDialog).
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);

  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-5" aria-labelledby="team-title">
        <SectionHeader id="team-title" title={t("title")} description={t("description")}>
          <Button
            onClick={() => {
              setNotice(null);
              setInviting(true);
            }}
          >
            <UserPlus aria-hidden />
            {t("invite.button")}
          </Button>
        </SectionHeader>
        <NoticeAlert notice={notice} />
        <MembersTable
          members={members}
          assignableRoles={assignableRoles}
          onRoleChange={(member, role) => {
            setNotice(null);
            if (role !== member.role) setRoleChange({ member, role });
          }}
          onStatusChange={(member) => {
            setNotice(null);
            setStatusTarget(member);
          }}
        />
      </section>

      <InvitationsSection
        invitations={invitations}
        onWithdraw={(invitation) => {
          setNotice(null);
          setWithdrawing(invitation);
        }}
        busyId={renewing}
        onNewLink={async (invitation) => {
          setNotice(null);
          setRenewing(invitation.id);
          // A new invitation for the same person ends the old link: the token is kept only hashed.
          const result = await inviteMember(locale, {
            email: invitation.email,
            role: invitation.role,
            name: invitation.name ?? undefined,
            locale: invitation.locale ?? undefined,
            sendEmail: false,
          });
          setRenewing(null);
          if (result.ok) setInvited({ ...result.data, renewed: true });
          else setNotice({ tone: "error", text: errorText(result.error) });
        }}
      />

      <InviteDialog
        open={inviting}
        roles={assignableRoles}
        mailOn={mailOn}
        onClose={() => setInviting(false)}
        onInvited={(invitation) => {
          setInviting(false);
          setInvited(invitation);
        }}
      />
      {/* The link holds the invitation's token: it is shown this once. */}
      <SecretDialog
        secret={invited?.acceptUrl ?? null}
        onClose={() => setInvited(null)}
        title={invited?.renewed ? t("invitations.newLinkTitle") : t("invite.createdTitle")}
        description={t.rich(
          invited?.renewed
            ? "invitations.newLinkDescription"
            : invited?.emailed
              ? "invite.createdEmailed"
              : "invite.createdDescription",
          { email: invited?.email ?? "", b: ltrEmphasis },
        )}
        label={t("invite.link")}
        hint={t("invite.linkHint")}
        doneLabel={t("invite.done")}
      >
        {invited ? (
          <a
            href={`https://wa.me/?text=${encodeURIComponent(
              t("invite.whatsappText", { store: storeName, url: invited.acceptUrl }),
            )}`}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonVariants({ variant: "outline", className: "self-start" })}
          >
            <MessageCircle aria-hidden />
            {t("invite.whatsapp")}
          </a>
        ) : null}
      </SecretDialog>
      <RoleDialog
        change={roleChange}
        onClose={() => setRoleChange(null)}
        onDone={(change, error) => {
          setRoleChange(null);
          setNotice(
            error
              ? { tone: "error", text: errorText(error) }
              : {
                  tone: "success",
                  text: t("members.roleChanged", {
                    name: change.member.name,
                    role: tRoles(change.role),
                  }),
                },
          );
        }}
      />
      <StatusDialog
        member={statusTarget}
        onClose={() => setStatusTarget(null)}
        onDone={(member, error) => {
          setStatusTarget(null);
          const key = member.status === "active" ? "deactivated" : "reactivated";
          setNotice(
            error
              ? { tone: "error", text: errorText(error) }
              : { tone: "success", text: t(`status.${key}Done`, { name: member.name }) },
          );
        }}
      />
      <WithdrawDialog
        invitation={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={(invitation, error) => {
          setWithdrawing(null);
          setNotice(
            error
              ? { tone: "error", text: errorText(error) }
              : { tone: "success", text: t("withdraw.done", { email: invitation.email }) },
          );
        }}
      />
    </div>
  );
}
