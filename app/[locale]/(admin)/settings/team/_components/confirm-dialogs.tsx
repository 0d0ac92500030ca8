"use client";

import { UserCheck, UserX, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import { revokeInvitation, updateMember } from "../actions";
import type { InvitationRow } from "./invitations-section";
import { ltrEmphasis } from "./ltr-emphasis";
import type { MemberRow } from "./members-table";

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
