"use client";

import { useEffect } from "react";

/**
 * Takes one-time flags (`?created=1`) out of the address once their page has shown them, so a
 * reload or a copied link does not announce the creation again; the notice stays until the
 * person moves on. Next's router follows history.replaceState.
 */
export function DropSearchParams({ names }: { names: readonly string[] }) {
  const key = names.join(",");
  useEffect(() => {
    const url = new URL(window.location.href);
    const present = key.split(",").filter((name) => url.searchParams.has(name));
    if (!present.length) return;
    for (const name of present) url.searchParams.delete(name);
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, [key]);
  return null;
}
