import type { z } from "zod";
import type {
  OrderCreate,
  OrderList,
  OrderListQuery,
  OrderSchema,
  OrderUpdate,
  OrderWithTimeline,
} from "@/lib/orders/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Order = Camelize<z.infer<typeof OrderSchema>>;
export type OrderWithTimeline = Camelize<z.infer<typeof OrderWithTimeline>>;
export type OrderList = Camelize<z.infer<typeof OrderList>>;
export type OrderCreateInput = Camelize<z.input<typeof OrderCreate>>;
export type OrderUpdateInput = Camelize<z.input<typeof OrderUpdate>>;
export type OrderListParams = Partial<
  Omit<Camelize<z.infer<typeof OrderListQuery>>, "page" | "limit">
> & { page?: number; limit?: number };

export class OrdersResource {
  constructor(private readonly http: HttpClient) {}

  list(params: OrderListParams = {}): Promise<OrderList> {
    return this.http.request("GET", "/api/v1/store/orders", { query: params });
  }

  get(id: string): Promise<OrderWithTimeline> {
    return this.http.request("GET", `/api/v1/store/orders/${encodeURIComponent(id)}`);
  }

  /** With externalId (+ source) this is idempotent: the existing order comes back. */
  create(input: OrderCreateInput, options: { idempotencyKey?: string } = {}): Promise<Order> {
    return this.http.request("POST", "/api/v1/store/orders", { body: input, ...options });
  }

  update(id: string, input: OrderUpdateInput): Promise<OrderWithTimeline> {
    return this.http.request("PATCH", `/api/v1/store/orders/${encodeURIComponent(id)}`, {
      body: input,
    });
  }

  exportCsv(params: Omit<OrderListParams, "page" | "limit"> = {}): Promise<Response> {
    return this.http.send("GET", "/api/v1/store/orders/export", {
      query: params,
      accept: "text/csv",
    });
  }
}
