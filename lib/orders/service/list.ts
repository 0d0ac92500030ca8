import { likeInStore } from "@/lib/db/store-like";
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { readsOf, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { escapeLike, foldForSearch } from "@/lib/text/search";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { OrderListQuery } from "../contract";
import { orderCounts, orders } from "../schema";
import { presentOrder } from "./present";
import { storeYear } from "./shared";
import { latinDigits } from "@/lib/text/digits";
import { normalisePhone } from "../phone";

/**
 * `q` is an order number (whole, or its digits: "123" finds BS-<this or last year>-000123), a
 * customer's phone in any usual form (0501234567, 501234567, +966 50 123 4567, Arabic-Indic
 * digits: all read as the E.164 stored), the start of their email, or part of their name (folded
 * like product search, so أحمد finds احمد). Every branch can use an index: numbers are unique,
 * phones have a (tenant, phone) index, emails a text_pattern_ops index for prefix matches, and
 * folded names a trigram index for "contains".
 */
function searchCondition(raw: string, ctx: ServiceContext): SQL {
  // "١٢٣" is 123 as typed on an Arabic keyboard.
  const q = latinDigits(raw.trim());
  if (/^BS-\d{4}-\d{1,9}$/i.test(q)) return eq(orders.number, q.toUpperCase());
  const branches: SQL[] = [];
  const phone = /^[+\d\s\-().]+$/.test(q) ? normalisePhone(q) : null;
  if (phone) branches.push(eq(orders.customerPhone, phone));
  if (/^\d{1,9}$/.test(q)) {
    const year = storeYear(ctx, ctx.now());
    const digits = q.padStart(6, "0");
    branches.push(
      inArray(
        orders.number,
        [year, year - 1, year - 2].map((y) => `BS-${y}-${digits}`),
      ),
    );
  }
  if (branches.length) return or(...branches)!;
  const folded = foldForSearch(q);
  return or(
    likeInStore(orders, orders.customerEmail, ctx.tenant.id, `${escapeLike(q.toLowerCase())}%`),
    folded
      ? likeInStore(orders, orders.customerNameSearch, ctx.tenant.id, `%${escapeLike(folded)}%`)
      : undefined,
  )!;
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
  const db = readsOf(ctx);
  const [rows, [total]] = await Promise.all([
    db
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
      ? db.select({ n: count() }).from(orders).where(where)
      : db
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
