"use client";

import dynamic from "next/dynamic";

/**
 * The providers' islands, each in its own chunk fetched only where it is rendered: a paid, closed
 * or unknown link, or a store without that provider, never downloads its code. (Imported straight
 * from a server component, both would ride in every checkout page's bundle.)
 */
export const StripePayment = dynamic(() => import("./stripe-payment").then((m) => m.StripePayment));
export const PayPalPayment = dynamic(() => import("./paypal-payment").then((m) => m.PayPalPayment));
