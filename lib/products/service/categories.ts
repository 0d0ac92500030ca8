import type { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/service";
import { authorize } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { CategoryNamesInput } from "../contract";
import { categoryNames } from "../schema";

/**
 * Names a category in both languages, or forgets its names (null, or both empty). Products keep
 * the category's own value; only what people read changes (docs/decisions/0004).
 */
export async function setCategoryNames(
  ctx: ServiceContext,
  input: z.infer<typeof CategoryNamesInput>,
) {
  authorize(ctx.actor, "products:write");
  const names = input.names && (input.names.en || input.names.ar) ? input.names : null;
  return ctx.db.transaction(async (tx) => {
    if (names) {
      const values = { nameEn: names.en, nameAr: names.ar, updatedAt: ctx.now() };
      await tx
        .insert(categoryNames)
        .values({ tenantId: ctx.tenant.id, category: input.category, ...values })
        .onConflictDoUpdate({
          target: [categoryNames.tenantId, categoryNames.category],
          set: values,
        });
    } else {
      await tx
        .delete(categoryNames)
        .where(
          and(
            eq(categoryNames.tenantId, ctx.tenant.id),
            eq(categoryNames.category, input.category),
          ),
        );
    }
    await recordAudit(tx, ctx, {
      action: "category.named",
      resourceType: "category",
      resourceId: input.category,
      metadata: { names },
    });
    return { category: input.category, names };
  });
}
