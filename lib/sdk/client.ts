import { APP_HEADERS } from "@/lib/apps/headers";
import { camelize, snakeize, type Camelize } from "./casing";
import { StoreApiError, StoreConnectionError } from "./errors";

export type FetchLike = (request: Request) => Promise<Response>;

/**
 * A third-party app's credential (docs/apps.md), sent as the app headers instead of Authorization:
 * the install's account token signed with the developer secret (`signToken`), or a member's staff
 * token (`store.apps.staffToken`).
 */
export type AppCredential = { developerRef: string; appRef: string } & (
  | { accountToken: string; staffToken?: undefined }
  | { staffToken: string; accountToken?: undefined }
);

export interface ClientOptions {
  /** The store's slug, sent as X-Tenant-ID. */
  tenantId: string;
  apiKey?: string;
  accessToken?: string;
  /** Calling as an app instead of with an API key or a sign-in. */
  app?: AppCredential;
  /** e.g. https://store.example.com. Default: STORE_API_URL, else the Store API in this process. */
  baseURL?: string;
  fetch?: FetchLike;
  /** Retries after the first attempt, on 429, 5xx and network errors. Default 2. */
  maxRetries?: number;
  /** Longest wait the client accepts from Retry-After before giving up. Default 60 s. */
  maxRetryDelayMs?: number;
  timeoutMs?: number;
  /** The end user's address, for servers calling on a user's behalf (sign-in throttling). */
  forwardedFor?: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  /** Extra headers, e.g. a provider's signature on a forwarded webhook. */
  headers?: Record<string, string>;
  /** No Authorization or app headers: the call brings its own credential in `headers`. */
  anonymous?: boolean;
  /** No X-Tenant-ID: the call names no store (the developer's installed-accounts API). */
  noTenant?: boolean;
  /** The body's keys as written, not snake_cased (the staff authorise body is camelCase). */
  bodyAsIs?: boolean;
}

function appHeaders(app: AppCredential): Record<string, string> {
  if (!app.accountToken === !app.staffToken)
    throw new TypeError("app: pass exactly one of accountToken and staffToken");
  if (!app.developerRef || !app.appRef)
    throw new TypeError("app: developerRef and appRef are required");
  return {
    [APP_HEADERS.developerRef]: app.developerRef,
    [APP_HEADERS.appRef]: app.appRef,
    ...(app.accountToken
      ? { [APP_HEADERS.accountToken]: app.accountToken }
      : { [APP_HEADERS.staffToken]: app.staffToken! }),
  };
}

/** Where server.ts publishes the Store API for in-process calls (docs/architecture.md). */
export const IN_PROCESS_API = Symbol.for("brainsait.storeApi");
type InProcessApi = {
  fetch: (request: Request, env: { inProcess: true }) => Response | Promise<Response>;
};

function resolveTransport(options: ClientOptions): { fetch: FetchLike; baseURL: string } {
  if (options.fetch)
    return { fetch: options.fetch, baseURL: options.baseURL ?? "http://store.internal" };
  const envUrl = typeof process !== "undefined" ? process.env.STORE_API_URL : undefined;
  const baseURL = options.baseURL ?? envUrl;
  if (baseURL) return { fetch: (r) => fetch(r), baseURL };
  return {
    baseURL: "http://in-process",
    fetch: async (request) => {
      const api = (globalThis as { [IN_PROCESS_API]?: InProcessApi })[IN_PROCESS_API];
      if (!api)
        throw new StoreConnectionError(
          "No Store API address: pass baseURL (or set STORE_API_URL), or run inside server.ts",
        );
      return api.fetch(request, { inProcess: true });
    },
  };
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

function retryDelayMs(response: Response | undefined, attempt: number): number {
  const retryAfter = response?.headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const reset = response?.status === 429 ? Number(response.headers.get("x-rate-limit-reset")) : NaN;
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  // Exponential backoff with jitter: 0.25-0.5 s, 0.5-1 s, 1-2 s ... capped at 8 s.
  const base = Math.min(8000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class HttpClient {
  private readonly transport: { fetch: FetchLike; baseURL: string };
  private readonly credentialHeaders: Record<string, string>;

  constructor(readonly options: ClientOptions) {
    this.transport = resolveTransport(options);
    const bearer = options.apiKey ?? options.accessToken;
    if (options.app && bearer)
      throw new TypeError("Pass app, or apiKey/accessToken: an app calls with its own headers");
    this.credentialHeaders = options.app
      ? appHeaders(options.app)
      : bearer
        ? { Authorization: `Bearer ${bearer}` }
        : {};
  }

  withAccessToken(accessToken: string | undefined): HttpClient {
    return new HttpClient({ ...this.options, accessToken });
  }

  async request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Camelize<T>> {
    const { bodyAsIs, ...rest } = options;
    const response = await this.send(method, path, {
      ...rest,
      body:
        options.body === undefined
          ? undefined
          : JSON.stringify(bodyAsIs ? options.body : snakeize(options.body)),
      contentType: options.body === undefined ? undefined : "application/json",
    });
    if (response.status === 204) return undefined as Camelize<T>;
    return camelize<T>(await response.json());
  }

  /**
   * Sends a request with retries and returns the successful Response (for CSV, uploads, streams);
   * any non-2xx reply becomes a StoreApiError.
   */
  async send(
    method: string,
    path: string,
    options: Omit<RequestOptions, "body" | "bodyAsIs"> & {
      body?: BodyInit;
      contentType?: string;
      accept?: string;
    } = {},
  ): Promise<Response> {
    const url = new URL(path, this.transport.baseURL);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== "")
        url.searchParams.set(
          k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          String(v),
        );
    }
    const headers = new Headers({
      Accept: options.accept ?? "application/json",
      ...(options.noTenant ? {} : { "X-Tenant-ID": this.options.tenantId }),
      ...(options.anonymous ? {} : this.credentialHeaders),
    });
    if (this.options.forwardedFor) headers.set("X-Forwarded-For", this.options.forwardedFor);
    if (options.contentType) headers.set("Content-Type", options.contentType);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    // One key for every attempt of this call: a retried POST can never create twice.
    if (method === "POST")
      headers.set("Idempotency-Key", options.idempotencyKey ?? crypto.randomUUID());
    const body = options.body;

    const maxRetries = this.options.maxRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let networkError: unknown;
      try {
        const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
        response = await this.transport.fetch(new Request(url, { method, headers, body, signal }));
      } catch (err) {
        if (err instanceof StoreConnectionError) throw err;
        networkError = err;
      }
      if (response && response.ok) return response;
      const retryable =
        networkError !== undefined || (response !== undefined && RETRYABLE.has(response.status));
      const delay = retryDelayMs(response, attempt);
      if (retryable && attempt < maxRetries && delay <= (this.options.maxRetryDelayMs ?? 60_000)) {
        await response?.body?.cancel();
        await sleep(delay);
        continue;
      }
      if (!response)
        throw new StoreConnectionError(`Could not reach the Store API at ${url.origin}`, {
          cause: networkError,
        });
      const text = await response.text();
      let envelope: ConstructorParameters<typeof StoreApiError>[1] = {};
      try {
        envelope = JSON.parse(text);
      } catch {
        envelope = { detail: text.slice(0, 200) || response.statusText };
      }
      throw new StoreApiError(response.status, envelope);
    }
  }
}
