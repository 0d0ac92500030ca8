import { currencyExponent } from "@/lib/money";
import type { ProductStatus } from "@/lib/products/contract";
import type { Product } from "@/lib/sdk";

// Apart from the form (a client module) so server pages can build the defaults too.

/** The form's own values: what the inputs hold, strings included. */
export interface ProductFormValues {
  name: { en: string; ar: string };
  description: { en: string; ar: string };
  price: string;
  currency: string;
  category: string;
  tags: string[];
  sku: string;
  status: ProductStatus;
  inventory: string;
}

export function productFormValues(product: Product): ProductFormValues {
  return {
    name: { ...product.name },
    description: { ...product.description },
    // 49.9 SAR shows as 49.90: the currency's own decimals, as a price is written.
    price: product.price.toFixed(currencyExponent(product.currency)),
    currency: product.currency,
    category: product.category ?? "",
    tags: product.tags,
    sku: product.sku ?? "",
    status: product.status,
    inventory: String(product.inventory),
  };
}
