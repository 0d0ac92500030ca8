"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  CircleAlert,
  CircleCheck,
  Loader2,
  MailPlus,
  UserCheck,
  UserPlus,
  UserX,
  Users,
  X,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SectionHeader } from "@/components/settings/parts";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { useErrorText } from "@/components/settings/use-error-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionIssue } from "@/lib/action-result";
import type { Role } from "@/lib/admin/next-auth";
import { cn } from "@/lib/cn";
import { inviteMember, revokeInvitation, updateMember, type CreatedInvitation } from "./actions";

interface When {
  iso: string;
  text: string;
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "deactivated";
  lastLogin: When | null;
  isSelf: boolean;
  canChangeRole: boolean;
  canChangeStatus: boolean;
}

export interface InvitationRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  invitedBy: string | null;
  expires: When;
}

interface TeamClientProps {
  members: MemberRow[];
  invitations: InvitationRow[];
  /** Roles the signed-in user may give (only owners give "owner"). */
  assignableRoles: Role[];
}

type Notice = { tone: "success" | "error"; text: string } | null;

export function TeamClient({ members, invitations, assignableRoles }: TeamClientProps) {
  const t = useTranslations("settings.team");
  const tRoles = useTranslations("Roles");
  const locale = useLocale();
  const errorText = useErrorText();
  const [notice, setNotice] = useState<Notice>(null);
  const [inviting, setInviting] = useState(false);
  const [statusTarget, setStatusTarget] = useState<MemberRow | null>(null);
  const [withdrawing, setWithdrawing] = useState<InvitationRow | null>(null);
  const [, startTransition] = useTransition();
  // The new role shows at once; if the API refuses, the server's value comes back.
  const [shown, setRole] = useOptimistic(members, (rows, change: { id: string; role: Role }) =>
    rows.map((row) => (row.id === change.id ? { ...row, role: change.role } : row)),
  );

  function changeRole(member: MemberRow, role: Role) {
    setNotice(null);
    startTransition(async () => {
      setRole({ id: member.id, role });
      const result = await updateMember(locale, member.id, { role });
      setNotice(
        result.ok
          ? {
              tone: "success",
              text: t("members.roleChanged", { name: member.name, role: tRoles(role) }),
            }
          : { tone: "error", text: errorText(result.error) },
      );
    });
  }

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

        <div aria-live="polite">
          {notice ? (
            <Alert variant={notice.tone === "success" ? "success" : "destructive"}>
              {notice.tone === "success" ? (
                <CircleCheck aria-hidden />
              ) : (
                <CircleAlert aria-hidden />
              )}
              <AlertDescription>{notice.text}</AlertDescription>
            </Alert>
          ) : null}
        </div>

        <DataTable caption={t("members.caption", { count: shown.length })}>
          <THead>
            <tr>
              <Th>{t("members.member")}</Th>
              <Th>{t("members.role")}</Th>
              <Th>{t("members.status")}</Th>
              <Th>{t("members.lastLogin")}</Th>
              <Th className="text-end">
                <span className="sr-only">{t("members.actions")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {shown.map((member) => (
              <tr
                key={member.id}
                className={member.status === "deactivated" ? "text-muted-foreground" : undefined}
              >
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
                      onChange={(event) => changeRole(member, event.currentTarget.value as Role)}
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
                      className={
                        member.status === "active"
                          ? "text-destructive hover:bg-destructive-soft"
                          : undefined
                      }
                      aria-label={
                        member.status === "active"
                          ? t("status.deactivateFor", { name: member.name })
                          : t("status.reactivateFor", { name: member.name })
                      }
                      onClick={() => {
                        setNotice(null);
                        setStatusTarget(member);
                      }}
                    >
                      {member.status === "active" ? (
                        <UserX aria-hidden />
                      ) : (
                        <UserCheck aria-hidden />
                      )}
                      {member.status === "active" ? t("status.deactivate") : t("status.reactivate")}
                    </Button>
                  ) : null}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      </section>

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
          <DataTable caption={t("invitations.caption", { count: invitations.length })}>
            <THead>
              <tr>
                <Th>{t("invitations.email")}</Th>
                <Th>{t("invitations.role")}</Th>
                <Th>{t("invitations.invitedBy")}</Th>
                <Th>{t("invitations.expires")}</Th>
                <Th className="text-end">
                  <span className="sr-only">{t("members.actions")}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
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
                      onClick={() => {
                        setNotice(null);
                        setWithdrawing(invitation);
                      }}
                    >
                      <X aria-hidden />
                      {t("withdraw.button")}
                    </Button>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        )}
      </section>

      <InviteDialog open={inviting} roles={assignableRoles} onClose={() => setInviting(false)} />
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

function InviteDialog({
  open,
  roles,
  onClose,
}: {
  open: boolean;
  roles: Role[];
  onClose: () => void;
}) {
  const t = useTranslations("settings.team.invite");
  const tRoles = useTranslations("Roles");
  const locale = useLocale();
  const errorText = useErrorText();
  const id = useId();
  const [error, setError] = useState<ActionIssue | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        email: z
          .string()
          .trim()
          .min(1, t("emailRequired"))
          .pipe(z.email(t("emailInvalid"))),
        role: z.enum(["owner", "admin", "staff", "viewer"]),
        name: z.string().trim().max(100, t("nameTooLong")),
      }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { email: "", role: "staff" as Role, name: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });

  function close() {
    form.reset();
    setError(null);
    setCreated(null);
    onClose();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await inviteMember(locale, { ...values, name: values.name || undefined });
    if (result.ok) {
      setCreated(result.data);
      return;
    }
    if (result.fieldErrors.email)
      form.setError("email", { message: errorText(result.fieldErrors.email) });
    else setError(result.error);
  });

  const describedBy = (name: keyof typeof errors) =>
    errors[name] ? `${id}-${name}-error` : undefined;
  const fieldError = (name: keyof typeof errors) =>
    errors[name]?.message ? (
      <p id={`${id}-${name}-error`} className="text-sm text-destructive">
        {errors[name]?.message}
      </p>
    ) : null;

  return (
    <Dialog
      open={open}
      onClose={close}
      busy={isSubmitting}
      icon={created ? <CircleCheck /> : <MailPlus />}
      title={created ? t("createdTitle") : t("title")}
      description={
        created
          ? t.rich("createdDescription", {
              email: created.email,
              b: (chunks) => (
                <bdi dir="ltr" className="font-medium text-foreground">
                  {chunks}
                </bdi>
              ),
            })
          : t("description")
      }
    >
      {created ? (
        <>
          <CopyField label={t("link")} value={created.acceptUrl} hint={t("linkHint")} />
          <DialogActions>
            <Button onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
              {t("done")}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form
          noValidate
          onSubmit={onSubmit}
          className="flex flex-col gap-5"
          aria-busy={isSubmitting}
        >
          {error ? (
            <Alert variant="destructive" role="alert">
              <CircleAlert aria-hidden />
              <AlertTitle>{t("errorTitle")}</AlertTitle>
              <AlertDescription>{errorText(error)}</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${id}-email`}>{t("email")}</Label>
            <Input
              id={`${id}-email`}
              type="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              dir="ltr"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy("email")}
              {...form.register("email")}
            />
            {fieldError("email")}
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${id}-role`}>{t("role")}</Label>
            <NativeSelect
              id={`${id}-role`}
              aria-describedby={`${id}-role-hint`}
              {...form.register("role")}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </NativeSelect>
            <p id={`${id}-role-hint`} className="text-xs text-muted-foreground">
              {t(`roleHints.${role}`)}
            </p>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${id}-name`}>{t("name")}</Label>
            <Input
              id={`${id}-name`}
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy("name")}
              {...form.register("name")}
            />
            {fieldError("name")}
          </div>
          <DialogActions>
            <Button
              variant="outline"
              disabled={isSubmitting}
              onClick={(event) => event.currentTarget.closest("dialog")?.close()}
            >
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? (
                <Loader2 aria-hidden className="animate-spin" />
              ) : (
                <MailPlus aria-hidden />
              )}
              {isSubmitting ? t("submitting") : t("submit")}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

function StatusDialog({
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();
  const deactivating = member?.status === "active";
  const name = member?.name ?? "";

  function confirm() {
    if (!member) return;
    startTransition(async () => {
      const result = await updateMember(locale, member.id, {
        status: deactivating ? "deactivated" : "active",
      });
      onDone(member, result.ok ? null : result.error);
    });
  }

  return (
    <Dialog
      open={member !== null}
      onClose={onClose}
      busy={pending}
      role={deactivating ? "alertdialog" : "dialog"}
      tone={deactivating ? "destructive" : "default"}
      icon={deactivating ? <UserX /> : <UserCheck />}
      initialFocus={cancelRef}
      title={deactivating ? t("deactivateTitle", { name }) : t("reactivateTitle", { name })}
      description={deactivating ? t("deactivateDescription") : t("reactivateDescription")}
    >
      <DialogActions>
        <Button
          ref={cancelRef}
          variant="outline"
          disabled={pending}
          onClick={(event) => event.currentTarget.closest("dialog")?.close()}
        >
          {t("cancel")}
        </Button>
        <Button
          variant={deactivating ? "destructive" : "default"}
          disabled={pending}
          onClick={confirm}
        >
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
          {deactivating ? t("deactivate") : t("reactivate")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function WithdrawDialog({
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    if (!invitation) return;
    startTransition(async () => {
      const result = await revokeInvitation(locale, invitation.id);
      onDone(invitation, result.ok ? null : result.error);
    });
  }

  return (
    <Dialog
      open={invitation !== null}
      onClose={onClose}
      busy={pending}
      role="alertdialog"
      tone="destructive"
      icon={<X />}
      initialFocus={cancelRef}
      title={t("title")}
      description={t.rich("description", {
        email: invitation?.email ?? "",
        b: (chunks) => (
          <bdi dir="ltr" className="font-medium text-foreground">
            {chunks}
          </bdi>
        ),
      })}
    >
      <DialogActions>
        <Button
          ref={cancelRef}
          variant="outline"
          disabled={pending}
          onClick={(event) => event.currentTarget.closest("dialog")?.close()}
        >
          {t("cancel")}
        </Button>
        <Button variant="destructive" disabled={pending} onClick={confirm}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <X aria-hidden />}
          {t("confirm")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
