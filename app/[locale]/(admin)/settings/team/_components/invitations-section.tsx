"use client";

import { Link2, Users, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { ListTable } from "@/components/settings/list-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Td } from "@/components/ui/data-table";
import type { Role } from "@/lib/admin/next-auth";
import { SubsectionTitle } from "@/components/settings/parts";

export interface InvitationRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  locale: "en" | "ar" | null;
  invitedBy: string | null;
  expires: { iso: string; text: string };
}

interface Actions {
  onWithdraw: (invitation: InvitationRow) => void;
  /** Makes a new link for the invitation (the old one stops working) and shows it. */
  onNewLink: (invitation: InvitationRow) => void;
  /** The invitation whose new link is being made. */
  busyId: string | null;
}

/** Invitations not yet accepted, each with buttons for a new link and to withdraw it. */
export function InvitationsSection({
  invitations,
  ...actions
}: { invitations: InvitationRow[] } & Actions) {
  const t = useTranslations("settings.team");
  const tRoles = useTranslations("Roles");
  const caption = t("invitations.caption", { count: invitations.length });
  return (
    <section className="flex flex-col gap-4" aria-labelledby="invitations-title">
      <SubsectionTitle
        id="invitations-title"
        title={t("invitations.title")}
        description={t("invitations.description")}
      />
      {invitations.length === 0 ? (
        <Card className="flex items-center gap-3 px-5 py-4 text-sm text-muted-foreground">
          <Users aria-hidden className="size-4 shrink-0" />
          {t("invitations.empty")}
        </Card>
      ) : (
        <>
          <div className="hidden sm:block">
            <ListTable
              caption={caption}
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
                    <Invitee invitation={invitation} />
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
                    <div className="flex justify-end gap-1">
                      <InvitationButtons invitation={invitation} {...actions} />
                    </div>
                  </Td>
                </tr>
              ))}
            </ListTable>
          </div>
          {/* Phones get cards, as the members list does. */}
          <ul
            aria-label={caption}
            className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-sm sm:hidden"
          >
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-col gap-2 p-4">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <Invitee invitation={invitation} />
                  </div>
                  <Badge variant="secondary">{tRoles(invitation.role)}</Badge>
                </div>
                <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                  <span>
                    {t("invitations.expires")}:{" "}
                    <time dateTime={invitation.expires.iso}>{invitation.expires.text}</time>
                  </span>
                  {invitation.invitedBy ? (
                    <span>
                      {t("invitations.invitedBy")}: <bdi>{invitation.invitedBy}</bdi>
                    </span>
                  ) : null}
                </p>
                <div className="flex flex-wrap justify-end gap-1">
                  <InvitationButtons invitation={invitation} {...actions} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Invitee({ invitation }: { invitation: InvitationRow }) {
  return (
    <div className="flex flex-col gap-0.5">
      <bdi dir="ltr" className="font-medium break-all">
        {invitation.email}
      </bdi>
      {invitation.name ? (
        <bdi className="text-xs text-muted-foreground">{invitation.name}</bdi>
      ) : null}
    </div>
  );
}

function InvitationButtons({
  invitation,
  onWithdraw,
  onNewLink,
  busyId,
}: { invitation: InvitationRow } & Actions) {
  const t = useTranslations("settings.team");
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        disabled={busyId !== null}
        aria-label={t("invitations.newLinkFor", { email: invitation.email })}
        onClick={() => onNewLink(invitation)}
      >
        <Link2 aria-hidden />
        {t("invitations.newLink")}
      </Button>
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
    </>
  );
}
