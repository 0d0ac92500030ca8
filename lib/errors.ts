/**
 * Typed errors thrown by services and middleware. lib/api/platform/errors.ts maps them, in one place,
 * to the Store API's {detail, type, code} envelope; server actions map them to form errors.
 */
export type ErrorType =
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "validation_error"
  | "invalid_request_error"
  | "conflict_error"
  | "rate_limit_error"
  | "payment_error"
  | "provider_error"
  | "api_error";

export interface FieldError {
  field: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class AuthenticationError extends AppError {
  constructor(detail = "Authentication required", code = "AUTH_001") {
    super(401, "authentication_error", code, detail);
  }
}

export class PermissionError extends AppError {
  constructor(detail = "You do not have permission to do this", code = "PERMISSION_DENIED") {
    super(403, "permission_error", code, detail);
  }
}

export class NotFoundError extends AppError {
  constructor(detail = "Not found", code = "NOT_FOUND") {
    super(404, "not_found_error", code, detail);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, code = "CONFLICT") {
    super(409, "conflict_error", code, detail);
  }
}

export class ValidationError extends AppError {
  constructor(detail: string, errors: FieldError[] = [], code = "VALIDATION_ERROR") {
    super(422, "validation_error", code, detail, { errors });
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, code: string, status = 400) {
    super(status, "invalid_request_error", code, detail);
  }
}

export class RateLimitError extends AppError {
  constructor(retryAfterSeconds: number, detail = "Too many requests; retry later") {
    super(429, "rate_limit_error", "RATE_LIMIT_EXCEEDED", detail, { retryAfterSeconds });
  }
}

/** The customer's bank or wallet said no (a declined card, PayPal's INSTRUMENT_DECLINED). */
export class PaymentDeclinedError extends AppError {
  constructor(detail: string, code = "PAYMENT_DECLINED") {
    super(402, "payment_error", code, detail);
  }
}

/**
 * A payment provider failed us or refused the store's credentials: 502 (bad gateway), 504 on a
 * timeout, 503 when it asks us to slow down. Never the provider's raw body; its message only.
 */
export class ProviderError extends AppError {
  constructor(status: 502 | 503 | 504, code: string, detail: string, retryAfterSeconds?: number) {
    super(status, "provider_error", code, detail, { retryAfterSeconds });
  }
}

/** A provider answered 2xx with something we cannot use: never a 500 of ours. */
export const providerNonsense = (provider: "Stripe" | "PayPal") =>
  new ProviderError(
    502,
    "PROVIDER_BAD_RESPONSE",
    `${provider} answered with something we could not read; retry shortly`,
  );
