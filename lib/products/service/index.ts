// The products service, one file per verb; callers import from here (lib/products/service).
export { presentProduct, type Product } from "./present";
export { getProduct } from "./get";
export { setCategoryNames } from "./categories";
export { listCategories, listProducts, queryProductPage } from "./list";
export { createProduct, insertProduct } from "./create";
export { updateProduct, writeUpdate as updateProductRow } from "./update";
export { deleteProduct, type OrdersReferenceCheck } from "./delete";
export { bulkSetStatus } from "./bulk";
export { merge as mergeProductValues } from "./merge";
export {
  findRowForUpdate as findProductRowForUpdate,
  type Values as ProductValues,
} from "./shared";
