import { AuthResource } from "./auth";
import { ProductsResource } from "./products";
import { HttpClient, type ClientOptions } from "./client";

export { StoreApiError, StoreConnectionError, type FieldError } from "./errors";
export type { ClientOptions, FetchLike } from "./client";
export type { Tokens, Me } from "./auth";
export type * from "./products";
export type { Camelize } from "./casing";

/**
 * The BrainSAIT Store client, as the integration guide shows it:
 * `new BrainSAITStore({ apiKey, tenantId, baseURL })`, then `store.products.list(...)` etc.
 */
export class BrainSAITStore {
  readonly auth: AuthResource;
  readonly products: ProductsResource;

  constructor(options: ClientOptions) {
    const http = new HttpClient(options);
    this.auth = new AuthResource(http);
    this.products = new ProductsResource(http);
  }
}
