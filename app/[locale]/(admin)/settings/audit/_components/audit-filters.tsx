import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterField, FilterForm } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import { ACTION_PREFIXES, ACTOR_TYPES, type AuditListState } from "../search-params";

/** The log's filters: action group, actor type and a date range in the store's time zone. */
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
    <FilterForm
      action={`/${locale}/settings/audit`}
      label={t("filters.label")}
      applyLabel={t("filters.apply")}
      clear={filtered ? { href: "/settings/audit", label: t("filters.clear") } : null}
      note={t("filters.timeZoneNote", { zone: timeZone })}
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
      <DateRangeFields
        idPrefix="audit"
        state={state}
        labels={{ from: t("filters.from"), to: t("filters.to") }}
      />
    </FilterForm>
  );
}
