/** True when err (or its cause, as Drizzle wraps driver errors) is a unique violation of `constraint`. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (
      code === "23505" &&
      (name === constraint || String((e as Error).message).includes(constraint))
    )
      return true;
  }
  return false;
}
