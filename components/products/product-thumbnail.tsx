import { ImageOff } from "lucide-react";
import { cn } from "@/lib/cn";

/** A product's first image, decorative (the name beside it says what it is); a placeholder without one. */
export function ProductThumbnail({ src, size = 40 }: { src: string | null; size?: 36 | 40 }) {
  const box = size === 36 ? "size-9" : "size-10";
  if (!src) {
    return (
      <span
        aria-hidden
        className={cn(
          "flex shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground",
          box,
        )}
      >
        <ImageOff className="size-4" />
      </span>
    );
  }
  return (
    // Uploaded files come from the Store API with long-lived caching; Next's image optimiser
    // would only fetch them from this same server again.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className={cn("shrink-0 rounded-md border border-border bg-muted object-cover", box)}
    />
  );
}
