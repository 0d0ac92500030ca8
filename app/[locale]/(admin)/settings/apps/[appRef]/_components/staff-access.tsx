"use client";

import { UserX } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useAppsErrorText } from "@/components/apps/use-apps-error-text";
import { NoticeAlert, type Notice } from "@/components/settings/notice";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import { authoriseStaff, revokeStaff } from "../../actions";
import { SubsectionTitle } from "@/components/settings/parts";

export interface StaffMemberView {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "staff" | "viewer";
  authorised: boolean;
}

/**
 * Which team members may sign in to a staff app: a switch each. Allowing is immediate; revoking
 * asks first, since it ends the member's staff sign-ins for the app at once.
 */
export function StaffAccess({
  appRef,
  appName,
  members,
  canManage,
}: {
  appRef: string;
  appName: string;
  members: StaffMemberView[];
  canManage: boolean;
}) {
  const t = useTranslations("apps.staff");
  const tRoles = useTranslations("Roles");
  const locale = useLocale();
  const errorText = useAppsErrorText();
  const [notice, setNotice] = useState<Notice>(null);
  const [revoking, setRevoking] = useState<StaffMemberView | null>(null);
  const [revokeError, setRevokeError] = useState<ActionIssue | null>(null);
  const [pending, startTransition] = useTransition();

  function allow(member: StaffMemberView) {
    setNotice(null);
    startTransition(async () => {
      const result = await authoriseStaff(locale, appRef, member.userId);
      setNotice(
        result.ok
          ? { tone: "success", text: t("authorisedDone", { name: member.name, app: appName }) }
          : { tone: "error", text: errorText(result.error) },
      );
    });
  }

  return (
    <section className="flex flex-col gap-3" aria-labelledby="app-staff-title">
      <SubsectionTitle id="app-staff-title" title={t("title")} description={t("description")} />
      <NoticeAlert notice={notice} />
      <Card>
        <ul className="flex flex-col divide-y divide-border" aria-label={t("listLabel")}>
          {members.map((member) => (
            <li
              key={member.userId}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 p-4"
            >
              <div className="flex min-w-0 flex-col gap-0.5">
                <span className="flex flex-wrap items-center gap-2">
                  <bdi className="font-medium">{member.name}</bdi>
                  <Badge variant="secondary">{tRoles(member.role)}</Badge>
                </span>
                <bdi dir="ltr" className="text-sm [overflow-wrap:anywhere] text-muted-foreground">
                  {member.email}
                </bdi>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  role="switch"
                  checked={member.authorised}
                  disabled={!canManage || pending}
                  aria-label={t("switchLabel", { name: member.name, app: appName })}
                  onChange={(event) => {
                    if (event.currentTarget.checked) allow(member);
                    else {
                      setNotice(null);
                      setRevokeError(null);
                      setRevoking(member);
                    }
                  }}
                  className="size-4 accent-primary"
                />
                <span aria-hidden>{member.authorised ? t("allowed") : t("notAllowed")}</span>
              </label>
            </li>
          ))}
        </ul>
      </Card>
      <ConfirmDialog
        open={revoking !== null}
        tone="destructive"
        icon={<UserX />}
        title={t("revoke.title", { name: revoking?.name ?? "", app: appName })}
        description={t("revoke.description")}
        confirmLabel={t("revoke.confirm")}
        pendingLabel={t("revoke.submitting")}
        confirmIcon={<UserX aria-hidden />}
        error={revokeError ? errorText(revokeError) : null}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeStaff(locale, appRef, revoking.userId);
          if (!result.ok) return setRevokeError(result.error);
          setRevoking(null);
          setNotice({
            tone: "success",
            text: t("revoke.done", { name: revoking.name, app: appName }),
          });
        }}
      />
    </section>
  );
}
