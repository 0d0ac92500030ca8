import type { useTranslations } from "next-intl";
import { maxMajor } from "@/lib/money";

type FormTranslator = ReturnType<typeof useTranslations<"products.form">>;

/** The import report names CSV columns; the form and the API name fields. */
const CSV_COLUMN_FIELDS: Record<string, string> = {
  name_en: "name.en",
  name_ar: "name.ar",
  description_en: "description.en",
  description_ar: "description.ar",
};

export const fieldOfCsvColumn = (column: string) => CSV_COLUMN_FIELDS[column] ?? column;

/**
 * A product field's problem in the reader's language, from the API's (or zod's) code: the API
 * words its messages in English only. `price` says which currency when the caller knows it.
 */
export function productIssueText(
  t: FormTranslator,
  field: string,
  code: string,
  price?: { currency: string; decimals: number },
): string {
  if (code === "SKU_TAKEN") return t("errors.skuTaken");
  if (code === "duplicate_in_file") return t("errors.skuDuplicateInFile");
  if (code === "unreadable_row") return t("errors.rowUnreadable");
  if (code === "nul_character" || code === "lone_surrogate") return t("errors.unstorableText");
  if (field === "name.en" || field === "name.ar") {
    if (code === "required") return t("errors.nameRequired");
    if (code === "required_for_active")
      return field === "name.en" ? t("errors.nameEnForActive") : t("errors.nameArForActive");
    if (code === "too_big") return t("errors.tooLong", { max: 200 });
  }
  if (field.startsWith("description.") && code === "too_big")
    return t("errors.tooLong", { max: 5000 });
  if (field === "price") {
    if (code === "invalid_precision") {
      if (!price) return t("errors.priceTooPrecise");
      return price.decimals === 0
        ? t("errors.priceWhole", { currency: price.currency })
        : t("errors.priceDecimals", price);
    }
    if (code === "too_big")
      return price
        ? t("errors.priceTooBig", { max: maxMajor(price.currency), currency: price.currency })
        : t("errors.priceTooBigAny");
    if (code === "invalid_type" || code === "required") return t("errors.priceRequired");
    return t("errors.priceInvalid");
  }
  if (field === "currency") return t("errors.currencyInvalid");
  if (field === "sku")
    return code === "too_big" ? t("errors.tooLong", { max: 64 }) : t("errors.skuFormat");
  if (field === "category" && code === "too_big") return t("errors.tooLong", { max: 100 });
  if (field === "tags") return t("errors.tagsInvalid");
  if (field === "inventory") return t("errors.inventoryInvalid");
  return t("errors.invalid");
}
