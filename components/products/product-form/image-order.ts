/**
 * The edit form's images between saves: their order, and which are marked for removal. Nothing
 * reaches the product until Save sends `images` (the kept ones, in order; the first is the
 * thumbnail), so a removal can be undone and a reorder is one change like any other field.
 */
export interface ImageEntry {
  url: string;
  removed: boolean;
}

export function toEntries(urls: readonly string[]): ImageEntry[] {
  return urls.map((url) => ({ url, removed: false }));
}

/** The URLs Save sends: the kept images in their order. */
export function keptUrls(entries: readonly ImageEntry[]): string[] {
  return entries.filter((entry) => !entry.removed).map((entry) => entry.url);
}

/** Whether the images differ from what was last saved (an order or a removal). */
export function imagesChanged(entries: readonly ImageEntry[], saved: readonly string[]): boolean {
  const kept = keptUrls(entries);
  return kept.length !== saved.length || kept.some((url, i) => url !== saved[i]);
}

/** Moves the image at `index` by `delta` places (-1 earlier, 1 later); past either end, no change. */
export function moveImage(entries: readonly ImageEntry[], index: number, delta: -1 | 1) {
  const target = index + delta;
  if (index < 0 || target < 0 || index >= entries.length || target >= entries.length)
    return [...entries];
  const next = [...entries];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function toggleRemoved(entries: readonly ImageEntry[], url: string): ImageEntry[] {
  return entries.map((entry) =>
    entry.url === url ? { ...entry, removed: !entry.removed } : entry,
  );
}

/**
 * After an upload the API answers with the saved list plus the new file; the form keeps its own
 * unsaved order and marks and appends only what it has not seen.
 */
export function withUploaded(entries: readonly ImageEntry[], server: readonly string[]) {
  const known = new Set(entries.map((entry) => entry.url));
  return [...entries, ...toEntries(server.filter((url) => !known.has(url)))];
}
