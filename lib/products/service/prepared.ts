// What the products module's prepared statements read (lib/db/prepared.ts builds them).
import { getTableColumns } from "drizzle-orm";
import { products } from "../schema";

/** Every column a reply shows: not the folded search text, which only the filter reads. */
export const { searchText: _searchText, ...PRODUCT_COLUMNS } = getTableColumns(products);
