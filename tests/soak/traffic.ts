/**
 * The soak's traffic: what a store's clients do (browse pages, search in both languages, open a
 * product, create orders and products), one request at a time, each timed and checked. The mix
 * and the request builders live here; ./run.ts paces them and reports.
 */
import { randomUUID } from "node:crypto";

export type Kind = "browse" | "search" | "product" | "order" | "create product";

/** Out of 100 requests: mostly reads, as a storefront's traffic is. */
const MIX: [Kind, number][] = [
  ["browse", 45],
  ["search", 25],
  ["product", 15],
  ["order", 10],
  ["create product", 5],
];

const SORTS = ["-created_at", "price", "-price", "name", "name_ar"];
const WORDS = ["coffee", "قهوة", "dates", "تمر", "lamp", "مصباح", "honey", "عسل", "luxury", "فاخر"];

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

export function pickKind(): Kind {
  let roll = Math.random() * 100;
  for (const [kind, share] of MIX) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return "browse";
}

export interface Outcome {
  kind: Kind;
  status: number;
  /** What went wrong, for the report: a status outside 2xx or a network error. */
  error?: string;
}

export interface Store {
  base: string;
  headers: Record<string, string>;
  /** Active products' ids, to open and to order. */
  productIds: string[];
}

/** One request of `kind`, to completion (the body read). */
export async function request(store: Store, kind: Kind): Promise<Outcome> {
  const { base, headers } = store;
  const json = { ...headers, "content-type": "application/json" };
  let res: Response;
  try {
    switch (kind) {
      case "browse":
        res = await fetch(
          `${base}/api/v1/store/products?limit=20&page=${1 + Math.floor(Math.random() * 40)}&sort=${pick(SORTS)}`,
          { headers },
        );
        break;
      case "search":
        res = await fetch(
          `${base}/api/v1/store/products?limit=20&q=${encodeURIComponent(pick(WORDS))}`,
          { headers },
        );
        break;
      case "product":
        res = await fetch(`${base}/api/v1/store/products/${pick(store.productIds)}`, { headers });
        break;
      case "order":
        res = await fetch(`${base}/api/v1/store/orders`, {
          method: "POST",
          headers: { ...json, "idempotency-key": randomUUID() },
          body: JSON.stringify({
            items: [
              { product_id: pick(store.productIds), quantity: 1 },
              { product_id: pick(store.productIds), quantity: 2 },
            ],
            customer_email: "soak@example.com",
          }),
        });
        break;
      case "create product":
        res = await fetch(`${base}/api/v1/store/products`, {
          method: "POST",
          headers: json,
          body: JSON.stringify({
            name: { en: `Soak lamp ${randomUUID().slice(0, 8)}`, ar: "مصباح تجريبي" },
            price: 12.5,
            status: "draft",
          }),
        });
        break;
    }
    const text = await res.text();
    if (res.ok) return { kind, status: res.status };
    return { kind, status: res.status, error: `${res.status} ${text.slice(0, 200)}` };
  } catch (err) {
    return { kind, status: 0, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Kinds whose success records an event a webhook endpoint hears of. */
export const EVENT_OF: Partial<Record<Kind, string>> = {
  order: "order.created",
  "create product": "product.created",
};
