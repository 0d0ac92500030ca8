// The products module's prepared statements: what their replies read (lib/db/prepared.ts builds them).
import { getTableColumns } from "drizzle-orm";
import { products } from "../schema";

export { perDatabase, statementName } from "@/lib/db/prepared";

/** Every column a reply shows: not the folded search text, which only the filter reads. */
export const { searchText: _searchText, ...PRODUCT_COLUMNS } = getTableColumns(products);
