import { and, asc, count, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { orderNumbers } from "@/lib/orders/service";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { PaymentListQuery } from "../contract";
import { payments } from "../schema";
import { presentPayment } from "./present";

/** One page of the store's payments, newest first unless asked otherwise, with the total. */
export async function listPayments(ctx: ServiceContext, query: z.infer<typeof PaymentListQuery>) {
  authorize(ctx.actor, "payments:read");
  const conditions: (SQL | undefined)[] = [eq(payments.tenantId, ctx.tenant.id)];
  if (query.status) conditions.push(eq(payments.status, query.status));
  if (query.provider) conditions.push(eq(payments.provider, query.provider));
  if (query.order_id) conditions.push(eq(payments.orderId, query.order_id));
  // Ids are matched whole: what a merchant pastes from Stripe's or PayPal's dashboard.
  if (query.q)
    conditions.push(
      or(
        eq(payments.providerId, query.q),
        eq(payments.providerChargeId, query.q),
        eq(payments.reference, query.q),
      ),
    );
  if (query.start_date)
    conditions.push(gte(payments.createdAt, startOfDayIn(query.start_date, ctx.tenant.timeZone)));
  if (query.end_date)
    conditions.push(lt(payments.createdAt, endOfDayIn(query.end_date, ctx.tenant.timeZone)));
  const where = and(...conditions);
  const column = query.sort.endsWith("amount") ? payments.amountMinor : payments.createdAt;
  const order = query.sort.startsWith("-")
    ? [desc(column), desc(payments.id)]
    : [asc(column), asc(payments.id)];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(payments)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    ctx.db.select({ n: count() }).from(payments).where(where),
  ]);
  const numbers = await orderNumbers(ctx.db, ctx.tenant.id, [
    ...new Set(rows.flatMap((r) => (r.orderId ? [r.orderId] : []))),
  ]);
  const n = total?.n ?? 0;
  return {
    data: rows.map((r) => presentPayment(r, r.orderId ? (numbers.get(r.orderId) ?? null) : null)),
    pagination: {
      page: query.page,
      limit: query.limit,
      total: n,
      pages: Math.ceil(n / query.limit),
    },
  };
}
