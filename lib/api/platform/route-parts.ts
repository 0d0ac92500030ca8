import { z } from "@hono/zod-openapi";
import { authenticate } from "./middleware/authenticate";

/** Spread into a route: it needs a bearer token (API key or session), checked before the handler. */
export const secured = { security: [{ bearerAuth: [] }], middleware: authenticate };

/** The `{id}` path parameter of a module's item routes. */
export const IdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" } }),
});
