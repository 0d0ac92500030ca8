import { and, asc, count, desc, eq, gte, inArray, like, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/text/search";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { OrderListQuery } from "../contract";
import { orderCounts, orders } from "../schema";
import { presentOrder } from "./present";
import { storeYear } from "./shared";
import { latinDigits } from "@/lib/text/digits";

/**
 * `q` is an order number (whole, or its digits: "123" finds BS-<this or last year>-000123) or the
 * start of a customer's email. Every branch can use an index: numbers are unique, and emails are
 * stored lower-cased with a text_pattern_ops index for prefix matches.
 */
function searchCondition(raw: string, ctx: ServiceContext): SQL {
  // "١٢٣" is 123 as typed on an Arabic keyboard.
  const q = latinDigits(raw.trim());
  if (/^BS-\d{4}-\d{1,9}$/i.test(q)) return eq(orders.number, q.toUpperCase());
  if (/^\d{1,9}$/.test(q)) {
    const year = storeYear(ctx, ctx.now());
    const digits = q.padStart(6, "0");
    return inArray(
      orders.number,
      [year, year - 1, year - 2].map((y) => `BS-${y}-${digits}`),
    );
  }
  return like(orders.customerEmail, `${escapeLike(q.toLowerCase())}%`);
}

/** One page of the store's orders (lines counted, not loaded) and the total. */
export async function listOrders(ctx: ServiceContext, query: z.infer<typeof OrderListQuery>) {
  authorize(ctx.actor, "orders:read");
  const conditions: SQL[] = [eq(orders.tenantId, ctx.tenant.id)];
  if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.source) conditions.push(eq(orders.source, query.source));
  if (query.q) conditions.push(searchCondition(query.q, ctx));
  if (query.start_date)
    conditions.push(gte(orders.createdAt, startOfDayIn(query.start_date, ctx.tenant.timeZone)));
  if (query.end_date)
    conditions.push(lt(orders.createdAt, endOfDayIn(query.end_date, ctx.tenant.timeZone)));
  const where = and(...conditions);
  const column = query.sort.endsWith("total") ? orders.totalMinor : orders.createdAt;
  const order = query.sort.startsWith("-")
    ? [desc(column), desc(orders.id)]
    : [asc(column), asc(orders.id)];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        order: orders,
        itemCount:
          sql<number>`(select count(*) from order_items i where i.order_id = "orders"."id")`.mapWith(
            Number,
          ),
      })
      .from(orders)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    // The whole store or one status: the trigger-kept counter. Anything narrower: count.
    query.q || query.source || query.start_date || query.end_date
      ? ctx.db.select({ n: count() }).from(orders).where(where)
      : ctx.db
          .select({ n: sql<number>`coalesce(sum(${orderCounts.count}), 0)`.mapWith(Number) })
          .from(orderCounts)
          .where(
            and(
              eq(orderCounts.tenantId, ctx.tenant.id),
              query.status ? eq(orderCounts.status, query.status) : undefined,
            ),
          ),
  ]);
  const n = total?.n ?? 0;
  return {
    data: rows.map((r) => {
      const { items: _items, ...rest } = presentOrder(r.order, []);
      return { ...rest, item_count: r.itemCount };
    }),
    pagination: {
      page: query.page,
      limit: query.limit,
      total: n,
      pages: Math.ceil(n / query.limit),
    },
  };
}
