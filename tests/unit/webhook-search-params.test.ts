import { describe, expect, it } from "vitest";
import {
  deliverySearchString,
  parseDeliverySearchParams,
  toDeliveryParams,
} from "@/app/[locale]/(admin)/settings/webhooks/search-params";

describe("delivery log search params", () => {
  it.each([
    [{}, { page: 1, event: null, status: null, from: "", to: "" }],
    [
      { event: "order.created", status: "failed", page: "3" },
      { page: 3, event: "order.created", status: "failed", from: "", to: "" },
    ],
    [
      { event: "nope", status: "lost", page: "-2" },
      { page: 1, event: null, status: null, from: "", to: "" },
    ],
    [
      { from: "2026-11-30", to: "2026-11-01" },
      { page: 1, event: null, status: null, from: "2026-11-01", to: "2026-11-30" },
    ],
    [{ from: "2026-02-30" }, { page: 1, event: null, status: null, from: "", to: "" }],
    [
      { event: ["webhook.test", "x"] },
      { page: 1, event: "webhook.test", status: null, from: "", to: "" },
    ],
  ])("parses %j", (raw, expected) => {
    expect(parseDeliverySearchParams(raw)).toEqual(expected);
  });

  it("round-trips through the query string", () => {
    const state = parseDeliverySearchParams({
      event: "product.created",
      status: "pending",
      page: "2",
    });
    expect(deliverySearchString(state)).toBe("?event=product.created&status=pending&page=2");
    expect(
      parseDeliverySearchParams(
        Object.fromEntries(new URLSearchParams("event=product.created&status=pending&page=2")),
      ),
    ).toEqual(state);
    expect(deliverySearchString({ page: 1 })).toBe("");
  });

  it("maps to the SDK's parameters", () => {
    expect(toDeliveryParams(parseDeliverySearchParams({ from: "2026-11-01" }))).toEqual({
      page: 1,
      limit: 20,
      event: undefined,
      status: undefined,
      startDate: "2026-11-01",
      endDate: undefined,
    });
  });
});
