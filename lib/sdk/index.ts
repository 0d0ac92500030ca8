import { AuthResource } from "./auth";
import { ProductsResource } from "./products";
import { OrdersResource } from "./orders";
import { WebhooksResource } from "./webhooks";
import { CheckoutResource, PaymentsResource } from "./payments";
import { AnalyticsResource } from "./analytics";
import { InvoicesResource } from "./invoices";
import { ApiKeysResource, AuditResource, SettingsResource, TeamResource } from "./admin";
import { SetupResource, signup, StoresResource, type SignupInput } from "./stores";
import { AppsResource, DevelopersResource } from "./apps";
import { HttpClient, type ClientOptions } from "./client";

export { StoreApiError, StoreConnectionError, type FieldError } from "./errors";
export type { AppCredential, ClientOptions, FetchLike } from "./client";
export type { Tokens, Me, DisplayPreferences } from "./auth";
export type * from "./products";
export type * from "./orders";
export type * from "./payments";
export type { AnalyticsOverview, OverviewParams } from "./analytics";
export type * from "./invoices";
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
export type * from "./apps";
export { signToken } from "./apps";
export type { SetupState, SetupInput, SignupInput, StoreCreated, SlugCheck } from "./stores";

/**
 * The BrainSAIT Store client, as the integration guide shows it:
 * `new BrainSAITStore({ apiKey, tenantId, baseURL })`, then `store.products.list(...)` etc.
 */
export class BrainSAITStore {
  readonly auth: AuthResource;
  readonly products: ProductsResource;
  readonly orders: OrdersResource;
  readonly webhooks: WebhooksResource;
  readonly payments: PaymentsResource;
  /** The hosted checkout page's calls (a link's token instead of a sign-in). */
  readonly checkout: CheckoutResource;
  readonly analytics: AnalyticsResource;
  /** Tax invoices and credit notes, and the customer link's read. */
  readonly invoices: InvoicesResource;
  readonly apiKeys: ApiKeysResource;
  readonly team: TeamResource;
  readonly settings: SettingsResource;
  readonly audit: AuditResource;
  readonly setup: SetupResource;
  readonly stores: StoresResource;
  /** Third-party apps in this store: the directory, installs, callbacks, staff. */
  readonly apps: AppsResource;
  /** Developer accounts and their apps (docs/apps.md). */
  readonly developers: DevelopersResource;
  private readonly http: HttpClient;

  constructor(options: ClientOptions) {
    const http = new HttpClient(options);
    this.auth = new AuthResource(http);
    this.products = new ProductsResource(http);
    this.orders = new OrdersResource(http);
    this.webhooks = new WebhooksResource(http);
    this.payments = new PaymentsResource(http);
    this.checkout = new CheckoutResource(http);
    this.analytics = new AnalyticsResource(http);
    this.invoices = new InvoicesResource(http);
    this.apiKeys = new ApiKeysResource(http);
    this.team = new TeamResource(http);
    this.settings = new SettingsResource(http);
    this.audit = new AuditResource(http);
    this.setup = new SetupResource(http);
    this.stores = new StoresResource(http);
    this.apps = new AppsResource(http);
    this.developers = new DevelopersResource(http);
    this.http = http;
  }

  /** Public sign-up: a new store and its owner, signed in. */
  signup(input: SignupInput) {
    return signup(this.http, input);
  }
}
