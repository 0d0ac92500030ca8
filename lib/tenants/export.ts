/**
 * The store's data export: one zip of JSON and CSV files, streamed as it is written (fflate,
 * docs/decisions/0009-stores-setup-and-export.md), read a page at a time so a large store never
 * sits in memory. Owner only, audited; a suspended store's owner can still take it.
 */
import { and, asc, count, countDistinct, eq, inArray, isNotNull, sql } from "drizzle-orm";
import Papa from "papaparse";
import { readsOf, type ServiceContext } from "@/lib/context";
import { PermissionError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/service";
import { auditLog } from "@/lib/audit/schema";
import { apiKeys } from "@/lib/api-keys/schema";
import { webhookEndpoints } from "@/lib/webhooks/schema";
import { products } from "@/lib/products/schema";
import { presentProduct } from "@/lib/products/service";
import { exportProductsCsv } from "@/lib/products/csv";
import { orderItems, orders } from "@/lib/orders/schema";
import { presentOrder } from "@/lib/orders/service";
import { exportOrdersCsv } from "@/lib/orders/csv";
import { OrderListQuery } from "@/lib/orders/contract";
import { presentTenant } from "./service";
import { PAGE, fromStream, jsonArray, keyset, pages, zipStream, type Entry } from "./archive";

export const EXPORT_FILES = [
  "settings.json",
  "products.json",
  "products.csv",
  "orders.json",
  "orders.csv",
  "customers.csv",
  "api-keys.json",
  "webhooks.json",
  "audit-log.json",
] as const;

/** `acme-export-2026-11-29.zip`, the date in the store's time zone. */
export function exportFilename(slug: string, now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return `${slug}-export-${day}.zip`;
}

export async function exportCounts(ctx: ServiceContext) {
  const t = ctx.tenant.id;
  const db = readsOf(ctx);
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [productN, orderN, customerN, keyN, hookN, auditN] = await Promise.all([
    one(db.select({ n: count() }).from(products).where(eq(products.tenantId, t))),
    one(db.select({ n: count() }).from(orders).where(eq(orders.tenantId, t))),
    one(
      db
        .select({ n: countDistinct(sql`lower(${orders.customerEmail})`) })
        .from(orders)
        .where(and(eq(orders.tenantId, t), isNotNull(orders.customerEmail))),
    ),
    one(db.select({ n: count() }).from(apiKeys).where(eq(apiKeys.tenantId, t))),
    one(db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, t))),
    one(db.select({ n: count() }).from(auditLog).where(eq(auditLog.tenantId, t))),
  ]);
  return {
    products: productN,
    orders: orderN,
    customers: customerN,
    api_keys: keyN,
    webhooks: hookN,
    audit_log: auditN,
  };
}

/**
 * Starts the export: checks the caller is an owner, records it in the audit log, and returns
 * the archive as a stream with its file name and the number of rows it holds (products and
 * orders count once each, although both a JSON and a CSV file carry them).
 */
export async function exportStore(ctx: ServiceContext) {
  if (ctx.actor?.type !== "user" || ctx.actor.role !== "owner")
    throw new PermissionError("Only an owner can export the store's data", "OWNER_ONLY");
  const counts = await exportCounts(ctx);
  counts.audit_log += 1; // the store.exported row below, which the archive holds too
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  await recordAudit(ctx.db, ctx, {
    action: "store.exported",
    resourceType: "tenant",
    resourceId: ctx.tenant.id,
    metadata: { rows, counts },
  });
  const now = ctx.now();
  return {
    filename: exportFilename(ctx.tenant.slug, now, ctx.tenant.timeZone),
    rows,
    counts,
    stream: zipStream(files(ctx, now, counts)),
  };
}

function* files(
  ctx: ServiceContext,
  now: Date,
  counts: Awaited<ReturnType<typeof exportCounts>>,
): Generator<Entry> {
  const t = ctx.tenant.id;
  const db = readsOf(ctx);
  yield {
    name: "settings.json",
    chunks: (async function* () {
      yield (
        JSON.stringify(
          {
            store: { ...presentTenant(ctx.tenant), status: ctx.tenant.status },
            created_at: ctx.tenant.createdAt.toISOString(),
            exported_at: now.toISOString(),
            counts,
          },
          null,
          2,
        ) + "\n"
      );
    })(),
  };
  yield {
    name: "products.json",
    chunks: jsonArray(
      pages((after) =>
        db
          .select()
          .from(products)
          .where(keyset(products, t)(after))
          .orderBy(asc(products.id))
          .limit(PAGE),
      ),
      presentProduct,
    ),
  };
  yield { name: "products.csv", chunks: fromStream(exportProductsCsv(ctx, {})) };
  yield {
    name: "orders.json",
    chunks: jsonArray(
      (async function* () {
        for await (const page of pages((after) =>
          db
            .select()
            .from(orders)
            .where(keyset(orders, t)(after))
            .orderBy(asc(orders.id))
            .limit(PAGE),
        )) {
          const items = await db
            .select()
            .from(orderItems)
            .where(
              and(
                eq(orderItems.tenantId, t),
                inArray(
                  orderItems.orderId,
                  page.map((o) => o.id),
                ),
              ),
            );
          yield page.map((o) =>
            presentOrder(
              o,
              items.filter((i) => i.orderId === o.id),
            ),
          );
        }
      })(),
      (o) => o,
    ),
  };
  const { page: _page, limit: _limit, ...allOrders } = OrderListQuery.parse({});
  yield { name: "orders.csv", chunks: fromStream(exportOrdersCsv(ctx, allOrders)) };
  yield {
    name: "customers.csv",
    chunks: (async function* () {
      const columns = ["email", "name", "orders", "first_order_at", "last_order_at"];
      yield "\uFEFF" + columns.join(",") + "\r\n";
      let after = "";
      for (;;) {
        const email = sql<string>`lower(${orders.customerEmail})`;
        const rows = await db
          .select({
            email,
            name: sql<string | null>`max(${orders.customerName})`,
            orders: count(),
            first: sql<string>`min(${orders.createdAt})`.mapWith((v) => new Date(v).toISOString()),
            last: sql<string>`max(${orders.createdAt})`.mapWith((v) => new Date(v).toISOString()),
          })
          .from(orders)
          .where(
            and(
              eq(orders.tenantId, t),
              isNotNull(orders.customerEmail),
              sql`lower(${orders.customerEmail}) > ${after}`,
            ),
          )
          .groupBy(email)
          .orderBy(email)
          .limit(PAGE);
        if (rows.length)
          yield (
            Papa.unparse(
              rows.map((r) => [r.email, r.name ?? "", r.orders, r.first, r.last]),
              { newline: "\r\n", escapeFormulae: true },
            ) + "\r\n"
          );
        if (rows.length < PAGE) return;
        after = rows.at(-1)!.email;
      }
    })(),
  };
  yield {
    name: "api-keys.json",
    chunks: jsonArray(
      pages((after) =>
        db
          .select({
            id: apiKeys.id,
            name: apiKeys.name,
            prefix: apiKeys.prefix,
            last4: apiKeys.last4,
            scopes: apiKeys.scopes,
            createdAt: apiKeys.createdAt,
            expiresAt: apiKeys.expiresAt,
            lastUsedAt: apiKeys.lastUsedAt,
            revokedAt: apiKeys.revokedAt,
          })
          .from(apiKeys)
          .where(keyset(apiKeys, t)(after))
          .orderBy(asc(apiKeys.id))
          .limit(PAGE),
      ),
      (k) => ({
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        last4: k.last4,
        scopes: k.scopes,
        created_at: k.createdAt.toISOString(),
        expires_at: k.expiresAt?.toISOString() ?? null,
        last_used_at: k.lastUsedAt?.toISOString() ?? null,
        revoked_at: k.revokedAt?.toISOString() ?? null,
      }),
    ),
  };
  yield {
    name: "webhooks.json",
    chunks: jsonArray(
      pages((after) =>
        db
          .select({
            id: webhookEndpoints.id,
            url: webhookEndpoints.url,
            description: webhookEndpoints.description,
            events: webhookEndpoints.events,
            enabled: webhookEndpoints.enabled,
            createdAt: webhookEndpoints.createdAt,
          })
          .from(webhookEndpoints)
          .where(keyset(webhookEndpoints, t)(after))
          .orderBy(asc(webhookEndpoints.id))
          .limit(PAGE),
      ),
      (w) => ({
        id: w.id,
        url: w.url,
        description: w.description,
        events: w.events,
        enabled: w.enabled,
        created_at: w.createdAt.toISOString(),
      }),
    ),
  };
  yield {
    name: "audit-log.json",
    chunks: jsonArray(
      pages((after) =>
        db
          .select()
          .from(auditLog)
          .where(keyset(auditLog, t)(after))
          .orderBy(asc(auditLog.id))
          .limit(PAGE),
      ),
      (a) => ({
        id: a.id,
        action: a.action,
        actor_type: a.actorType,
        actor_id: a.actorId,
        resource_type: a.resourceType,
        resource_id: a.resourceId,
        ip: a.ip,
        request_id: a.requestId,
        metadata: a.metadata,
        created_at: a.createdAt.toISOString(),
      }),
    ),
  };
}
