import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Physical (left/right) Tailwind utilities do not mirror in Arabic. Use the logical ones:
 * ms/me, ps/pe, start/end, text-start/end, border-s/e, rounded-s/e, float-start/end.
 */
const root = path.resolve(import.meta.dirname, "../..");
const SCANNED_DIRS = ["app", "components"];

// A class token starts after whitespace, a quote, a backtick, a variant colon or `!`.
const START = String.raw`(?<=^|[\s"'\`:!{(])`;
const PHYSICAL = [
  String.raw`-?(?:m|p|scroll-m|scroll-p)[lr]-`, // ml-4, pr-2, -ml-px, scroll-pl-4
  String.raw`-?(?:left|right)-`, // left-0, right-4, -left-2
  String.raw`text-(?:left|right)\b`,
  String.raw`float-(?:left|right)\b`,
  String.raw`clear-(?:left|right)\b`,
  String.raw`border-[lr](?:-|(?=$|[\s"'\`]))`, // border-l, border-r-2 (not border-red-500)
  String.raw`rounded-(?:[lr]|tl|tr|bl|br)(?:-|(?=$|[\s"'\`]))`,
  String.raw`space-x-reverse\b`, // usually a hand-made RTL fix; flex + gap mirrors by itself
  // Capture the whole token for the failure message.
].map((pattern) => new RegExp(`${START}((?:${pattern})[^\\s"'\`]*)`, "g"));

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(tsx?|css)$/.test(name) ? [rel] : [];
  });
}

export function findPhysicalClasses(source: string): string[] {
  return PHYSICAL.flatMap((re) => [...source.matchAll(re)].map((m) => m[1] ?? ""));
}

describe("logical Tailwind utilities only", () => {
  it("recognises physical classes and leaves logical ones alone", () => {
    expect(
      findPhysicalClasses(`className="ml-2 md:pr-4 -left-1 text-right border-l rounded-tr-md"`),
    ).toEqual(["ml-2", "pr-4", "-left-1", "text-right", "border-l", "rounded-tr-md"]);
    expect(
      findPhysicalClasses(
        `className="ms-2 pe-4 start-0 text-start border-s border-red-500 rounded-e-md arrow-left"`,
      ),
    ).toEqual([]);
  });

  const files = SCANNED_DIRS.flatMap(sourceFiles);

  it("scans the UI sources", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s uses no physical direction classes", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(findPhysicalClasses(source)).toEqual([]);
  });
});
