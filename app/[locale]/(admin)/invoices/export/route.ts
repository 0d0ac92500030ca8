import { csvExportRoute } from "@/lib/admin/csv-export";
import { parseInvoiceSearchParams, toExportParams } from "../search-params";

/** The invoices and credit notes as CSV, with the list's filters (for the accountant). */
export const GET = csvExportRoute((store, query) =>
  store.invoices.exportCsv(toExportParams(parseInvoiceSearchParams(query))),
);
