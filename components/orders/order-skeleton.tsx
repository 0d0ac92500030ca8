import { DetailSkeleton } from "@/components/ui/skeleton";

/** An order page's shape while it loads: breadcrumb, heading, a wide column and a side column. */
export function OrderSkeleton() {
  return (
    <DetailSkeleton
      columns="lg:grid-cols-[minmax(0,1fr)_22rem]"
      main={["h-72", "h-56"]}
      aside={["h-40", "h-64"]}
    />
  );
}
