import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/**
 * False on the server and during hydration, true after. Controls that only work with JavaScript
 * (a click handler, no native fallback) stay disabled until then, so an early click is not lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
