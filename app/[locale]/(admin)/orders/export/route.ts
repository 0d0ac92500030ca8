import { csvExportRoute } from "@/lib/admin/csv-export";
import { parseOrderSearchParams, toExportParams } from "../search-params";

/** The orders as CSV, with the list's filters. */
export const GET = csvExportRoute((store, query) =>
  store.orders.exportCsv(toExportParams(parseOrderSearchParams(query))),
);
