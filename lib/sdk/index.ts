import { AuthResource } from "./auth";
import { HttpClient, type ClientOptions } from "./client";

export { StoreApiError, StoreConnectionError, type FieldError } from "./errors";
export type { ClientOptions, FetchLike } from "./client";
export type { Tokens, Me } from "./auth";
export type { Camelize } from "./casing";

/**
 * The BrainSAIT Store client, as the integration guide shows it:
 * `new BrainSAITStore({ apiKey, tenantId, baseURL })`, then `store.products.list(...)` etc.
 */
export class BrainSAITStore {
  readonly auth: AuthResource;

  constructor(options: ClientOptions) {
    const http = new HttpClient(options);
    this.auth = new AuthResource(http);
  }
}
