// The payments service, one file per concern; callers import from here (lib/payments/service).
export { listPayments } from "./list";
export { getPayment } from "./present";
export { createStripeIntent } from "./stripe";
export { createPayPalOrder, capturePayPalOrder } from "./paypal";
export { refundPayment } from "./refunds";
export { recordManualPayment } from "./manual";
export { receivePayPalWebhook, receiveStripeWebhook } from "./webhooks";
export {
  getPaymentSettings,
  updateStripeSettings,
  updatePayPalSettings,
  updateManualSettings,
  disconnectProvider,
} from "./settings";
export { testConnection } from "./connection";
export {
  createCheckoutLink,
  getCheckoutLink,
  revokeCheckoutLink,
  openCheckout,
  checkoutView,
  checkoutStripe,
  checkoutPayPal,
  checkoutCapturePayPal,
  checkoutRefresh,
} from "./checkout";
