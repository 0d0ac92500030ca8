import { DetailSkeleton } from "@/components/ui/skeleton";

/** A product page's shape while it loads: breadcrumb, heading and two columns of cards. */
export function ProductFormSkeleton() {
  return (
    <DetailSkeleton
      columns="lg:grid-cols-[minmax(0,1fr)_20rem]"
      main={["h-72", "h-48"]}
      aside={["h-32", "h-64"]}
    />
  );
}
