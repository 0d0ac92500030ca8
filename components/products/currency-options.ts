import { COMMON_CURRENCIES } from "@/lib/money";

/**
 * The currency select's options, named in the page's language. Built on the server and passed
 * down, so the browser hydrates the same labels whatever its own ICU data says.
 */
export function currencyOptions(
  locale: string,
  ...first: (string | undefined)[]
): { code: string; label: string }[] {
  const names = new Intl.DisplayNames(locale, { type: "currency" });
  const codes = [
    ...new Set([...first.filter((c): c is string => Boolean(c)), ...COMMON_CURRENCIES]),
  ];
  return codes.map((code) => {
    const name = names.of(code);
    return { code, label: name && name !== code ? `${name} (${code})` : code };
  });
}
