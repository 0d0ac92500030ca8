/** The bundled receiver's secret (STORE_WEBHOOK_SECRET) on the server the browser tests start. */
export const RECEIVER_SECRET = "whsec_ZTJlLWJ1bmRsZWQtcmVjZWl2ZXItc2VjcmV0LTAx";
