import { DetailSkeleton } from "@/components/ui/skeleton";

/** A payment page's shape while it loads: the sums, then refunds and history beside the details. */
export default function Loading() {
  return (
    <DetailSkeleton
      columns="lg:grid-cols-[minmax(0,1fr)_22rem]"
      main={["h-24", "h-48", "h-56"]}
      aside={["h-96"]}
    />
  );
}
