import { notFound } from "next/navigation";

// Unknown paths under a locale render the localized not-found page (with <html lang dir>)
// instead of Next's bare default.
export default function CatchAllPage() {
  notFound();
}
