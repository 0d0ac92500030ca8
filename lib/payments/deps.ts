/** What the payments services need beyond a ServiceContext: keys and where the providers are. */
export interface PaymentsDeps {
  encryptionKey: Buffer;
  /** The server's public address: webhook URLs and checkout links are built on it. */
  publicUrl: string;
  /** STRIPE_API_URL: Stripe's API elsewhere (tests' local server); unset, api.stripe.com. */
  stripeApiUrl?: string;
  /** PAYPAL_API_URL: PayPal's REST API elsewhere; unset, api-m.paypal.com or its sandbox. */
  paypalApiUrl?: string;
  /** How long one provider call may take before the client gets a 504. */
  timeoutMs: number;
}
