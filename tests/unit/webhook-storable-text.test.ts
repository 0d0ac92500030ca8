import { describe, expect, it } from "vitest";
import { storableText } from "@/lib/webhooks/sender";

describe("storableText", () => {
  it.each([
    ["ok\u0000done", 100, "ok\uFFFDdone"],
    ["lone \uD800 high, lone \uDC00 low", 100, "lone \uFFFD high, lone \uFFFD low"],
    ["pair \uD83D\uDE00 kept", 100, "pair \uD83D\uDE00 kept"],
    ["cut \uD83D\uDE00", 5, "cut \uFFFD"],
    ["x".repeat(5000), 2048, "x".repeat(2048)],
    ["مرحبا", 100, "مرحبا"],
  ])("%j (max %i)", (input, max, expected) => {
    expect(storableText(input, max)).toBe(expected);
  });
});
