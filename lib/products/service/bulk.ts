import { and, eq, inArray } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import type { BulkAction } from "../contract";
import { products, type ProductStatus } from "../schema";
import { merge } from "./merge";
import { writeUpdate } from "./update";

const BULK_STATUS: Record<z.infer<typeof BulkAction>["action"], ProductStatus> = {
  activate: "active",
  archive: "archived",
  draft: "draft",
};

/** Changes the status of many products; each succeeds or reports why, independently. */
export async function bulkSetStatus(ctx: ServiceContext, input: z.infer<typeof BulkAction>) {
  authorize(ctx.actor, "products:write");
  const status = BULK_STATUS[input.action];
  const rows = await ctx.db
    .select()
    .from(products)
    .where(and(eq(products.tenantId, ctx.tenant.id), inArray(products.id, input.ids)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const updated: string[] = [];
  const errors: { id: string; code: string; detail: string }[] = [];
  for (const id of new Set(input.ids)) {
    const row = found.get(id);
    if (!row) {
      errors.push({ id, code: "PRODUCT_NOT_FOUND", detail: "Product not found" });
      continue;
    }
    if (row.status === status) {
      updated.push(id);
      continue;
    }
    try {
      await ctx.db.transaction(async (tx) => {
        await writeUpdate(tx, ctx, id, merge(ctx, row, { status }));
        await recordAudit(tx, ctx, {
          action: "product.updated",
          resourceType: "product",
          resourceId: id,
          metadata: { bulk: input.action },
        });
      });
      updated.push(id);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push({
        id,
        code: err.code,
        detail: err.extra.errors?.map((e) => e.message).join("; ") || err.detail,
      });
    }
  }
  return { updated, errors };
}
