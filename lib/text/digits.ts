/**
 * What Arabic and Persian keyboards type where a number or a code is asked for: Arabic-Indic
 * (٠١٢٣٤٥٦٧٨٩) and Persian (۰۱۲۳۴۵۶۷۸۹) digits, the Arabic decimal sign (٫) and thousands sign
 * (٬). The admin's forms and the API's search read them as Latin digits (docs/arabic-input.md);
 * what people read is formatted by lib/admin/format instead.
 */
const ARABIC_INDIC = 0x0660;
const PERSIAN = 0x06f0;

/** "ORD-١٢٣" -> "ORD-123"; everything else unchanged. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= PERSIAN ? PERSIAN : ARABIC_INDIC));
  });
}

/**
 * A typed decimal number as the API reads it: Latin digits, the Arabic decimal sign or an Arabic
 * comma as ".", the Arabic thousands sign dropped, spaces trimmed ("١٬٢٣٤٫٥٠" -> "1234.50").
 */
export function decimalText(text: string): string {
  return latinDigits(text.trim())
    .replace(/[\u066b\u060c]/g, ".")
    .replace(/\u066c/g, "");
}
