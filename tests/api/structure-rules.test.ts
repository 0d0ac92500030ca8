import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { orderItems } from "@/lib/orders/schema";
import { deleteProduct } from "@/lib/products/service";
import type { Tenant } from "@/lib/tenants/schema";
import { createTenant, createTestApi, createUser, login, type TestApi } from "./harness";

// One owner per rule (issue 11): the orders check on product deletion is required and scoped by store.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

async function shop(overrides: Partial<Tenant> = {}) {
  const tenant = await createTenant(t, overrides);
  const { access_token } = await login(t, tenant, await createUser(t, tenant, { role: "owner" }));
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  return { tenant, call };
}

describe("deleting a product", () => {
  it("another store's order naming the same product id does not stop the delete", async () => {
    const a = await shop();
    const b = await shop();
    const product = (await (
      await a.call("POST", "/api/v1/store/products", {
        name: { en: "Lamp", ar: "مصباح" },
        price: 10,
        inventory: 3,
        status: "active",
      })
    ).json()) as { id: string };
    // Store B's order line points at store A's product id (the API would refuse it; the rule must
    // hold even when the data says otherwise).
    const res = await b.call("POST", "/api/v1/store/orders", {
      items: [{ name: "Mirrored line", price: 10, quantity: 1 }],
    });
    expect(res.status).toBe(201);
    const order = (await res.json()) as { id: string };
    await t.db
      .update(orderItems)
      .set({ productId: product.id })
      .where(eq(orderItems.orderId, order.id));

    expect(await (await a.call("DELETE", `/api/v1/store/products/${product.id}`)).json()).toEqual({
      id: product.id,
      deleted: true,
      archived: false,
    });
    expect((await a.call("GET", `/api/v1/store/products/${product.id}`)).status).toBe(404);
  });

  it("cannot be called without the orders check", () => {
    const ctx = {} as ServiceContext;
    // @ts-expect-error the third argument (lib/orders' productHasOrders) is required
    const unchecked = () => deleteProduct(ctx, "id");
    expect(deleteProduct.length).toBe(3);
    expect(typeof unchecked).toBe("function");
  });
});
