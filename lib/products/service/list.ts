import { outsideTenantScope } from "@/lib/db/tenant-scope";
import { and, asc, count, desc, eq, inArray, isNotNull, like, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { readsOf, type ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/permissions";
import { escapeLike, foldForSearch } from "@/lib/text/search";
import type { ProductListQuery } from "../contract";
import { categoryNames, productCounts, products, sortNameAr, sortNameEn } from "../schema";
import { presentProduct } from "./present";
import { perDatabase, statementName } from "@/lib/db/prepared";
import { PRODUCT_COLUMNS } from "./prepared";

/** Categories one list returns, of each kind (in use, named). */
const MAX_CATEGORIES = 200;

const SORT_COLUMNS = {
  created_at: products.createdAt,
  updated_at: products.updatedAt,
  price: products.priceMinor,
  name: sortNameEn(products),
  name_ar: sortNameAr(products),
  inventory: products.inventory,
} as const;

function orderFor(sort: string) {
  const descending = sort.startsWith("-");
  const column = SORT_COLUMNS[sort.replace("-", "") as keyof typeof SORT_COLUMNS];
  return descending ? [desc(column), desc(products.id)] : [asc(column), asc(products.id)];
}

/** A list's shape: its sort, and whether a status or category is filtered (48 at most). */
export type Shape = { sort: string; status: boolean; category: boolean };

/** The list's two queries for one shape, with placeholders for the values (exported for EXPLAIN). */
export function listQueries(db: Db, shape: Shape) {
  const conditions: SQL[] = [eq(products.tenantId, sql.placeholder("tenantId"))];
  if (shape.status) conditions.push(eq(products.status, sql.placeholder("status")));
  if (shape.category) conditions.push(eq(products.category, sql.placeholder("category")));
  const where = and(...conditions);
  // Whole catalogue or one status: the trigger-kept counter. A category: count the matches.
  const total = shape.category
    ? db.select({ total: count() }).from(products).where(where)
    : db
        .select({ total: sql<number>`coalesce(sum(${productCounts.count}), 0)`.mapWith(Number) })
        .from(productCounts)
        .where(
          and(
            eq(productCounts.tenantId, sql.placeholder("tenantId")),
            shape.status ? eq(productCounts.status, sql.placeholder("status")) : undefined,
          ),
        );
  // The total rides on every row of the page: one statement, one round trip. An empty page
  // past the end has no row to carry it, and asks `total` on its own.
  const page = db
    .select({ ...PRODUCT_COLUMNS, total: sql<number>`(${total})`.mapWith(Number) })
    .from(products)
    .where(where)
    .orderBy(...orderFor(shape.sort))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"));
  return { page, total };
}

function prepareList(db: Db, shape: Shape) {
  const name = `products_${shape.sort.replace("-", "desc_")}_${shape.status ? "s" : "x"}${shape.category ? "c" : "x"}`;
  const { page, total } = listQueries(db, shape);
  return {
    page: page.prepare(statementName(`${name}_page`)),
    total: total.prepare(statementName(`${name}_count`)),
  };
}

const listStatements = perDatabase((db, key) => prepareList(db, JSON.parse(key) as Shape));

/**
 * One page of products and the total. The SQL the list runs, and nothing else: the benchmark's
 * bare baseline calls this too, so API and baseline are compared on identical queries.
 */
export async function queryProductPage(
  db: Db,
  tenantId: string,
  query: z.infer<typeof ProductListQuery>,
) {
  const folded = query.q ? foldForSearch(query.q) : "";
  if (!folded) {
    const shape: Shape = {
      sort: query.sort,
      status: Boolean(query.status),
      category: Boolean(query.category),
    };
    const { page, total } = listStatements(db, JSON.stringify(shape));
    const params = {
      tenantId,
      limit: query.limit,
      offset: (query.page - 1) * query.limit,
      ...(query.status && { status: query.status }),
      ...(query.category && { category: query.category }),
    };
    const rows = await page.execute(params);
    if (rows[0] || params.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
    const [totalRow] = await total.execute(params);
    return { rows, total: totalRow?.total ?? 0 };
  }

  // A search: LIKE on the folded text, counted on its own. The page's ids and the count are found
  // as the tables' owner, with the store's filter here: under row-level security PostgreSQL may
  // not test LIKE (not leakproof) inside the trigram index, nor walk the sort's index with it, and
  // a broad term went from 110 searches/s to 20. The rows are then read in the store's scope, so
  // whatever the first step found, only the store's own rows reach the reply.
  const conditions: SQL[] = [eq(products.tenantId, tenantId)];
  if (query.status) conditions.push(eq(products.status, query.status));
  if (query.category) conditions.push(eq(products.category, query.category));
  conditions.push(like(products.searchText, `%${escapeLike(folded)}%`));
  const where = and(...conditions);
  const [page, [totalRow]] = await outsideTenantScope(() =>
    Promise.all([
      db
        .select({ id: products.id })
        .from(products)
        .where(where)
        .orderBy(...orderFor(query.sort))
        .limit(query.limit)
        .offset((query.page - 1) * query.limit),
      countSearchMatches(db, where),
    ]),
  );
  const found = page.length
    ? await db
        .select(PRODUCT_COLUMNS)
        .from(products)
        .where(
          inArray(
            products.id,
            page.map((p) => p.id),
          ),
        )
    : [];
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = page.flatMap((p) => byId.get(p.id) ?? []);
  return { rows, total: totalRow?.total ?? 0 };
}

/**
 * Counts a search's matches. With the default random_page_cost (4, priced for spinning disks)
 * PostgreSQL counts a broad term (10% of 100k products) with a sequential scan running LIKE on
 * every row: 74 ms, against 27 ms through the trigram index. SSD pricing, for this one statement.
 */
function countSearchMatches(db: Db, where: SQL | undefined) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local random_page_cost = 1.1`);
    return tx.select({ total: count() }).from(products).where(where);
  });
}

export async function listProducts(ctx: ServiceContext, query: z.infer<typeof ProductListQuery>) {
  authorize(ctx.actor, "products:read");
  const { rows, total } = await queryProductPage(readsOf(ctx), ctx.tenant.id, query);
  return {
    data: rows.map(presentProduct),
    pagination: {
      page: query.page,
      limit: query.limit,
      total,
      pages: Math.ceil(total / query.limit),
    },
  };
}

/**
 * Categories in use (most products first), then named ones no product uses any more, each with
 * its names in both languages when a merchant gave them (docs/decisions/0004).
 */
export async function listCategories(ctx: ServiceContext) {
  authorize(ctx.actor, "products:read");
  const db = readsOf(ctx);
  const [used, named] = await Promise.all([
    db
      .select({ name: products.category, count: count() })
      .from(products)
      .where(and(eq(products.tenantId, ctx.tenant.id), isNotNull(products.category)))
      .groupBy(products.category)
      .orderBy(desc(count()), asc(products.category))
      .limit(MAX_CATEGORIES),
    db
      .select()
      .from(categoryNames)
      .where(eq(categoryNames.tenantId, ctx.tenant.id))
      .orderBy(asc(categoryNames.category))
      .limit(MAX_CATEGORIES),
  ]);
  const names = new Map(named.map((row) => [row.category, { en: row.nameEn, ar: row.nameAr }]));
  const data = used.map((row) => ({
    name: row.name!,
    count: row.count,
    names: names.get(row.name!) ?? null,
  }));
  const inUse = new Set(data.map((row) => row.name));
  for (const row of named) {
    if (!inUse.has(row.category))
      data.push({ name: row.category, count: 0, names: names.get(row.category)! });
  }
  return { data };
}
