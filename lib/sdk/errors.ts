export interface FieldError {
  field: string;
  message: string;
  code: string;
}

/** Any non-2xx reply of the Store API, with its {detail, type, code} envelope. */
export class StoreApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly type: string;
  readonly code: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    body: {
      detail?: string;
      type?: string;
      code?: string;
      errors?: FieldError[];
      request_id?: string;
    },
  ) {
    const detail = body.detail ?? `HTTP ${status}`;
    super(`${detail} (${body.code ?? status})`);
    this.name = "StoreApiError";
    this.status = status;
    this.detail = detail;
    this.type = body.type ?? "api_error";
    this.code = body.code ?? "UNKNOWN";
    this.errors = body.errors ?? [];
    this.requestId = body.request_id;
  }
}

/** The request never got an HTTP reply (connection refused, timeout) after all retries. */
export class StoreConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreConnectionError";
  }
}
