import { z } from "zod";

/**
 * What every piece of client input must be for PostgreSQL to store it (docs/api.md, "Text
 * rules"): text without NUL and with no lone UTF-16 surrogate, dates within years 1 to 9999.
 * Used by the Store API (middleware and contracts) and by the admin's URL state alike, so plain
 * zod: `@hono/zod-openapi` must not reach the browser (`.meta` still feeds the OpenAPI document).
 */
export type TextProblem = "nul_character" | "lone_surrogate";

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  nul_character: "Must not contain the NUL character (U+0000)",
  lone_surrogate: "Must be valid Unicode (it holds a lone UTF-16 surrogate)",
};

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only lone halves.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL cannot store `text` as text or jsonb, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  if (text.includes("\u0000")) return "nul_character";
  if (LONE_SURROGATE.test(text)) return "lone_surrogate";
  return null;
}

/** `text` with each character textProblem objects to replaced by U+FFFD. */
export const toStorableText = (text: string) => text.replace(/[\p{Cs}\u0000]/gu, "\uFFFD");

const ERA_MESSAGE = "Must be a date in the years 1 to 9999";
const MIN_INSTANT = new Date("0001-01-01T00:00:00Z").getTime();
const MAX_INSTANT = new Date("9999-12-31T23:59:59.999Z").getTime();

/** A calendar date, YYYY-MM-DD, in the years 1 to 9999 (zod's check alone lets 0000 through). */
export const IsoDate = z.iso
  .date()
  .refine((value) => !value.startsWith("0000"), ERA_MESSAGE)
  .meta({ example: "2026-01-31", description: "YYYY-MM-DD, years 1 to 9999" });

/** An instant with a time zone offset, within years 1 to 9999 in UTC (what a timestamp holds). */
export const IsoDateTime = z.iso.datetime({ offset: true }).refine((value) => {
  const instant = new Date(value).getTime();
  return instant >= MIN_INSTANT && instant <= MAX_INSTANT;
}, "Must be an instant in the years 1 to 9999 (UTC)");

/** `date` (YYYY-MM-DD) when IsoDate accepts it, else "". */
export function isoDateOrEmpty(date: string): string {
  return IsoDate.safeParse(date).success ? date : "";
}
