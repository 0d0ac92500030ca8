import { describe, expect, it } from "vitest";
import {
  imagesChanged,
  keptUrls,
  moveImage,
  toEntries,
  toggleRemoved,
  withUploaded,
} from "@/components/products/product-form/image-order";

const urls = (entries: { url: string }[]) => entries.map((entry) => entry.url);

describe("product form image order", () => {
  const start = toEntries(["a", "b", "c"]);

  it("moves an image earlier or later, and not past either end", () => {
    expect(urls(moveImage(start, 1, -1))).toEqual(["b", "a", "c"]);
    expect(urls(moveImage(start, 1, 1))).toEqual(["a", "c", "b"]);
    expect(urls(moveImage(start, 0, -1))).toEqual(["a", "b", "c"]);
    expect(urls(moveImage(start, 2, 1))).toEqual(["a", "b", "c"]);
  });

  it("a removal only marks the image, can be undone, and Save leaves it out", () => {
    const marked = toggleRemoved(start, "a");
    expect(urls(marked)).toEqual(["a", "b", "c"]);
    expect(keptUrls(marked)).toEqual(["b", "c"]);
    expect(imagesChanged(marked, ["a", "b", "c"])).toBe(true);
    const undone = toggleRemoved(marked, "a");
    expect(keptUrls(undone)).toEqual(["a", "b", "c"]);
    expect(imagesChanged(undone, ["a", "b", "c"])).toBe(false);
  });

  it("counts a new order as a change", () => {
    expect(imagesChanged(moveImage(start, 0, 1), ["a", "b", "c"])).toBe(true);
  });

  it("an upload appends the new file and keeps the unsaved order and marks", () => {
    const local = toggleRemoved(moveImage(start, 0, 1), "c");
    const after = withUploaded(local, ["a", "b", "c", "d"]);
    expect(urls(after)).toEqual(["b", "a", "c", "d"]);
    expect(keptUrls(after)).toEqual(["b", "a", "d"]);
  });
});
