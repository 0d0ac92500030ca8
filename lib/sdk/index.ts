import { AuthResource } from "./auth";
import { ProductsResource } from "./products";
import { OrdersResource } from "./orders";
import { WebhooksResource } from "./webhooks";
import { ApiKeysResource, AuditResource, SettingsResource, TeamResource } from "./admin";
import { HttpClient, type ClientOptions } from "./client";

export { StoreApiError, StoreConnectionError, type FieldError } from "./errors";
export type { ClientOptions, FetchLike } from "./client";
export type { Tokens, Me } from "./auth";
export type * from "./products";
export type * from "./orders";
export {
  verifyWebhook,
  WebhookVerificationError,
  type WebhookEvent,
  type WebhookEndpoint,
  type WebhookAttempt,
  type WebhookDelivery,
} from "./webhooks";
export type {
  ApiKey,
  ApiKeyWithSecret,
  TeamMember,
  Invitation,
  StoreSettings,
  AuditEntry,
} from "./admin";
export type { Camelize } from "./casing";

/**
 * The BrainSAIT Store client, as the integration guide shows it:
 * `new BrainSAITStore({ apiKey, tenantId, baseURL })`, then `store.products.list(...)` etc.
 */
export class BrainSAITStore {
  readonly auth: AuthResource;
  readonly products: ProductsResource;
  readonly orders: OrdersResource;
  readonly webhooks: WebhooksResource;
  readonly apiKeys: ApiKeysResource;
  readonly team: TeamResource;
  readonly settings: SettingsResource;
  readonly audit: AuditResource;

  constructor(options: ClientOptions) {
    const http = new HttpClient(options);
    this.auth = new AuthResource(http);
    this.products = new ProductsResource(http);
    this.orders = new OrdersResource(http);
    this.webhooks = new WebhooksResource(http);
    this.apiKeys = new ApiKeysResource(http);
    this.team = new TeamResource(http);
    this.settings = new SettingsResource(http);
    this.audit = new AuditResource(http);
  }
}
