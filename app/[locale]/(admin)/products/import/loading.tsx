import { ProductFormSkeleton } from "@/components/products/form-skeleton";

export default function Loading() {
  return <ProductFormSkeleton />;
}
