"use server";

import { z } from "zod";
import { adminAction, Locale, toResult } from "@/lib/admin/safe-action";

/** Issues the order's tax invoice by hand (idempotent: the one it has comes back). */
export const issueInvoice = toResult(
  adminAction
    .metadata({
      updates: "orders",
      notFound: { code: "ORDER_NOT_FOUND", message: "Order not found" },
    })
    .bindArgsSchemas([Locale, z.uuid()])
    .action(async ({ bindArgsParsedInputs: [, orderId], ctx: { store } }) => {
      const invoice = await store.invoices.issue(orderId);
      return { id: invoice.id, number: invoice.number };
    }),
);
