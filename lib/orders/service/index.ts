// The orders service, one file per verb; callers import from here (lib/orders/service).
export { createOrder } from "./create";
export { getOrder } from "./get";
export { listOrders } from "./list";
export { updateOrder } from "./update";
export { productHasOrders } from "./references";
export { presentOrder } from "./present";
export {
  applyPaymentToOrder,
  lockOrderForPayment,
  orderForCheckout,
  orderNumbers,
  owedMinor,
  type PayableOrder,
} from "./payments";
