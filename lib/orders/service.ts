import { and, asc, count, desc, eq, gte, inArray, like, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { actorId, type ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { isCurrency, maxMajor, MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import { MAX_INVENTORY } from "@/lib/products/contract";
import { products } from "@/lib/products/schema";
import { apiKeys } from "@/lib/api-keys/schema";
import { users } from "@/lib/users/schema";
import { escapeLike } from "@/lib/text/search";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import {
  TRANSITIONS,
  type OrderCreate,
  type OrderListQuery,
  type OrderSchema,
  type OrderStatus,
  type OrderUpdate,
} from "./contract";
import { orderCounts, orderEvents, orderItems, orders, orderSequences } from "./schema";
import { lineAmounts, splitGross, sumAmounts, type LineAmounts } from "./totals";

type Order = z.infer<typeof OrderSchema>;
type OrderRow = typeof orders.$inferSelect;
type ItemRow = typeof orderItems.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new NotFoundError("Order not found", "ORDER_NOT_FOUND");

export function presentOrder(o: OrderRow, items: ItemRow[]): Order {
  const m = (minor: number) => toMajor(minor, o.currency);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    currency: o.currency,
    customer_email: o.customerEmail,
    customer_name: o.customerName,
    notes: o.notes,
    source: o.source,
    external_id: o.externalId,
    subtotal: m(o.subtotalMinor),
    tax: m(o.taxMinor),
    total: m(o.totalMinor),
    vat_rate: o.vatRateBp / 100,
    prices_include_vat: o.pricesIncludeVat,
    items: items
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        id: i.id,
        product_id: i.productId,
        sku: i.sku,
        name: { en: i.nameEn, ar: i.nameAr },
        unit_price: m(i.unitPriceMinor),
        quantity: i.quantity,
        subtotal: m(i.subtotalMinor),
        tax: m(i.taxMinor),
        total: m(i.totalMinor),
      })),
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

function presentEvent(e: EventRow) {
  return {
    id: e.id,
    type: e.type,
    from_status: e.fromStatus as OrderStatus | null,
    to_status: e.toStatus as OrderStatus | null,
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    details: e.details,
    created_at: e.createdAt.toISOString(),
  };
}

/** The actor as the timeline shows it: type, id and a readable name. */
async function actorForTimeline(db: Db, ctx: ServiceContext) {
  const actor = ctx.actor;
  if (!actor) return { actorType: "system", actorId: null, actorName: null };
  if (actor.type === "user") {
    const [u] = await db
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.id, actor.userId), eq(users.tenantId, ctx.tenant.id)));
    return { actorType: "user", actorId: actor.userId, actorName: u?.name ?? null };
  }
  const [k] = await db
    .select({ name: apiKeys.name })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, actor.keyId), eq(apiKeys.tenantId, ctx.tenant.id)));
  return { actorType: "api_key", actorId: actorId(actor), actorName: k?.name ?? null };
}

interface PlannedLine extends LineAmounts {
  productId: string | null;
  sku: string | null;
  nameEn: string;
  nameAr: string;
  unitPriceMinor: number;
  quantity: number;
}

/** Resolves lines to prices and names (snapshotted now), checking every rule; one 422 for all. */
async function planLines(
  ctx: ServiceContext,
  input: z.infer<typeof OrderCreate>,
  currency: string,
) {
  const errors: FieldError[] = [];
  const lines = input.items ?? [];
  const productIds = lines.flatMap((l) => ("product_id" in l ? [l.product_id] : []));
  const found = productIds.length
    ? await ctx.db
        .select()
        .from(products)
        .where(
          and(
            eq(products.tenantId, ctx.tenant.id),
            inArray(
              products.id,
              productIds.filter((id) => UUID.test(id)),
            ),
          ),
        )
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const planned: PlannedLine[] = [];
  const { vatRateBp, pricesIncludeVat } = ctx.tenant;
  const tooBig = (field: string, what: string) => ({
    field,
    code: "too_big",
    message: `${what} would be more than ${maxMajor(currency)} ${currency}`,
  });
  /** The line's amounts, or null (and an error) when its total is beyond the cap. */
  const amounts = (i: number, unit: number, quantity: number) => {
    try {
      return lineAmounts(unit, quantity, vatRateBp, pricesIncludeVat);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      errors.push(tooBig(`items.${i}`, "The line's total"));
      return null;
    }
  };
  lines.forEach((line, i) => {
    if ("product_id" in line) {
      const product = byId.get(line.product_id);
      if (!product)
        return errors.push({
          field: `items.${i}.product_id`,
          code: "not_found",
          message: "No such product in this store",
        });
      if (product.status !== "active")
        return errors.push({
          field: `items.${i}.product_id`,
          code: "not_available",
          message: `The product is ${product.status}, not active`,
        });
      if (product.currency !== currency) {
        return errors.push({
          field: `items.${i}.product_id`,
          code: "currency_mismatch",
          message: `The product is priced in ${product.currency}, the order is in ${currency}`,
        });
      }
      const sums = amounts(i, product.priceMinor, line.quantity);
      if (!sums) return;
      planned.push({
        productId: product.id,
        sku: product.sku,
        nameEn: product.nameEn,
        nameAr: product.nameAr,
        unitPriceMinor: product.priceMinor,
        quantity: line.quantity,
        ...sums,
      });
    } else {
      let unit: number;
      try {
        unit = toMinor(line.price, currency);
      } catch (err) {
        if (!(err instanceof MoneyFormatError)) throw err;
        return errors.push({ field: `items.${i}.price`, code: err.code, message: err.message });
      }
      const name =
        typeof line.name === "string"
          ? { en: line.name, ar: "" }
          : { en: line.name.en ?? "", ar: line.name.ar ?? "" };
      if (!name.en && !name.ar)
        return errors.push({
          field: `items.${i}.name`,
          code: "required",
          message: "Give the line a name",
        });
      const sums = amounts(i, unit, line.quantity);
      if (!sums) return;
      planned.push({
        productId: null,
        sku: line.sku ?? null,
        nameEn: name.en,
        nameAr: name.ar,
        unitPriceMinor: unit,
        quantity: line.quantity,
        ...sums,
      });
    }
  });

  const given = input.total ?? input.amount;
  let totals: LineAmounts = { subtotal: 0, tax: 0, total: 0 };
  try {
    totals = sumAmounts(planned);
  } catch (err) {
    if (!(err instanceof MoneyFormatError)) throw err;
    errors.push(tooBig("items", "The order's total"));
  }
  if (given !== undefined) {
    if (productIds.length)
      errors.push({
        field: "total",
        code: "not_allowed",
        message: "total is only for orders whose lines are not products of this store",
      });
    try {
      totals = splitGross(toMinor(given, currency), vatRateBp);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      errors.push({
        field: input.total !== undefined ? "total" : "amount",
        code: err.code,
        message: err.message,
      });
    }
  } else if (planned.length === 0 && !errors.length) {
    errors.push({
      field: "items",
      code: "required",
      message: "An order needs items, or a total for an order mirrored from elsewhere",
    });
  }
  if (errors.length) throw new ValidationError("The order has invalid fields", errors);
  return { planned, totals };
}

class ExistingOrder extends Error {}

async function findByExternal(db: Db, tenantId: string, source: string, externalId: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.source, source),
        eq(orders.externalId, externalId),
      ),
    );
  return row;
}

async function loadItems(db: Db, ctx: ServiceContext, orderId: string) {
  return db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.tenantId, ctx.tenant.id), eq(orderItems.orderId, orderId)));
}

/**
 * Creates an order: prices and names snapshotted from the products, totals computed here, stock
 * reserved (refused when short, even racing for the last unit), a gap-free number taken, and
 * order.created recorded, all in one transaction. With external_id (+ source) the call is
 * idempotent: the existing order comes back with `created: false`.
 */
export async function createOrder(
  ctx: ServiceContext,
  input: z.infer<typeof OrderCreate>,
): Promise<{ order: Order; created: boolean }> {
  authorize(ctx.actor, "orders:write");
  const source = input.source ?? (input.external_id ? "api" : "admin");
  const externalId = input.external_id ?? null;
  const currency = input.currency ?? ctx.tenant.currency;
  if (!isCurrency(currency)) {
    throw new ValidationError("The order has invalid fields", [
      {
        field: "currency",
        code: "invalid_currency",
        message: `"${currency}" is not an ISO 4217 currency`,
      },
    ]);
  }
  if (externalId) {
    const existing = await findByExternal(ctx.db, ctx.tenant.id, source, externalId);
    if (existing)
      return {
        order: presentOrder(existing, await loadItems(ctx.db, ctx, existing.id)),
        created: false,
      };
  }
  const { planned, totals } = await planLines(ctx, input, currency);
  const now = ctx.now();
  const year = Number(
    new Intl.DateTimeFormat("en", { timeZone: ctx.tenant.timeZone, year: "numeric" }).format(now),
  );

  try {
    return await ctx.db.transaction(async (tx) => {
      // Reserve stock first; the conditional update is the lock, so two buyers of the last unit
      // cannot both succeed.
      const wanted = new Map<string, number>();
      for (const l of planned)
        if (l.productId) wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + l.quantity);
      for (const [productId, quantity] of wanted) {
        const reserved = await tx
          .update(products)
          .set({ inventory: sql`${products.inventory} - ${quantity}` })
          .where(
            and(
              eq(products.tenantId, ctx.tenant.id),
              eq(products.id, productId),
              gte(products.inventory, quantity),
            ),
          )
          .returning({ id: products.id });
        if (!reserved.length) {
          const line = planned.find((l) => l.productId === productId)!;
          throw new ConflictError(
            `Not enough stock for "${line.nameEn || line.nameAr}"`,
            "INSUFFICIENT_STOCK",
          );
        }
      }
      // The sequence row is locked until commit; a rolled-back order gives its number back.
      const [seq] = await tx
        .insert(orderSequences)
        .values({ tenantId: ctx.tenant.id, year, last: 1 })
        .onConflictDoUpdate({
          target: [orderSequences.tenantId, orderSequences.year],
          set: { last: sql`${orderSequences.last} + 1` },
        })
        .returning({ last: orderSequences.last });
      const number = `BS-${year}-${String(seq!.last).padStart(6, "0")}`;
      let order: OrderRow;
      try {
        [order] = (await tx
          .insert(orders)
          .values({
            tenantId: ctx.tenant.id,
            number,
            status: input.status ?? "pending",
            currency,
            customerEmail: input.customer_email?.toLowerCase() ?? null,
            customerName: input.customer_name || null,
            notes: input.notes || null,
            source,
            externalId,
            subtotalMinor: totals.subtotal,
            taxMinor: totals.tax,
            totalMinor: totals.total,
            vatRateBp: ctx.tenant.vatRateBp,
            pricesIncludeVat: ctx.tenant.pricesIncludeVat,
            createdAt: now,
            updatedAt: now,
          })
          .returning()) as [OrderRow];
      } catch (err) {
        if (isUniqueViolation(err, "orders_tenant_external")) throw new ExistingOrder();
        throw err;
      }
      const items = planned.length
        ? await tx
            .insert(orderItems)
            .values(
              planned.map((l, position) => ({
                tenantId: ctx.tenant.id,
                orderId: order.id,
                position,
                productId: l.productId,
                sku: l.sku,
                nameEn: l.nameEn,
                nameAr: l.nameAr,
                unitPriceMinor: l.unitPriceMinor,
                quantity: l.quantity,
                subtotalMinor: l.subtotal,
                taxMinor: l.tax,
                totalMinor: l.total,
              })),
            )
            .returning()
        : [];
      await tx.insert(orderEvents).values({
        tenantId: ctx.tenant.id,
        orderId: order.id,
        type: "created",
        toStatus: order.status,
        ...(await actorForTimeline(tx, ctx)),
        details: { source, ...(externalId ? { external_id: externalId } : {}) },
        createdAt: now,
      });
      const presented = presentOrder(order, items);
      await recordEvent(tx, ctx, "order.created", presented);
      await recordAudit(tx, ctx, {
        action: "order.created",
        resourceType: "order",
        resourceId: order.id,
        metadata: { number },
      });
      return { order: presented, created: true };
    });
  } catch (err) {
    if (!(err instanceof ExistingOrder)) throw err;
    // Another request with the same external_id committed first: theirs is the order.
    const existing = (await findByExternal(ctx.db, ctx.tenant.id, source, externalId!))!;
    return {
      order: presentOrder(existing, await loadItems(ctx.db, ctx, existing.id)),
      created: false,
    };
  }
}

export async function getOrder(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "orders:read");
  if (!UUID.test(id)) throw notFound();
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, id)));
  if (!order) throw notFound();
  const [items, events] = await Promise.all([
    loadItems(ctx.db, ctx, id),
    ctx.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.tenantId, ctx.tenant.id), eq(orderEvents.orderId, id)))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.seq)),
  ]);
  return { ...presentOrder(order, items), timeline: events.map(presentEvent) };
}

/**
 * `q` is an order number (whole, or its digits: "123" finds BS-<this or last year>-000123) or the
 * start of a customer's email. Every branch can use an index: numbers are unique, and emails are
 * stored lower-cased with a text_pattern_ops index for prefix matches.
 */
function searchCondition(raw: string, ctx: ServiceContext): SQL {
  const q = raw.trim();
  if (/^BS-\d{4}-\d{1,9}$/i.test(q)) return eq(orders.number, q.toUpperCase());
  if (/^\d{1,9}$/.test(q)) {
    const year = Number(
      new Intl.DateTimeFormat("en", { timeZone: ctx.tenant.timeZone, year: "numeric" }).format(
        ctx.now(),
      ),
    );
    const digits = q.padStart(6, "0");
    return inArray(
      orders.number,
      [year, year - 1, year - 2].map((y) => `BS-${y}-${digits}`),
    );
  }
  return like(orders.customerEmail, `${escapeLike(q.toLowerCase())}%`);
}

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

/**
 * Moves an order along its lifecycle and edits notes and customer details. Refunds need the
 * refund permission; cancelling gives the reserved stock back. Each change is a timeline entry.
 */
export async function updateOrder(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof OrderUpdate>,
) {
  authorize(ctx.actor, "orders:write");
  if (input.status === "refunded" || input.status === "partially_refunded")
    authorize(ctx.actor, "payments:refund");
  if (!UUID.test(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, id)))
      .for("update");
    if (!order) throw notFound();
    const now = ctx.now();
    const actor = await actorForTimeline(tx, ctx);
    type Entry = Pick<
      typeof orderEvents.$inferInsert,
      "type" | "fromStatus" | "toStatus" | "details"
    >;
    const timeline: Entry[] = [];
    const changes: Partial<OrderRow> = {};

    if (input.status !== undefined && input.status !== order.status) {
      const allowed = TRANSITIONS[order.status];
      if (!allowed.includes(input.status)) {
        throw new ConflictError(
          allowed.length
            ? `An order that is ${order.status} can move to ${allowed.join(" or ")}, not ${input.status}`
            : `An order that is ${order.status} cannot change status`,
          "INVALID_TRANSITION",
        );
      }
      changes.status = input.status;
      timeline.push({ type: "status_changed", fromStatus: order.status, toStatus: input.status });
      if (input.status === "cancelled") {
        const items = await loadItems(tx, ctx, id);
        for (const item of items) {
          if (!item.productId) continue;
          await tx
            .update(products)
            // Stock never exceeds the documented cap (docs/api.md "Limits"), nor overflows int4.
            .set({
              inventory: sql`least(${products.inventory}::bigint + ${item.quantity}, ${MAX_INVENTORY})`,
            })
            .where(and(eq(products.tenantId, ctx.tenant.id), eq(products.id, item.productId)));
        }
      }
    }
    if (input.notes !== undefined && (input.notes || null) !== order.notes) {
      changes.notes = input.notes || null;
      timeline.push({ type: "note_updated", details: { notes: changes.notes } });
    }
    const email =
      input.customer_email === undefined ? undefined : input.customer_email?.toLowerCase() || null;
    const name = input.customer_name === undefined ? undefined : input.customer_name || null;
    if (
      (email !== undefined && email !== order.customerEmail) ||
      (name !== undefined && name !== order.customerName)
    ) {
      if (email !== undefined) changes.customerEmail = email;
      if (name !== undefined) changes.customerName = name;
      timeline.push({
        type: "customer_updated",
        details: {
          customer_email: changes.customerEmail ?? order.customerEmail,
          customer_name: changes.customerName ?? order.customerName,
        },
      });
    }
    if (!timeline.length) return;
    const [updated] = await tx
      .update(orders)
      .set({ ...changes, updatedAt: now })
      .where(eq(orders.id, id))
      .returning();
    await tx.insert(orderEvents).values(
      timeline.map((e) => ({
        ...e,
        tenantId: ctx.tenant.id,
        orderId: id,
        ...actor,
        createdAt: now,
      })),
    );
    await recordEvent(
      tx,
      ctx,
      "order.updated",
      presentOrder(updated!, await loadItems(tx, ctx, id)),
    );
    await recordAudit(tx, ctx, {
      action: "order.updated",
      resourceType: "order",
      resourceId: id,
      metadata: { changes: input },
    });
  });
  return getOrder(ctx, id);
}

/** For the catalogue: a product that orders reference is archived rather than deleted. */
export async function productHasOrders(db: Db, productId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(eq(orderItems.productId, productId))
    .limit(1);
  return Boolean(row);
}
