import { csvExportRoute } from "@/lib/admin/csv-export";
import { parseProductSearchParams, toExportParams } from "../search-params";

/** The catalogue as CSV, with the list's filters. */
export const GET = csvExportRoute((store, query) =>
  store.products.exportCsv(toExportParams(parseProductSearchParams(query))),
);
