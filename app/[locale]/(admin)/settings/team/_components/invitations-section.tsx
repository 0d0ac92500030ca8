"use client";

import { Users, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { ListTable } from "@/components/settings/list-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Td } from "@/components/ui/data-table";
import type { Role } from "@/lib/admin/next-auth";

export interface InvitationRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  invitedBy: string | null;
  expires: { iso: string; text: string };
}

/** Invitations not yet accepted, each with a button to withdraw it. */
export function InvitationsSection({
  invitations,
  onWithdraw,
}: {
  invitations: InvitationRow[];
  onWithdraw: (invitation: InvitationRow) => void;
}) {
  const t = useTranslations("settings.team");
  const tRoles = useTranslations("Roles");
  return (
    <section className="flex flex-col gap-4" aria-labelledby="invitations-title">
      <div className="flex flex-col gap-1">
        <h3 id="invitations-title" className="text-lg font-semibold">
          {t("invitations.title")}
        </h3>
        <p className="text-sm text-muted-foreground">{t("invitations.description")}</p>
      </div>
      {invitations.length === 0 ? (
        <Card className="flex items-center gap-3 px-5 py-4 text-sm text-muted-foreground">
          <Users aria-hidden className="size-4 shrink-0" />
          {t("invitations.empty")}
        </Card>
      ) : (
        <ListTable
          caption={t("invitations.caption", { count: invitations.length })}
          columns={[
            t("invitations.email"),
            t("invitations.role"),
            t("invitations.invitedBy"),
            t("invitations.expires"),
          ]}
          actions={t("members.actions")}
        >
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <Td>
                <div className="flex flex-col gap-0.5">
                  <bdi dir="ltr" className="font-medium break-all">
                    {invitation.email}
                  </bdi>
                  {invitation.name ? (
                    <bdi className="text-xs text-muted-foreground">{invitation.name}</bdi>
                  ) : null}
                </div>
              </Td>
              <Td>
                <Badge variant="secondary">{tRoles(invitation.role)}</Badge>
              </Td>
              <Td>{invitation.invitedBy ? <bdi>{invitation.invitedBy}</bdi> : "—"}</Td>
              <Td>
                <time dateTime={invitation.expires.iso} className="whitespace-nowrap">
                  {invitation.expires.text}
                </time>
              </Td>
              <Td className="py-2 text-end">
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-destructive hover:bg-destructive-soft"
                  aria-label={t("withdraw.buttonFor", { email: invitation.email })}
                  onClick={() => onWithdraw(invitation)}
                >
                  <X aria-hidden />
                  {t("withdraw.button")}
                </Button>
              </Td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}
