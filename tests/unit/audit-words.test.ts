import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCOPES } from "@/lib/auth/permissions";

/* Nothing raw in the admin (issue 19): every audit action, audited resource and API key scope
   the server can write has words in both languages. */
const root = path.resolve(import.meta.dirname, "../..");
const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as {
    settings: {
      audit: { actions: Record<string, string>; resources: Record<string, string> };
      apiKeys: { resources: Record<string, string> };
    };
  };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : sources(full);
    return entry.name.endsWith(".ts") ? [readFileSync(full, "utf8")] : [];
  });
}

const code = sources(path.join(root, "lib")).join("\n");
const written = (field: string) =>
  [
    ...new Set([...code.matchAll(new RegExp(`${field}: "([a-z_.]+)"`, "g"))].map((m) => m[1]!)),
  ].sort();

describe.each(["en", "ar"])("%s has words for", (locale) => {
  const m = messages(locale).settings;

  it("every audit action the server records", () => {
    const actions = written("action");
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => !m.audit.actions[a.replace(/\./g, "_")])).toEqual([]);
  });

  it("every kind of resource the audit log names", () => {
    const types = written("resourceType");
    expect(types).toContain("order");
    expect(types.filter((type) => !m.audit.resources[type])).toEqual([]);
  });

  it("every resource an API key's scopes name", () => {
    const resources = [...new Set(SCOPES.map((s) => s.split(":")[0]!))];
    expect(resources.filter((r) => !m.apiKeys.resources[r])).toEqual([]);
  });
});
