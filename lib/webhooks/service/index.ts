// The webhooks service, one file per concern; callers import from here (lib/webhooks/service).
export type { WebhookSettings } from "./shared";
export {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  updateEndpoint,
} from "./endpoints";
export { revealSecret, rotateSecret } from "./secrets";
export { getDelivery, listDeliveries, resendDelivery, sendTestEvent } from "./deliveries";
export { recentEvents } from "./events";
