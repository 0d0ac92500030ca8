/** The codes every admin area words the same way, and the Common.errors key for each. */
export const SHARED_ERROR_KEYS = {
  INSUFFICIENT_PERMISSION: "permission",
  VALIDATION_ERROR: "validation",
  RATE_LIMIT_EXCEEDED: "busy",
  UNAVAILABLE: "unavailable",
} as const;

export type SharedErrorKey =
  (typeof SHARED_ERROR_KEYS)[keyof typeof SHARED_ERROR_KEYS] | "sessionExpired" | "generic";

/** An area's own wording by error code; it wins over the shared wording for the same code. */
export type ErrorExtras = Readonly<Partial<Record<string, string>>>;

/**
 * Picks the words for a failed action's code: the area's extra for that code, else the shared
 * text, else "session expired" for any AUTH* code, else the generic sentence.
 */
export function errorTextFor(
  code: string,
  shared: (key: SharedErrorKey) => string,
  extras: ErrorExtras = {},
): string {
  const extra = Object.hasOwn(extras, code) ? extras[code] : undefined;
  if (extra !== undefined) return extra;
  if (Object.hasOwn(SHARED_ERROR_KEYS, code)) {
    return shared(SHARED_ERROR_KEYS[code as keyof typeof SHARED_ERROR_KEYS]);
  }
  return code.startsWith("AUTH") ? shared("sessionExpired") : shared("generic");
}
