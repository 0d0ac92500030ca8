import { latinDigits } from "./digits";

/**
 * Folds text for search, the same way on write (the stored search column) and on query:
 * lower-case; Arabic diacritics (tashkeel), superscript alef and tatweel removed; alef forms
 * (أ إ آ ٱ) -> ا; taa marbuta ة -> ه; alef maqsura ى -> ي; Arabic-Indic and Persian digits ->
 * Latin (migration 0016 folded the stored text of older products the same way); whitespace
 * collapsed.
 */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export function foldForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(TASHKEEL, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0649/g, "\u064A")
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, latinDigits)
    .replace(/\s+/g, " ")
    .trim();
}

/** Escapes LIKE wildcards so a customer's "50%" searches for the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
