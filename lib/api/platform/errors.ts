import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { AppError, ValidationError, type FieldError } from "@/lib/errors";
import { log } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/db/errors";

/** Seconds a client waits before retrying while the database is unreachable (a restart). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The one error envelope of the Store API. */
export interface ErrorBody {
  detail: string;
  type: string;
  code: string;
  errors?: FieldError[];
  request_id?: string;
}

export function errorBody(err: AppError, requestId?: string): ErrorBody {
  const body: ErrorBody = { detail: err.detail, type: err.type, code: err.code };
  if (err.extra.errors?.length) body.errors = err.extra.errors;
  if (requestId) body.request_id = requestId;
  return body;
}

export function zodToValidationError(error: ZodError, where: "body" | "query" | "path" | "header") {
  const errors: FieldError[] = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : where,
    message: issue.message,
    // A custom check names its own code (e.g. invalid_phone), so clients can tell it apart.
    code:
      issue.code === "custom" && typeof issue.params?.code === "string"
        ? issue.params.code
        : issue.code,
  }));
  return new ValidationError("The request has invalid fields", errors);
}

/** The innermost cause's message: the driver's own words (ECONNREFUSED, shutting down). */
function rootMessage(err: unknown): string {
  let e = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

export function respondWithError(c: Context, err: unknown): Response {
  const requestId = c.get("requestId") as string | undefined;
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (err instanceof HTTPException && err.status < 500) {
    // Hono raises these for malformed input it parses itself (e.g. a body that is not JSON).
    appError = new AppError(
      err.status,
      "invalid_request_error",
      "BAD_REQUEST",
      err.message || "Bad request",
    );
  } else if (isDatabaseUnavailable(err)) {
    // An outage, not a defect: a warning, and a 503 the client may retry (docs/operations.md).
    // One short line per request (no stack: hundreds of these during a restart say one thing).
    log.warn("database unavailable", { requestId, path: c.req.path, reason: rootMessage(err) });
    appError = new AppError(
      503,
      "api_error",
      "DATABASE_UNAVAILABLE",
      "The database is unavailable for a moment; retry shortly",
      { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    );
  } else {
    log.error("unhandled error", { requestId, path: c.req.path, err });
    appError = new AppError(
      500,
      "api_error",
      "INTERNAL_ERROR",
      "Something went wrong on our side; it has been logged",
    );
  }
  if (appError.extra.retryAfterSeconds !== undefined) {
    c.header("Retry-After", String(appError.extra.retryAfterSeconds));
  }
  return c.json(errorBody(appError, requestId), appError.status as ContentfulStatusCode);
}
