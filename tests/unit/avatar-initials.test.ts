import { describe, expect, it } from "vitest";
import { initials } from "@/components/admin/user-menu";

describe("avatar initials", () => {
  it.each([
    ["سارة القحطاني", "سق"],
    ["Sara Al-Qahtani", "SQ"],
    ["Noura el-Harbi", "NH"],
    ["Noura Al-Harbi", "NH"],
    ["Ali", "A"],
    ["عبدالله آل سعود", "عس"],
    ["ال", "ا"],
    ["  ", "?"],
  ])("%s -> %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
