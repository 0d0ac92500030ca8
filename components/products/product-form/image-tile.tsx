import { X } from "lucide-react";
import { Button } from "@/components/ui/button";

/** One image in the product form's grid, with its remove button unless read-only. */
export function ImageTile({
  src,
  label,
  note,
  removeLabel,
  onRemove,
  disabled,
}: {
  src: string;
  label: string;
  note?: string;
  removeLabel: string;
  onRemove?: () => void;
  disabled?: boolean;
}) {
  return (
    <li className="relative overflow-hidden rounded-lg border border-border bg-muted">
      {/* Uploaded files and local previews: nothing for Next's image optimiser to improve. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={label} className="aspect-square w-full object-cover" />
      {note ? (
        <span className="absolute inset-x-0 bottom-0 bg-foreground/70 px-2 py-1 text-xs text-white">
          {note}
        </span>
      ) : null}
      {onRemove ? (
        <Button
          variant="outline"
          size="icon"
          className="absolute end-1.5 top-1.5 size-8 bg-card/90"
          aria-label={removeLabel}
          disabled={disabled}
          onClick={onRemove}
        >
          <X aria-hidden />
        </Button>
      ) : null}
    </li>
  );
}
