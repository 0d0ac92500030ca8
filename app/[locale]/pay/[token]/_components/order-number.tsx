import type { ReactNode } from "react";

/** For `t.rich(…, {n: OrderNumber})`: an order number reads left to right inside Arabic too. */
export function OrderNumber(chunks: ReactNode) {
  return (
    <bdi dir="ltr" className="font-medium whitespace-nowrap text-foreground">
      {chunks}
    </bdi>
  );
}
