import { z } from "@hono/zod-openapi";
import { SCOPES, type Permission } from "@/lib/auth/permissions";
import { authenticate } from "./middleware/authenticate";

/**
 * Spread into a route: it needs a credential, checked before the handler, and the OpenAPI
 * document says which and with what scope (docs/apps.md, "Scopes in the API reference").
 * `permission`: what the route's service checks; "any" for any signed-in member, key or app;
 * "people" for signed-in people only. A permission keys and apps can hold (a scope) lists the
 * app schemes too; one only people hold (team, keys, refunds, settings) lists the bearer only.
 */
export function secured(permission: Permission | "any" | "people") {
  const scopes: string[] = permission === "any" || permission === "people" ? [] : [permission];
  const appsToo = permission === "any" || (SCOPES as readonly string[]).includes(permission);
  const security: Record<string, string[]>[] = [
    { bearerAuth: scopes },
    ...(appsToo
      ? [
          { developerRef: [], appRef: [], accountToken: scopes },
          { developerRef: [], appRef: [], staffToken: scopes },
        ]
      : []),
  ];
  return { security, middleware: authenticate };
}

/** The `{id}` path parameter of a module's item routes. */
export const IdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" } }),
});
