import type { z } from "zod";
import { StoreApiError, StoreConnectionError } from "@/lib/sdk";

/**
 * What every server action returns (built by lib/admin/safe-action.ts): data, or an error and
 * per-field errors. Issues carry the API's code, so the client can word them in the page's
 * language, and its English message as a fallback.
 */
export interface ActionIssue {
  code: string;
  message: string;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: ActionIssue; fieldErrors: Record<string, ActionIssue> };

/** The failed half of an ActionResult (next-safe-action's server error and validation shape). */
export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(
  code: string,
  message: string,
  fieldErrors: Record<string, ActionIssue> = {},
): ActionFailure {
  return { ok: false, error: { code, message }, fieldErrors };
}

/** A zod failure as field errors keyed by dotted path (`name.ar`), like the API's 422. */
export function fromZodError(error: z.ZodError) {
  const fieldErrors: Record<string, ActionIssue> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    fieldErrors[field] ??= { code: issue.code, message: issue.message };
  }
  return fail("VALIDATION_ERROR", "The form has invalid fields", fieldErrors);
}

/**
 * An SDK error as a failed result. Anything else (including Next's redirect and notFound, which
 * are thrown) is rethrown, so it still does its job.
 */
export function fromApiError(error: unknown) {
  if (error instanceof StoreApiError) {
    const fieldErrors: Record<string, ActionIssue> = {};
    for (const e of error.errors) fieldErrors[e.field] ??= { code: e.code, message: e.message };
    return fail(error.code, error.detail, fieldErrors);
  }
  if (error instanceof StoreConnectionError) return fail("UNAVAILABLE", error.message);
  throw error;
}
