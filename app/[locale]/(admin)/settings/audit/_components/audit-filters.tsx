import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Link } from "@/lib/admin/i18n/navigation";
import { ACTION_PREFIXES, ACTOR_TYPES, type AuditListState } from "../search-params";

/** The log's filters as a plain GET form: it works before, and without, any JavaScript. */
export async function AuditFilters({
  locale,
  state,
  filtered,
  timeZone,
}: {
  locale: Locale;
  state: AuditListState;
  filtered: boolean;
  timeZone: string;
}) {
  const t = await getTranslations({ locale, namespace: "settings.audit" });
  return (
    <form
      method="get"
      action={`/${locale}/settings/audit`}
      aria-label={t("filters.label")}
      className="grid gap-4 rounded-xl border border-border bg-card p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <FilterField label={t("filters.action")} htmlFor="audit-action">
        <NativeSelect id="audit-action" name="action" defaultValue={state.action ?? ""}>
          <option value="">{t("filters.allActions")}</option>
          {ACTION_PREFIXES.map((prefix) => (
            <option key={prefix} value={prefix}>
              {t(`prefixes.${prefix.slice(0, -1) as "auth"}`)}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField label={t("filters.actorType")} htmlFor="audit-actor">
        <NativeSelect id="audit-actor" name="actor" defaultValue={state.actorType ?? ""}>
          <option value="">{t("filters.allActors")}</option>
          {ACTOR_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`actorTypes.${type}`)}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField label={t("filters.from")} htmlFor="audit-from">
        <Input id="audit-from" name="from" type="date" defaultValue={state.from} />
      </FilterField>
      <FilterField label={t("filters.to")} htmlFor="audit-to">
        <Input id="audit-to" name="to" type="date" defaultValue={state.to} />
      </FilterField>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">{t("filters.apply")}</Button>
        {filtered ? (
          <Link href="/settings/audit" className={buttonVariants({ variant: "ghost" })}>
            {t("filters.clear")}
          </Link>
        ) : null}
      </div>
      <p className="text-xs text-muted-foreground sm:col-span-2 lg:col-span-5">
        {t("filters.timeZoneNote", { zone: timeZone })}
      </p>
    </form>
  );
}

function FilterField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}
