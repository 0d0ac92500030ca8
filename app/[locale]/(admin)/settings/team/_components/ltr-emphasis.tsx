import type { ReactNode } from "react";

/** An email inside a translated sentence: bold, and kept left to right in Arabic text. */
export function ltrEmphasis(chunks: ReactNode) {
  return (
    <bdi dir="ltr" className="font-medium text-foreground">
      {chunks}
    </bdi>
  );
}
