import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, expectError, type TestApi } from "./harness";
import { shop } from "./analytics-helpers";

/* What a Saudi merchant would trip on (issue 19): digits, the VAT number, export names. */
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe("search", () => {
  it("finds products whichever digits the name and the query use", async () => {
    const s = await shop(t);
    const lamp = await s.ok<{ id: string }>("POST", "/api/v1/store/products", {
      name: { en: "Lamp 6", ar: "مصباح ٦" },
      price: 10,
    });
    const honey = await s.ok<{ id: string }>("POST", "/api/v1/store/products", {
      name: { en: "Sidr honey", ar: "عسل سدر" },
      description: { en: "Raw honey", ar: "عسل خام، ٢٥٠ غرام" },
      price: 90,
    });
    const found = async (q: string) =>
      (
        await s.ok<{ data: { id: string }[] }>(
          "GET",
          `/api/v1/store/products?q=${encodeURIComponent(q)}`,
        )
      ).data.map((p) => p.id);
    expect(await found("٦")).toEqual([lamp.id]);
    expect(await found("lamp ۶")).toEqual([lamp.id]);
    expect(await found("250")).toEqual([honey.id]);
    expect(await found("٢٥٠ غرام")).toEqual([honey.id]);
  });

  it("finds an order by its number typed in Arabic-Indic digits", async () => {
    const s = await shop(t);
    const order = await s.ok<{ id: string; number: string }>("POST", "/api/v1/store/orders", {
      items: [{ name: "Box", price: 5, quantity: 1 }],
    });
    const arabic = order.number.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    const digitsOnly = String(Number(order.number.split("-").pop())).replace(
      /\d/g,
      (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!,
    );
    for (const q of [arabic, digitsOnly]) {
      const list = await s.ok<{ data: { id: string }[] }>(
        "GET",
        `/api/v1/store/orders?q=${encodeURIComponent(q)}`,
      );
      expect([q, list.data.map((o) => o.id)]).toEqual([q, [order.id]]);
    }
  });
});

describe("the store's VAT number", () => {
  it("in a SAR store is ZATCA's 15 digits starting and ending with 3, Arabic-Indic digits stored as Latin", async () => {
    const s = await shop(t);
    await expectError(
      await s.call("PATCH", "/api/v1/store/settings", { vat_number: "123456789" }),
      422,
      "VALIDATION_ERROR",
    );
    const saved = await s.ok<{ vat_number: string }>("PATCH", "/api/v1/store/settings", {
      vat_number: "٣٠٠٠٠٠٠٠٠٠٠٠٠٠٣",
    });
    expect(saved.vat_number).toBe("300000000000003");
    // Cleared with an empty value.
    const cleared = await s.ok<{ vat_number: string | null }>("PATCH", "/api/v1/store/settings", {
      vat_number: "",
    });
    expect(cleared.vat_number).toBeNull();
  });

  it("names the rule in the field's error", async () => {
    const s = await shop(t);
    const res = await s.call("PATCH", "/api/v1/store/settings", { vat_number: "300000000000001" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; code: string }[] };
    expect(body.errors).toMatchObject([{ field: "vat_number", code: "vat_number_zatca" }]);
  });

  it("elsewhere keeps the country's own form, and a store moving to SAR is held to ZATCA's", async () => {
    const s = await shop(t, "owner", { currency: "EUR" });
    const saved = await s.ok<{ vat_number: string }>("PATCH", "/api/v1/store/settings", {
      vat_number: "DE-123456789",
    });
    expect(saved.vat_number).toBe("DE-123456789");
    await expectError(
      await s.call("PATCH", "/api/v1/store/settings", {
        currency: "SAR",
        vat_number: "DE-123456789",
      }),
      422,
      "VALIDATION_ERROR",
    );
  });
});

describe("export file names", () => {
  it("carry the store's date, not UTC's", async () => {
    // 01:30 on 1 April in Riyadh is still 31 March in UTC.
    const s = await shop(t);
    await s.at("2026-03-31T22:30:00Z", async () => {
      for (const kind of ["products", "orders", "payments", "invoices"]) {
        const path =
          kind === "products" || kind === "orders" ? `/api/v1/store/${kind}` : `/api/v1/${kind}`;
        const res = await s.call("GET", `${path}/export`);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-disposition")).toBe(
          `attachment; filename="${kind}-${s.tenant.slug}-2026-04-01.csv"`,
        );
        await res.arrayBuffer();
      }
    });
  });
});
