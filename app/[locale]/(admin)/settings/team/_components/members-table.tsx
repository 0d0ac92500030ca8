"use client";

import { UserCheck, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { ListTable } from "@/components/settings/list-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/data-table";
import { NativeSelect } from "@/components/ui/native-select";
import type { Role } from "@/lib/admin/next-auth";
import { cn } from "@/lib/cn";

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "deactivated";
  lastLogin: { iso: string; text: string } | null;
  isSelf: boolean;
  canChangeRole: boolean;
  canChangeStatus: boolean;
}

interface RowProps {
  /** Roles the signed-in user may give (only owners give "owner"). */
  assignableRoles: Role[];
  onRoleChange: (member: MemberRow, role: Role) => void;
  onStatusChange: (member: MemberRow) => void;
}

export function MembersTable({ members, ...rowProps }: { members: MemberRow[] } & RowProps) {
  const t = useTranslations("settings.team.members");
  return (
    <ListTable
      caption={t("caption", { count: members.length })}
      columns={[t("member"), t("role"), t("status"), t("lastLogin")]}
      actions={t("actions")}
    >
      {members.map((member) => (
        <MemberTableRow key={member.id} member={member} {...rowProps} />
      ))}
    </ListTable>
  );
}

function MemberTableRow({
  member,
  assignableRoles,
  onRoleChange,
  onStatusChange,
}: { member: MemberRow } & RowProps) {
  const t = useTranslations("settings.team");
  const tRoles = useTranslations("Roles");
  const active = member.status === "active";
  return (
    <tr className={active ? undefined : "text-muted-foreground"}>
      <Td>
        <div className="flex flex-col gap-0.5">
          <span className="flex flex-wrap items-center gap-2 font-medium">
            <bdi>{member.name}</bdi>
            {member.isSelf ? <Badge variant="secondary">{t("members.you")}</Badge> : null}
          </span>
          <bdi dir="ltr" className="text-xs break-all text-muted-foreground">
            {member.email}
          </bdi>
        </div>
      </Td>
      <Td>
        {member.canChangeRole ? (
          <NativeSelect
            aria-label={t("members.roleFor", { name: member.name })}
            value={member.role}
            onChange={(event) => onRoleChange(member, event.currentTarget.value as Role)}
            className="h-9 w-36"
          >
            {rolesFor(member.role, assignableRoles).map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <Badge variant="secondary">{tRoles(member.role)}</Badge>
        )}
      </Td>
      <Td>
        <MemberStatus status={member.status} />
      </Td>
      <Td>
        {member.lastLogin ? (
          <time dateTime={member.lastLogin.iso} className="whitespace-nowrap">
            {member.lastLogin.text}
          </time>
        ) : (
          <span className="text-muted-foreground">{t("members.never")}</span>
        )}
      </Td>
      <Td className="py-2 text-end">
        {member.canChangeStatus ? (
          <Button
            variant="ghost"
            size="sm"
            className={active ? "text-destructive hover:bg-destructive-soft" : undefined}
            aria-label={
              active
                ? t("status.deactivateFor", { name: member.name })
                : t("status.reactivateFor", { name: member.name })
            }
            onClick={() => onStatusChange(member)}
          >
            {active ? <UserX aria-hidden /> : <UserCheck aria-hidden />}
            {active ? t("status.deactivate") : t("status.reactivate")}
          </Button>
        ) : null}
      </Td>
    </tr>
  );
}

/** The roles a select offers: the assignable ones, plus the current one so it always shows. */
function rolesFor(current: Role, assignable: Role[]): Role[] {
  const all: Role[] = ["owner", "admin", "staff", "viewer"];
  return all.filter((role) => role === current || assignable.includes(role));
}

function MemberStatus({ status }: { status: MemberRow["status"] }) {
  const t = useTranslations("settings.team.memberStatus");
  return (
    <Badge variant={status === "active" ? "default" : "secondary"}>
      <span
        aria-hidden
        className={cn(
          "size-1.5 rounded-full",
          status === "active" ? "bg-primary" : "bg-muted-foreground",
        )}
      />
      {t(status)}
    </Badge>
  );
}
