"use client";

import { UserCheck, UserCog, UserX, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import type { Role } from "@/lib/admin/next-auth";
import { revokeInvitation, updateMember } from "../actions";
import type { InvitationRow } from "./invitations-section";
import { ltrEmphasis } from "./ltr-emphasis";
import type { MemberRow } from "./members-table";

export interface RoleChange {
  member: MemberRow;
  role: Role;
}

/**
 * A new role is asked for first: a select changes on an arrow key as well as on a click, and a
 * role decides what someone can see and do on every device at once.
 */
export function RoleDialog({
  change,
  onClose,
  onDone,
}: {
  change: RoleChange | null;
  onClose: () => void;
  onDone: (change: RoleChange, error: ActionIssue | null) => void;
}) {
  const t = useTranslations("settings.team.roleChange");
  const tRoles = useTranslations("Roles");
  const locale = useLocale();
  const name = change?.member.name ?? "";
  return (
    <ConfirmDialog
      open={change !== null}
      onClose={onClose}
      icon={<UserCog />}
      title={t("title", { name })}
      description={
        change
          ? t("description", { from: tRoles(change.member.role), to: tRoles(change.role) })
          : ""
      }
      cancelLabel={t("cancel")}
      confirmLabel={t("confirm")}
      onConfirm={async () => {
        if (!change) return;
        const result = await updateMember(locale, change.member.id, { role: change.role });
        onDone(change, result.ok ? null : result.error);
      }}
    />
  );
}

/** Deactivating warns (alertdialog, red); reactivating is a plain confirmation. */
export function StatusDialog({
  member,
  onClose,
  onDone,
}: {
  member: MemberRow | null;
  onClose: () => void;
  onDone: (member: MemberRow, error: ActionIssue | null) => void;
}) {
  const t = useTranslations("settings.team.status");
  const locale = useLocale();
  const deactivating = member?.status === "active";
  const name = member?.name ?? "";
  return (
    <ConfirmDialog
      open={member !== null}
      onClose={onClose}
      role={deactivating ? "alertdialog" : "dialog"}
      tone={deactivating ? "destructive" : "default"}
      icon={deactivating ? <UserX /> : <UserCheck />}
      title={deactivating ? t("deactivateTitle", { name }) : t("reactivateTitle", { name })}
      description={deactivating ? t("deactivateDescription") : t("reactivateDescription")}
      cancelLabel={t("cancel")}
      confirmLabel={deactivating ? t("deactivate") : t("reactivate")}
      onConfirm={async () => {
        if (!member) return;
        const result = await updateMember(locale, member.id, {
          status: deactivating ? "deactivated" : "active",
        });
        onDone(member, result.ok ? null : result.error);
      }}
    />
  );
}

export function WithdrawDialog({
  invitation,
  onClose,
  onDone,
}: {
  invitation: InvitationRow | null;
  onClose: () => void;
  onDone: (invitation: InvitationRow, error: ActionIssue | null) => void;
}) {
  const t = useTranslations("settings.team.withdraw");
  const locale = useLocale();
  return (
    <ConfirmDialog
      open={invitation !== null}
      onClose={onClose}
      tone="destructive"
      icon={<X />}
      title={t("title")}
      description={t.rich("description", { email: invitation?.email ?? "", b: ltrEmphasis })}
      cancelLabel={t("cancel")}
      confirmLabel={t("confirm")}
      confirmIcon={<X aria-hidden />}
      onConfirm={async () => {
        if (!invitation) return;
        const result = await revokeInvitation(locale, invitation.id);
        onDone(invitation, result.ok ? null : result.error);
      }}
    />
  );
}
