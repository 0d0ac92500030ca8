import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };

const root = path.resolve(import.meta.dirname, "../..");
const load = (locale: string) =>
  JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Tree;

/** `{ a: { b: "x" } }` -> `{ "a.b": "x" }`; non-string leaves are kept so the test can flag them. */
function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, full)) out.set(k, v);
    } else {
      out.set(full, value);
    }
  }
  return out;
}

/** ICU argument names, each once, e.g. "Hello {name}" -> ["name"]. */
function placeholders(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}

const en = flatten(load("en"));
const ar = flatten(load("ar"));

describe("messages/*.json", () => {
  it("has every English key in Arabic", () => {
    expect([...en.keys()].filter((key) => !ar.has(key))).toEqual([]);
  });

  it("has every Arabic key in English", () => {
    expect([...ar.keys()].filter((key) => !en.has(key))).toEqual([]);
  });

  it.each([
    ["en", en],
    ["ar", ar],
  ])("has only non-empty strings in %s", (_locale, messages) => {
    const bad = [...messages].filter(
      ([, value]) => typeof value !== "string" || value.trim() === "",
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...en]
      .filter(([key, value]) => {
        const other = ar.get(key);
        return (
          typeof value === "string" &&
          typeof other === "string" &&
          placeholders(value).join() !== placeholders(other).join()
        );
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("writes a count in a sentence as {count, number, digits}, never ICU's #", () => {
    // `#` is formatted with the locale's own digits; the named format `digits` carries the
    // person's choice (lib/admin/i18n/request.ts, docs/display-preferences.md).
    const pounds = [...en, ...ar]
      .filter(([, value]) => typeof value === "string" && value.includes("#"))
      .map(([key]) => key);
    expect(pounds).toEqual([]);
  });

  it("really is Arabic in ar.json (apart from proper names)", () => {
    const untranslated = [...ar]
      .filter(
        ([key, value]) =>
          typeof value === "string" &&
          !key.startsWith("LocaleNames.") &&
          !/[\u0600-\u06FF]/.test(value),
      )
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
