import { z } from "zod";

/**
 * The order fields the admin's forms share with the API, in plain zod: lib/orders/contract.ts
 * builds the wire shapes from these, and client components import this file, so
 * `@hono/zod-openapi` stays out of the browser bundle (docs/architecture.md, "Layers").
 */
export const Quantity = z.number().int().min(1).max(100_000);
export const CustomerEmail = z.email().max(320);
export const CustomerName = z.string().trim().max(200);
export const OrderNotes = z.string().trim().max(5000);
