/**
 * The one chain every server action goes through (docs/decisions/0012-next-safe-action.md):
 * session -> store -> parse -> body -> error mapping -> revalidation by tag. An action declares
 * its bound arguments, input schema and body; client components call it as an async function
 * and get the `ActionResult` of lib/admin/action-result.ts.
 */
import { updateTag } from "next/cache";
import { ActionBindArgsValidationError, createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import {
  fail,
  fromApiError,
  fromZodError,
  ok,
  type ActionFailure,
  type ActionResult,
} from "@/lib/admin/action-result";
import { requireStore } from "./session";

/**
 * What a mutation changes, named once. Pages read through the SDK uncached, so today a tag's
 * effect is that the browser drops its cached admin pages and renders the current one afresh.
 */
export const TAGS = [
  "products",
  "orders",
  "payments",
  "store",
  "team",
  "api-keys",
  "webhooks",
  "preferences",
  "apps",
  "developers",
] as const;

const Issue = z.object({ code: z.string(), message: z.string() });

const Metadata = z.object({
  /** The tag to invalidate after the body succeeds. */
  updates: z.enum(TAGS).optional(),
  /** The failure for a malformed id: it cannot name a record, so the record is not found. */
  notFound: Issue.optional(),
  /** API error codes shown next to a form field (`SKU_TAKEN` -> `sku`). */
  errorFields: z.record(z.string(), z.string()).optional(),
  /** The API's field names in the form's words: each renamed, or all in camelCase. */
  fieldNames: z.union([z.literal("camelCase"), z.record(z.string(), z.string())]).optional(),
});
type Metadata = z.infer<typeof Metadata>;

/** The API's field names as the form knows them (`items.0.product_id` -> `items.0.productId`). */
function renameFields(failure: ActionFailure, names: Metadata["fieldNames"]): ActionFailure {
  if (!names) return failure;
  const rename = (field: string) =>
    names === "camelCase"
      ? field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
      : (names[field] ?? field);
  const fieldErrors = Object.fromEntries(
    Object.entries(failure.fieldErrors).map(([field, issue]) => [rename(field), issue]),
  );
  return { ...failure, fieldErrors };
}

/** An SDK error (or a malformed bound argument) as the form's failure; anything else rethrows. */
function toFailure(error: Error, metadata: Metadata | undefined): ActionFailure {
  if (error instanceof ActionBindArgsValidationError) {
    const { code, message } = metadata?.notFound ?? { code: "NOT_FOUND", message: "Not found" };
    return fail(code, message);
  }
  const failure = renameFields(fromApiError(error), metadata?.fieldNames);
  const field = metadata?.errorFields?.[failure.error.code];
  if (field) failure.fieldErrors[field] ??= failure.error;
  return failure;
}

/** Actions that need no session (accepting an invitation): parse, map errors. */
export const publicAction = createSafeActionClient({
  defineMetadataSchema: () => Metadata,
  handleServerError: (error, { metadata }) => toFailure(error, metadata),
}).metadata({});

const Locale = z.string();

/**
 * Admin actions: the first bound argument is the page's locale (for the sign-in redirect); the
 * signed-in user's SDK is `ctx.store`. An action with more bound arguments lists Locale first.
 */
export const adminAction = publicAction
  .bindArgsSchemas([Locale])
  .use(async ({ next, bindArgsClientInputs }) =>
    next({ ctx: { store: await requireStore(String(bindArgsClientInputs[0])) } }),
  )
  .use(async ({ next, metadata }) => {
    const result = await next();
    if (result.success && metadata?.updates) updateTag(metadata.updates);
    return result;
  });

export { Locale };

/**
 * For `.inputSchema(Schema, fieldIssues(Schema))`: zod's failures keyed by dotted path with
 * their codes (next-safe-action keeps only the messages), as the API's 422 would be.
 */
export function fieldIssues<S extends z.ZodType>(schema: S) {
  return {
    handleValidationErrorsShape: async (_: unknown, { clientInput }: { clientInput: unknown }) => {
      const parsed = await schema.safeParseAsync(clientInput);
      return parsed.success
        ? fail("VALIDATION_ERROR", "Invalid input")
        : fromZodError(parsed.error);
    },
  };
}

interface Outcome<T> {
  data?: T;
  serverError?: ActionFailure;
  validationErrors?: unknown;
}

/** The browser's input is checked by the schema, not trusted by type: callers pass `unknown`. */
type LooseInput<A extends unknown[]> = A extends [...infer Bound, unknown]
  ? [...Bound, input?: unknown]
  : A;

/**
 * The action as the client components call it: an async function returning `ActionResult`.
 * When both a bound id and the input are malformed, next-safe-action reports the input.
 */
export function toResult<A extends unknown[], T>(action: (...args: A) => Promise<Outcome<T>>) {
  return async (...args: LooseInput<A>): Promise<ActionResult<T>> => {
    const outcome = await action(...(args as unknown as A));
    if (outcome.serverError) return outcome.serverError;
    if (outcome.validationErrors) {
      const failure = outcome.validationErrors as Partial<ActionFailure>;
      return failure.ok === false
        ? (failure as ActionFailure)
        : fail("VALIDATION_ERROR", "Invalid input");
    }
    return ok(outcome.data as T);
  };
}
