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
  const caption = t("caption", { count: members.length });
  return (
    <>
      <div className="hidden sm:block">
        <ListTable
          caption={caption}
          columns={[t("member"), t("role"), t("status"), t("lastLogin")]}
          actions={t("actions")}
        >
          {members.map((member) => (
            <MemberTableRow key={member.id} member={member} {...rowProps} />
          ))}
        </ListTable>
      </div>
      {/* Phones get cards: five columns do not fit side by side there (as the orders list). */}
      <ul
        aria-label={caption}
        className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-sm sm:hidden"
      >
        {members.map((member) => (
          <MemberCard key={member.id} member={member} {...rowProps} />
        ))}
      </ul>
    </>
  );
}

function MemberTableRow({ member, ...props }: { member: MemberRow } & RowProps) {
  const active = member.status === "active";
  return (
    <tr className={active ? undefined : "text-muted-foreground"}>
      <Td>
        <MemberIdentity member={member} />
      </Td>
      <Td>
        <RoleControl member={member} {...props} />
      </Td>
      <Td>
        <MemberStatus status={member.status} />
      </Td>
      <Td>
        <LastLogin member={member} />
      </Td>
      <Td className="py-2 text-end">
        <StatusButton member={member} {...props} />
      </Td>
    </tr>
  );
}

function MemberCard({ member, ...props }: { member: MemberRow } & RowProps) {
  const t = useTranslations("settings.team");
  const active = member.status === "active";
  return (
    <li className={cn("flex flex-col gap-3 p-4", active ? undefined : "text-muted-foreground")}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <MemberIdentity member={member} />
        </div>
        <MemberStatus status={member.status} />
      </div>
      <p className="text-xs text-muted-foreground">
        {t("members.lastLogin")}: <LastLogin member={member} />
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RoleControl member={member} {...props} />
        <StatusButton member={member} {...props} />
      </div>
    </li>
  );
}

function MemberIdentity({ member }: { member: MemberRow }) {
  const t = useTranslations("settings.team.members");
  return (
    <div className="flex flex-col gap-0.5">
      <span className="flex flex-wrap items-center gap-2 font-medium">
        <bdi>{member.name}</bdi>
        {member.isSelf ? <Badge variant="secondary">{t("you")}</Badge> : null}
      </span>
      <bdi dir="ltr" className="text-xs break-all text-muted-foreground">
        {member.email}
      </bdi>
    </div>
  );
}

function RoleControl({
  member,
  assignableRoles,
  onRoleChange,
}: { member: MemberRow } & Omit<RowProps, "onStatusChange">) {
  const t = useTranslations("settings.team.members");
  const tRoles = useTranslations("Roles");
  if (!member.canChangeRole) return <Badge variant="secondary">{tRoles(member.role)}</Badge>;
  return (
    <NativeSelect
      aria-label={t("roleFor", { name: member.name })}
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
  );
}

function LastLogin({ member }: { member: MemberRow }) {
  const t = useTranslations("settings.team.members");
  return member.lastLogin ? (
    <time dateTime={member.lastLogin.iso} className="whitespace-nowrap">
      {member.lastLogin.text}
    </time>
  ) : (
    <span className="text-muted-foreground">{t("never")}</span>
  );
}

function StatusButton({
  member,
  onStatusChange,
}: { member: MemberRow } & Pick<RowProps, "onStatusChange">) {
  const t = useTranslations("settings.team.status");
  if (!member.canChangeStatus) return null;
  const active = member.status === "active";
  return (
    <Button
      variant="ghost"
      size="sm"
      className={active ? "text-destructive hover:bg-destructive-soft" : undefined}
      aria-label={
        active
          ? t("deactivateFor", { name: member.name })
          : t("reactivateFor", { name: member.name })
      }
      onClick={() => onStatusChange(member)}
    >
      {active ? <UserX aria-hidden /> : <UserCheck aria-hidden />}
      {active ? t("deactivate") : t("reactivate")}
    </Button>
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
