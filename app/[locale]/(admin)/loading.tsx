import { LoadingStatus } from "@/components/ui/skeleton";

// Shown inside the shell while an admin page streams in.
export default function AdminLoading() {
  return (
    <LoadingStatus>
      <div aria-hidden className="h-8 w-64 max-w-full animate-pulse rounded-md bg-border" />
      <div aria-hidden className="h-4 w-96 max-w-full animate-pulse rounded-md bg-muted" />
      <div
        aria-hidden
        className="h-56 w-full max-w-3xl animate-pulse rounded-xl bg-card shadow-sm"
      />
    </LoadingStatus>
  );
}
