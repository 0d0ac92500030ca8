"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  CircleAlert,
  CircleCheck,
  KeyRound,
  Loader2,
  Plus,
  RefreshCw,
  ShieldAlert,
  Trash2,
  TriangleAlert,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { EmptyState, SectionHeader } from "@/components/settings/parts";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { useErrorText } from "@/components/settings/use-error-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionIssue } from "@/lib/action-result";
import type { Scope } from "@/lib/auth/permissions";
import type { ApiKey } from "@/lib/sdk";
import { cn } from "@/lib/cn";
import { createApiKey, revokeApiKey, rollApiKey, type IssuedKey } from "./actions";

interface When {
  iso: string;
  date: string;
  time: string;
}

/** One key as the table shows it, dates already formatted by the server. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: Scope[];
  createdBy: string | null;
  created: When;
  lastUsed: When | null;
  expires: When | null;
  status: ApiKey["status"];
}

interface ApiKeysClientProps {
  rows: ApiKeyRow[];
  /** Scopes the signed-in role may put on a key. */
  grantable: Scope[];
  /** Today in the store's time zone (YYYY-MM-DD): the earliest expiry date. */
  today: string;
}

type Notice = { tone: "success" | "error"; text: string } | null;

export function ApiKeysClient({ rows, grantable, today }: ApiKeysClientProps) {
  const t = useTranslations("settings.apiKeys");
  const errorText = useErrorText();
  const [creating, setCreating] = useState(false);
  const [rolling, setRolling] = useState<ApiKeyRow | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [secret, setSecret] = useState<{ key: IssuedKey; rolled: GraceKey | null } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden />
      {t("create")}
    </Button>
  );

  return (
    <section className="flex flex-col gap-5" aria-labelledby="api-keys-title">
      <SectionHeader id="api-keys-title" title={t("title")} description={t("description")}>
        {rows.length > 0 ? createButton : null}
      </SectionHeader>

      {notice ? (
        <Alert variant={notice.tone === "success" ? "success" : "destructive"} role="status">
          {notice.tone === "success" ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
          <AlertDescription>{notice.text}</AlertDescription>
        </Alert>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title={t("empty.title")}
          description={t("empty.description")}
        >
          {createButton}
        </EmptyState>
      ) : (
        <KeysTable
          rows={rows}
          onRoll={(row) => {
            setNotice(null);
            setRolling(row);
          }}
          onRevoke={(row) => {
            setNotice(null);
            setRevoking(row);
          }}
        />
      )}

      <CreateKeyDialog
        open={creating}
        grantable={grantable}
        today={today}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setSecret({ key, rolled: null });
        }}
      />
      <RollKeyDialog
        row={rolling}
        onClose={() => setRolling(null)}
        onRolled={(key, grace) => {
          setRolling(null);
          setSecret({ key, rolled: grace });
        }}
      />
      <RevokeKeyDialog
        row={revoking}
        onClose={() => setRevoking(null)}
        onDone={(row, error) => {
          setRevoking(null);
          setNotice(
            error
              ? { tone: "error", text: errorText(error) }
              : { tone: "success", text: t("revoke.done", { name: row.name }) },
          );
        }}
      />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </section>
  );
}

const STATUS_STYLES: Record<ApiKey["status"], { className: string; dot: string }> = {
  active: { className: "", dot: "bg-primary" },
  expiring: { className: "border-border bg-card text-foreground", dot: "bg-amber-500" },
  expired: { className: "border-transparent bg-muted text-muted-foreground", dot: "bg-input" },
  revoked: {
    className: "border-transparent bg-destructive-soft text-destructive-soft-foreground",
    dot: "bg-destructive",
  },
};

function KeyStatus({ status }: { status: ApiKey["status"] }) {
  const t = useTranslations("settings.apiKeys.status");
  const style = STATUS_STYLES[status];
  return (
    <Badge className={style.className}>
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {t(status)}
    </Badge>
  );
}

/** A date over its time, so the table stays narrow enough for a laptop screen. */
function DateCell({ when, empty }: { when: When | null; empty: string }) {
  return when ? (
    <time dateTime={when.iso} className="flex flex-col whitespace-nowrap">
      <span>{when.date}</span>
      <span className="text-xs text-muted-foreground">{when.time}</span>
    </time>
  ) : (
    <span className="text-muted-foreground">{empty}</span>
  );
}

function KeysTable({
  rows,
  onRoll,
  onRevoke,
}: {
  rows: ApiKeyRow[];
  onRoll: (row: ApiKeyRow) => void;
  onRevoke: (row: ApiKeyRow) => void;
}) {
  const t = useTranslations("settings.apiKeys");
  return (
    <DataTable caption={t("table.caption", { count: rows.length })} minWidth="min-w-[50rem]">
      <THead>
        <tr>
          <Th>{t("table.name")}</Th>
          <Th>{t("table.scopes")}</Th>
          <Th>{t("table.created")}</Th>
          <Th>{t("table.lastUsed")}</Th>
          <Th>{t("table.expires")}</Th>
          <Th>{t("table.status")}</Th>
          <Th className="text-end">
            <span className="sr-only">{t("table.actions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => {
          const live = row.status === "active" || row.status === "expiring";
          return (
            <tr key={row.id} className={live ? undefined : "text-muted-foreground"}>
              <Td className="min-w-36">
                <div className="flex flex-col gap-1">
                  <bdi className="font-medium">{row.name}</bdi>
                  {/* The key itself is never shown again: its prefix and last four identify it. */}
                  <code
                    dir="ltr"
                    className="self-start font-mono text-xs whitespace-nowrap text-muted-foreground"
                  >
                    {row.prefix}…{row.last4}
                  </code>
                </div>
              </Td>
              <Td>
                <ul className="flex w-40 flex-wrap gap-1" aria-label={t("table.scopes")}>
                  {row.scopes.map((scope) => (
                    <li key={scope}>
                      <Badge variant="outline" className="font-mono">
                        <bdi dir="ltr">{scope}</bdi>
                      </Badge>
                    </li>
                  ))}
                </ul>
              </Td>
              <Td>
                <div className="flex flex-col gap-0.5">
                  <time dateTime={row.created.iso} className="whitespace-nowrap">
                    {row.created.date}
                  </time>
                  <span className="text-xs text-muted-foreground">
                    {row.createdBy ? t("table.by", { name: row.createdBy }) : t("table.byUnknown")}
                  </span>
                </div>
              </Td>
              <Td>
                <DateCell when={row.lastUsed} empty={t("table.never")} />
              </Td>
              <Td>
                <DateCell when={row.expires} empty={t("table.noExpiry")} />
              </Td>
              <Td>
                <KeyStatus status={row.status} />
              </Td>
              <Td className="py-2">
                <div className="flex items-center justify-end gap-1">
                  {row.status === "active" ? (
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-9"
                      onClick={() => onRoll(row)}
                      aria-label={t("roll.buttonFor", { name: row.name })}
                      title={t("roll.button")}
                    >
                      <RefreshCw aria-hidden />
                    </Button>
                  ) : null}
                  {live ? (
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-9 text-destructive hover:bg-destructive-soft"
                      onClick={() => onRevoke(row)}
                      aria-label={t("revoke.buttonFor", { name: row.name })}
                      title={t("revoke.button")}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  ) : null}
                </div>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </DataTable>
  );
}

/** Scopes grouped by resource, in the order the API lists them: [resource, read, write?]. */
const RESOURCES = [
  ["products", "products:read", "products:write"],
  ["orders", "orders:read", "orders:write"],
  ["payments", "payments:read", "payments:write"],
  ["analytics", "analytics:read", null],
  ["webhooks", "webhooks:read", "webhooks:write"],
  ["apps", "apps:read", null],
] as const satisfies readonly (readonly [string, Scope, Scope | null])[];

function CreateKeyDialog({
  open,
  grantable,
  today,
  onClose,
  onCreated,
}: {
  open: boolean;
  grantable: Scope[];
  today: string;
  onClose: () => void;
  onCreated: (key: IssuedKey) => void;
}) {
  const t = useTranslations("settings.apiKeys.createDialog");
  const tResource = useTranslations("settings.apiKeys.resources");
  const locale = useLocale();
  const errorText = useErrorText();
  const id = useId();
  const [error, setError] = useState<ActionIssue | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t("nameRequired")).max(100, t("nameTooLong")),
        scopes: z.array(z.string()).min(1, t("scopesRequired")),
        expiresOn: z.string().refine((value) => value === "" || value >= today, t("expiryInPast")),
      }),
    [t, today],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { name: "", scopes: [] as string[], expiresOn: "" },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const scopes = useWatch({ control: form.control, name: "scopes" });

  function toggle(scope: Scope, checked: boolean, implied?: Scope) {
    const next = new Set(scopes);
    if (checked) {
      next.add(scope);
      if (implied) next.add(implied);
    } else next.delete(scope);
    form.setValue("scopes", [...next], { shouldValidate: isSubmitted });
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createApiKey(locale, {
      name: values.name,
      scopes: values.scopes,
      expiresOn: values.expiresOn || undefined,
    });
    if (result.ok) {
      form.reset();
      onCreated(result.data);
      return;
    }
    const fieldError = result.fieldErrors.expiresOn ?? result.fieldErrors.name;
    if (result.fieldErrors.expiresOn) form.setError("expiresOn", { message: t("expiryInPast") });
    else if (result.fieldErrors.name) form.setError("name", { message: t("nameRequired") });
    if (!fieldError) setError(result.error);
  });

  const describedBy = (name: keyof typeof errors, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: keyof typeof errors) =>
    errors[name]?.message ? (
      <p id={`${id}-${name}-error`} className="text-sm text-destructive">
        {errors[name]?.message}
      </p>
    ) : null;

  return (
    <Dialog
      open={open}
      onClose={() => {
        form.reset();
        setError(null);
        onClose();
      }}
      busy={isSubmitting}
      icon={<KeyRound />}
      title={t("title")}
      description={t("description")}
      size="lg"
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={isSubmitting}>
        {error ? (
          <Alert variant="destructive" role="alert">
            <CircleAlert aria-hidden />
            <AlertTitle>{t("errorTitle")}</AlertTitle>
            <AlertDescription>{errorText(error)}</AlertDescription>
          </Alert>
        ) : null}

        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-name`}>{t("name")}</Label>
          <Input
            id={`${id}-name`}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name", `${id}-name-hint`)}
            {...form.register("name")}
          />
          <p id={`${id}-name-hint`} className="text-xs text-muted-foreground">
            {t("nameHint")}
          </p>
          {fieldError("name")}
        </div>

        <fieldset
          className="flex flex-col gap-2"
          aria-describedby={errors.scopes ? `${id}-scopes-error` : `${id}-scopes-hint`}
        >
          <legend className="mb-2 text-sm leading-none font-medium">{t("scopes")}</legend>
          <p id={`${id}-scopes-hint`} className="text-xs text-muted-foreground">
            {t("scopesHint")}
          </p>
          <div className="divide-y divide-border rounded-lg border border-border">
            {RESOURCES.map(([resource, read, write]) => {
              const writeOn = write !== null && scopes.includes(write);
              const readOn = scopes.includes(read) || writeOn;
              return (
                <fieldset
                  key={resource}
                  className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2.5"
                >
                  <legend className="sr-only">{tResource(resource)}</legend>
                  <span aria-hidden className="text-sm font-medium">
                    {tResource(resource)}
                  </span>
                  <div className="flex items-center gap-5">
                    <ScopeCheckbox
                      label={t("read")}
                      checked={readOn}
                      disabled={writeOn || !grantable.includes(read)}
                      title={writeOn ? t("readIncluded") : undefined}
                      onChange={(checked) => toggle(read, checked)}
                    />
                    {write ? (
                      <ScopeCheckbox
                        label={t("write")}
                        checked={writeOn}
                        disabled={!grantable.includes(write)}
                        onChange={(checked) => toggle(write, checked, read)}
                      />
                    ) : (
                      <span className="min-w-16" aria-hidden />
                    )}
                  </div>
                </fieldset>
              );
            })}
          </div>
          {errors.scopes?.message ? (
            <p id={`${id}-scopes-error`} className="text-sm text-destructive">
              {errors.scopes.message}
            </p>
          ) : null}
        </fieldset>

        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-expiresOn`}>{t("expiresOn")}</Label>
          <Input
            id={`${id}-expiresOn`}
            type="date"
            min={today}
            className="w-full sm:w-56"
            aria-invalid={errors.expiresOn ? true : undefined}
            aria-describedby={describedBy("expiresOn", `${id}-expiresOn-hint`)}
            {...form.register("expiresOn")}
          />
          <p id={`${id}-expiresOn-hint`} className="text-xs text-muted-foreground">
            {t("expiresOnHint")}
          </p>
          {fieldError("expiresOn")}
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
            {isSubmitting ? <Loader2 aria-hidden className="animate-spin" /> : <Plus aria-hidden />}
            {isSubmitting ? t("submitting") : t("submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function ScopeCheckbox({
  label,
  checked,
  disabled,
  title,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled: boolean;
  title?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label
      title={title}
      className={cn(
        "flex min-w-16 items-center gap-2 text-sm",
        disabled ? "text-muted-foreground" : "cursor-pointer",
      )}
    >
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
        className="size-4 accent-primary"
      />
      {label}
    </label>
  );
}

const GRACE_OPTIONS = [
  { hours: 0, key: "now" },
  { hours: 1, key: "hour" },
  { hours: 24, key: "day" },
  { hours: 168, key: "week" },
] as const;

type GraceKey = (typeof GRACE_OPTIONS)[number]["key"];

function RollKeyDialog({
  row,
  onClose,
  onRolled,
}: {
  row: ApiKeyRow | null;
  onClose: () => void;
  onRolled: (key: IssuedKey, grace: GraceKey) => void;
}) {
  const t = useTranslations("settings.apiKeys.roll");
  const locale = useLocale();
  const errorText = useErrorText();
  const id = useId();
  const [grace, setGrace] = useState(24);
  const [error, setError] = useState<ActionIssue | null>(null);
  const [pending, startTransition] = useTransition();

  function roll() {
    if (!row) return;
    setError(null);
    startTransition(async () => {
      const result = await rollApiKey(locale, row.id, { graceHours: grace });
      if (result.ok) {
        setGrace(24);
        onRolled(result.data, GRACE_OPTIONS.find((o) => o.hours === grace)?.key ?? "day");
      } else setError(result.error);
    });
  }

  return (
    <Dialog
      open={row !== null}
      onClose={() => {
        setError(null);
        setGrace(24);
        onClose();
      }}
      busy={pending}
      icon={<RefreshCw />}
      title={t("title", { name: row?.name ?? "" })}
      description={t("description")}
    >
      {error ? (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden />
          <AlertDescription>{errorText(error)}</AlertDescription>
        </Alert>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm leading-none font-medium">{t("graceLabel")}</legend>
        {GRACE_OPTIONS.map((option) => (
          <label
            key={option.key}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm transition-colors",
              grace === option.hours
                ? "border-primary bg-primary-soft"
                : "border-border hover:bg-muted",
            )}
          >
            <input
              type="radio"
              name={`${id}-grace`}
              value={option.hours}
              checked={grace === option.hours}
              onChange={() => setGrace(option.hours)}
              className="mt-0.5 size-4 accent-primary"
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-medium">{t(`grace.${option.key}.label`)}</span>
              <span className="text-muted-foreground">{t(`grace.${option.key}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <DialogActions>
        <Button
          variant="outline"
          disabled={pending}
          onClick={(event) => event.currentTarget.closest("dialog")?.close()}
        >
          {t("cancel")}
        </Button>
        <Button disabled={pending} onClick={roll}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <RefreshCw aria-hidden />}
          {pending ? t("submitting") : t("submit")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function RevokeKeyDialog({
  row,
  onClose,
  onDone,
}: {
  row: ApiKeyRow | null;
  onClose: () => void;
  onDone: (row: ApiKeyRow, error: ActionIssue | null) => void;
}) {
  const t = useTranslations("settings.apiKeys.revoke");
  const locale = useLocale();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    if (!row) return;
    startTransition(async () => {
      const result = await revokeApiKey(locale, row.id);
      onDone(row, result.ok ? null : result.error);
    });
  }

  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      busy={pending}
      role="alertdialog"
      tone="destructive"
      icon={<ShieldAlert />}
      initialFocus={cancelRef}
      title={t("title", { name: row?.name ?? "" })}
      description={t("description")}
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
        <Button variant="destructive" disabled={pending} onClick={revoke}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Trash2 aria-hidden />}
          {pending ? t("submitting") : t("confirm")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Shows a new key once: it is never readable again, so closing needs the explicit button. */
function SecretDialog({
  secret,
  onClose,
}: {
  secret: { key: IssuedKey; rolled: GraceKey | null } | null;
  onClose: () => void;
}) {
  const t = useTranslations("settings.apiKeys.secret");
  const rolled = secret?.rolled;
  return (
    <Dialog
      open={secret !== null}
      onClose={onClose}
      busy
      icon={<KeyRound />}
      title={t("title")}
      description={t("description", { name: secret?.key.name ?? "" })}
      size="lg"
    >
      <Alert>
        <TriangleAlert aria-hidden className="text-amber-600" />
        <AlertTitle>{t("warningTitle")}</AlertTitle>
        <AlertDescription>{t("warning")}</AlertDescription>
      </Alert>
      {secret ? <CopyField label={t("label")} value={secret.key.key} /> : null}
      {rolled ? <p className="text-sm text-muted-foreground">{t(`rolled.${rolled}`)}</p> : null}
      <DialogActions>
        <Button onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
          {t("done")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
