import { describe, expect, it } from "vitest";
import {
  auditSearchString,
  parseAuditSearchParams,
  toListParams,
} from "@/app/[locale]/(admin)/settings/audit/search-params";
import { SETTINGS_SECTIONS, sectionsForRole } from "@/components/settings/sections";

describe("audit log filters in the URL", () => {
  it("reads known filters and drops unknown or malformed ones", () => {
    expect(
      parseAuditSearchParams({
        action: "api_key.",
        actor: "user",
        from: "2026-01-05",
        to: "2026-01-31",
        page: "3",
      }),
    ).toEqual({
      page: 3,
      action: "api_key.",
      actorType: "user",
      from: "2026-01-05",
      to: "2026-01-31",
    });
    expect(
      parseAuditSearchParams({
        action: "drop table",
        actor: "robot",
        from: "2026-02-30",
        to: "yesterday",
        page: "-1",
      }),
    ).toEqual({ page: 1, action: null, actorType: null, from: "", to: "" });
  });

  it("takes the first of repeated parameters and swaps a backwards date range", () => {
    const state = parseAuditSearchParams({
      action: ["product.", "user."],
      from: "2026-03-10",
      to: "2026-03-01",
    });
    expect(state.action).toBe("product.");
    expect([state.from, state.to]).toEqual(["2026-03-01", "2026-03-10"]);
  });

  it("writes short URLs that read back to the same state", () => {
    expect(auditSearchString({ page: 1 })).toBe("");
    const state = parseAuditSearchParams({ action: "tenant.", actor: "api_key", page: "2" });
    expect(auditSearchString(state)).toBe("?action=tenant.&actor=api_key&page=2");
    expect(
      parseAuditSearchParams(
        Object.fromEntries(new URLSearchParams("action=tenant.&actor=api_key&page=2")),
      ),
    ).toEqual(state);
  });

  it("maps the state to the SDK's query, leaving empty filters out", () => {
    expect(toListParams(parseAuditSearchParams({ from: "2026-01-01" }))).toEqual({
      page: 1,
      limit: 25,
      action: undefined,
      actorType: undefined,
      startDate: "2026-01-01",
      endDate: undefined,
    });
  });
});

describe("settings sections per role (docs/roles.md)", () => {
  it.each([
    ["owner", SETTINGS_SECTIONS.map((s) => s.key)],
    ["admin", SETTINGS_SECTIONS.map((s) => s.key)],
    ["staff", []],
    ["viewer", []],
  ] as const)("%s sees %j", (role, keys) => {
    expect(sectionsForRole(role).map((s) => s.key)).toEqual(keys);
  });
});
