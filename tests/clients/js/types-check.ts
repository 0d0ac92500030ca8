// Type-checked in the fresh project with the package's own declarations (moduleResolution
// nodenext, no zod, no app): what an integrator's editor sees.
import {
  BrainSAITStore,
  signToken,
  StoreApiError,
  verifyWebhook,
  type AppCredential,
  type Product,
} from "@brainsait/store-sdk";

const store = new BrainSAITStore({
  apiKey: "bsk_test",
  tenantId: "acme",
  baseURL: "https://x.test",
});

export async function guide(): Promise<string> {
  const { data } = await store.products.list({ page: 1, limit: 20, category: "software" });
  const first: Product | undefined = data[0];
  const order = await store.orders.create({
    items: [{ productId: first?.id ?? "", quantity: 1 }],
    customerEmail: "c@x.test",
  });
  const intent = await store.payments.createStripeIntent({
    amount: 299.99,
    currency: "USD",
    orderId: order.id,
  });
  // @ts-expect-error status is one of the lifecycle's names
  await store.orders.update(order.id, { status: "shipped" });
  const event = verifyWebhook<{ id: string }>({ secret: "whsec_x", body: "{}", headers: {} });
  return `${intent.clientSecret} ${order.number} ${event.data.id} ${new StoreApiError(404, {}).code}`;
}

export const asApp = new BrainSAITStore({
  tenantId: "acme",
  app: { developerRef: "sahara", appRef: "labels", accountToken: signToken("secret", "token") },
});
// @ts-expect-error an app sends one token, not both
export const both: AppCredential = {
  developerRef: "d",
  appRef: "a",
  accountToken: "x",
  staffToken: "y",
};
