import type { Locale } from "next-intl";

type Category = { name: string; names: { en: string; ar: string } | null };

/**
 * What people read for a category in `locale`: its name in that language, else in the other,
 * else the value products carry (docs/decisions/0004).
 */
export function categoryLabel(category: Category, locale: Locale): string {
  const other = locale === "ar" ? "en" : "ar";
  return category.names?.[locale] || category.names?.[other] || category.name;
}

/** A store's categories as choices: the value products carry, labelled for `locale`. */
export function categoryOptions(categories: Category[], locale: Locale) {
  return categories.map((category) => ({
    value: category.name,
    label: categoryLabel(category, locale),
  }));
}
