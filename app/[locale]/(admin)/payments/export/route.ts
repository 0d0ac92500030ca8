import { csvExportRoute } from "@/lib/admin/csv-export";
import { parsePaymentSearchParams, toExportParams } from "../search-params";

/** The payments as CSV, with the list's filters. */
export const GET = csvExportRoute((store, query) =>
  store.payments.exportCsv(toExportParams(parsePaymentSearchParams(query))),
);
