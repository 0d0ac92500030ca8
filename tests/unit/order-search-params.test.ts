import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIST_STATE,
  nextSort,
  orderSearchString,
  parseOrderSearchParams,
  sortDirection,
  toExportParams,
  toListParams,
  withChanges,
} from "@/app/[locale]/(admin)/orders/search-params";
import { paymentState } from "@/components/orders/payment-state";
import { canRefund, canWriteOrders, nextStatuses } from "@/components/orders/permissions";
import { needsConfirmation } from "@/components/orders/status-rules";

describe("order list search params", () => {
  it("reads a full query", () => {
    expect(
      parseOrderSearchParams({
        page: "2",
        limit: "50",
        q: " BS-2026-000123 ",
        status: "paid",
        source: "Salesforce",
        from: "2026-01-01",
        to: "2026-01-31",
        sort: "-total",
      }),
    ).toEqual({
      page: 2,
      limit: 50,
      q: "BS-2026-000123",
      status: "paid",
      source: "salesforce",
      from: "2026-01-01",
      to: "2026-01-31",
      sort: "-total",
    });
  });

  it.each([
    [{ page: "0" }, { page: 1 }],
    [{ page: "x" }, { page: 1 }],
    [{ limit: "7" }, { limit: 20 }],
    [{ status: "shipped" }, { status: null }],
    [{ source: "no spaces!" }, { source: "" }],
    [{ from: "2026-02-30" }, { from: "" }],
    [{ to: "31/01/2026" }, { to: "" }],
    [{ sort: "name" }, { sort: "-created_at" }],
  ])("falls back to a default for %j", (raw, expected) => {
    expect(parseOrderSearchParams(raw)).toEqual({ ...DEFAULT_LIST_STATE, ...expected });
  });

  it("swaps a range typed backwards", () => {
    const state = parseOrderSearchParams({ from: "2026-03-10", to: "2026-03-01" });
    expect([state.from, state.to]).toEqual(["2026-03-01", "2026-03-10"]);
  });

  it("writes short URLs and round-trips", () => {
    expect(orderSearchString(DEFAULT_LIST_STATE)).toBe("");
    const state = { ...DEFAULT_LIST_STATE, q: "a@b.test", status: "pending" as const, page: 3 };
    const search = orderSearchString(state);
    expect(search).toBe("?q=a%40b.test&status=pending&page=3");
    expect(parseOrderSearchParams(Object.fromEntries(new URLSearchParams(search)))).toEqual(state);
  });

  it("starts again at page 1 when a filter changes", () => {
    expect(withChanges({ ...DEFAULT_LIST_STATE, page: 4 }, { status: "paid" }).page).toBe(1);
  });

  it("maps the state to the SDK's parameters", () => {
    const state = parseOrderSearchParams({ status: "paid", from: "2026-01-01", page: "2" });
    expect(toListParams(state)).toEqual({
      q: undefined,
      status: "paid",
      source: undefined,
      startDate: "2026-01-01",
      endDate: undefined,
      sort: "-created_at",
      page: 2,
      limit: 20,
    });
    expect(toExportParams(state)).not.toHaveProperty("page");
  });

  it("sorts a column largest or newest first, then toggles", () => {
    expect(nextSort("-created_at", "total")).toBe("-total");
    expect(nextSort("-total", "total")).toBe("total");
    expect(nextSort("total", "total")).toBe("-total");
    expect(sortDirection("-created_at", "created_at")).toBe("descending");
    expect(sortDirection("-created_at", "total")).toBeNull();
  });
});

describe("order actions per role", () => {
  it.each([
    ["owner", "paid", ["fulfilled", "refunded", "partially_refunded"]],
    ["admin", "completed", ["refunded", "partially_refunded"]],
    ["staff", "paid", ["fulfilled"]],
    ["staff", "pending", ["paid", "cancelled"]],
    ["staff", "partially_refunded", []],
    ["viewer", "pending", []],
    ["owner", "cancelled", []],
  ] as const)("%s may move a %s order to %j", (role, status, expected) => {
    expect(nextStatuses(status, role)).toEqual(expected);
  });

  it("lets staff create and move orders but not refund", () => {
    expect(canWriteOrders("staff")).toBe(true);
    expect(canRefund("staff")).toBe(false);
    expect(canWriteOrders("viewer")).toBe(false);
  });

  it("asks before cancelling or refunding only", () => {
    expect(needsConfirmation("cancelled")).toBe(true);
    expect(needsConfirmation("refunded")).toBe(true);
    expect(needsConfirmation("partially_refunded")).toBe(true);
    expect(needsConfirmation("paid")).toBe(false);
  });

  it("reads the payment state from the status", () => {
    expect(paymentState("pending")).toBe("unpaid");
    expect(paymentState("fulfilled")).toBe("paid");
    expect(paymentState("partially_refunded")).toBe("partially_refunded");
    expect(paymentState("cancelled")).toBe("void");
  });
});
