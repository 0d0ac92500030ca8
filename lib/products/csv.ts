import { likeInStore } from "@/lib/db/store-like";
import Papa from "papaparse";
import { BOM, csvLines, csvStream, unescapeCell } from "@/lib/csv";
import { TEXT_PROBLEM_MESSAGES, textProblem } from "@/lib/input";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { readsOf, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { ValidationError, type FieldError } from "@/lib/errors";
import { escapeLike, foldForSearch } from "@/lib/text/search";
import { ProductCreate } from "./contract";
import { products, PRODUCT_STATUSES, type ProductStatus } from "./schema";
import {
  insertProduct,
  mergeProductValues,
  presentProduct,
  updateProductRow,
  type ProductValues,
} from "./service";

/** Both languages as columns. Lists inside a cell are separated by "|". */
export const CSV_COLUMNS = [
  "sku",
  "name_en",
  "name_ar",
  "description_en",
  "description_ar",
  "price",
  "currency",
  "category",
  "tags",
  "status",
  "inventory",
  "images",
] as const;

export const MAX_IMPORT_ROWS = 10_000;

/**
 * The catalogue as CSV, streamed in pages of 1000 (keyset, so 100k products never sit in memory).
 * UTF-8 with a BOM. The first page is read before this resolves, so errors are an error reply.
 */
export async function exportProductsCsv(
  ctx: ServiceContext,
  filter: { status?: ProductStatus; category?: string; q?: string },
) {
  authorize(ctx.actor, "products:read");
  const base: SQL[] = [eq(products.tenantId, ctx.tenant.id)];
  if (filter.status) base.push(eq(products.status, filter.status));
  if (filter.category) base.push(eq(products.category, filter.category));
  const folded = filter.q ? foldForSearch(filter.q) : "";
  if (folded)
    base.push(likeInStore(products, products.searchText, ctx.tenant.id, `%${escapeLike(folded)}%`));
  // The cursor keeps created_at as PostgreSQL's text: a JS Date drops the microseconds, and the
  // rows after it that share its millisecond (a whole import shares one) would be skipped.
  let cursor: { at: string; id: string } | undefined;
  const read = async () => {
    const where = cursor
      ? and(
          ...base,
          or(
            sql`${products.createdAt} < ${cursor.at}::timestamptz`,
            and(sql`${products.createdAt} = ${cursor.at}::timestamptz`, lt(products.id, cursor.id)),
          ),
        )
      : and(...base);
    const page = await readsOf(ctx)
      .select({ row: products, at: sql<string>`${products.createdAt}::text` })
      .from(products)
      .where(where)
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(1000);
    const last = page.at(-1);
    cursor = page.length < 1000 || !last ? undefined : { at: last.at, id: last.row.id };
    const rows = page.map((p) => p.row);
    return rows.map((r) => {
      const p = presentProduct(r);
      return [
        p.sku ?? "",
        p.name.en,
        p.name.ar,
        p.description.en,
        p.description.ar,
        p.price,
        p.currency,
        p.category ?? "",
        p.tags.join("|"),
        p.status,
        p.inventory,
        p.images.join("|"),
      ];
    });
  };
  const first = await read();
  return csvStream(BOM + csvLines(first, CSV_COLUMNS), async () =>
    cursor ? csvLines(await read()) : null,
  );
}

export interface ImportProgress {
  phase: "validating" | "writing";
  processed: number;
  total: number;
}

export interface ImportError {
  row: number;
  field: string;
  /** Stable and machine-readable (the admin words it in the reader's language). */
  code: string;
  message: string;
}

function rowToInput(record: Record<string, string>): z.input<typeof ProductCreate> {
  const list = (v: string | undefined) =>
    (v ?? "")
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
  const inventory = record.inventory?.trim();
  return {
    sku: record.sku?.trim() || null,
    name: { en: record.name_en ?? "", ar: record.name_ar ?? "" },
    description: { en: record.description_en ?? "", ar: record.description_ar ?? "" },
    price: (record.price ?? "").trim(),
    currency: record.currency?.trim() || undefined,
    category: record.category?.trim() || null,
    tags: list(record.tags),
    status: (record.status?.trim().toLowerCase() || undefined) as ProductStatus | undefined,
    inventory: inventory
      ? /^-?\d+$/.test(inventory)
        ? Number(inventory)
        : (inventory as unknown as number)
      : undefined,
    images: list(record.images),
  };
}

/**
 * Imports products from CSV, all or nothing: every row is validated first; any error and nothing
 * is written (the reply lists each row's errors). Rows whose SKU exists are updated; the rest
 * are created. `onProgress` reports validation and writing as they go.
 */
export async function importProductsCsv(
  ctx: ServiceContext,
  csv: string,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<{ created: number; updated: number; errors: ImportError[] }> {
  authorize(ctx.actor, "products:write");
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
    // Our export escapes cells a spreadsheet would run as formulas; importing it gives them back.
    transform: unescapeCell,
  });
  const headers = parsed.meta.fields ?? [];
  const missing = ["name_en", "name_ar", "price"].filter((c) => !headers.includes(c));
  if (missing.length) {
    throw new ValidationError(
      `The CSV needs the columns ${missing.join(", ")} (see the export for the format)`,
      [
        {
          field: "file",
          code: "missing_columns",
          message: `Missing columns: ${missing.join(", ")}`,
        },
      ],
      "CSV_INVALID",
    );
  }
  const records = parsed.data;
  if (records.length === 0)
    throw new ValidationError(
      "The CSV has no rows",
      [{ field: "file", code: "empty", message: "No rows" }],
      "CSV_INVALID",
    );
  if (records.length > MAX_IMPORT_ROWS) {
    throw new ValidationError(
      `At most ${MAX_IMPORT_ROWS} rows per import`,
      [{ field: "file", code: "too_many_rows", message: `${records.length} rows` }],
      "CSV_INVALID",
    );
  }

  // Existing products by SKU, to update rather than clash.
  const existing = new Map(
    (await ctx.db.select().from(products).where(eq(products.tenantId, ctx.tenant.id)))
      .filter((r) => r.sku)
      .map((r) => [r.sku!, r]),
  );
  const errors: ImportError[] = [];
  for (const e of parsed.errors)
    errors.push({
      row: (e.row ?? 0) + 2,
      field: "file",
      code: "unreadable_row",
      message: e.message,
    });
  const plan: { values: ProductValues; existingId?: string }[] = [];
  const skusInFile = new Map<string, number>();
  const total = records.length;
  // PGlite runs queries without yielding to the event loop: give it a turn after each progress
  // report, or the streamed lines would only leave when the import is over.
  const report = async (p: ImportProgress) => {
    onProgress(p);
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const [i, record] of records.entries()) {
    if (i > 0 && i % 50 === 0) await report({ phase: "validating", processed: i, total });
    const rowNumber = i + 2; // the header is row 1, as a spreadsheet numbers it
    // Text PostgreSQL cannot store (docs/api.md "Text rules"): a row error, not a 500.
    let storable = true;
    for (const field of CSV_COLUMNS) {
      const problem = textProblem(record[field] ?? "");
      if (!problem) continue;
      errors.push({
        row: rowNumber,
        field,
        code: problem,
        message: TEXT_PROBLEM_MESSAGES[problem],
      });
      storable = false;
    }
    if (!storable) continue;
    const input = ProductCreate.safeParse(rowToInput(record));
    if (!input.success) {
      for (const issue of input.error.issues)
        errors.push({
          row: rowNumber,
          field: csvField(issue.path),
          code: issue.code,
          message: issue.message,
        });
      continue;
    }
    const sku = input.data.sku ?? null;
    if (sku) {
      const seen = skusInFile.get(sku);
      if (seen) {
        errors.push({
          row: rowNumber,
          field: "sku",
          code: "duplicate_in_file",
          message: `Same SKU as row ${seen}`,
        });
        continue;
      }
      skusInFile.set(sku, rowNumber);
    }
    const current = sku ? existing.get(sku) : undefined;
    try {
      plan.push({ values: mergeProductValues(ctx, current, input.data), existingId: current?.id });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      for (const fe of err.extra.errors ?? [])
        errors.push({
          row: rowNumber,
          field: csvField(fe.field.split(".")),
          code: fe.code,
          message: fe.message,
        });
    }
  }
  await report({ phase: "validating", processed: total, total });
  if (errors.length) return { created: 0, updated: 0, errors };

  let created = 0;
  let updated = 0;
  await ctx.db.transaction(async (tx) => {
    for (const [i, item] of plan.entries()) {
      if (item.existingId) {
        await updateProductRow(tx, ctx, item.existingId, item.values);
        updated++;
      } else {
        const product = presentProduct(await insertProduct(tx, ctx, item.values));
        await recordEvent(tx, ctx, "product.created", product);
        created++;
      }
      if ((i + 1) % 20 === 0 || i + 1 === plan.length)
        await report({ phase: "writing", processed: i + 1, total: plan.length });
    }
    await recordAudit(tx, ctx, {
      action: "product.imported",
      resourceType: "product",
      metadata: { created, updated },
    });
  });
  return { created, updated, errors: [] };
}

function csvField(path: PropertyKey[] | string[]): string {
  const [head, sub] = path.map(String);
  if ((head === "name" || head === "description") && sub) return `${head}_${sub}`;
  if (head === "name") return "name_en";
  return head ?? "row";
}

export function isProductStatus(s: string): s is ProductStatus {
  return (PRODUCT_STATUSES as readonly string[]).includes(s);
}

export type { FieldError };
