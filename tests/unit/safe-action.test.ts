import { returnServerError } from "next-safe-action";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fail } from "@/lib/admin/action-result";
import { fieldIssues, publicAction, toResult } from "@/lib/admin/safe-action";
import { StoreApiError } from "@/lib/sdk";

/**
 * The action chain's contract with the client components (lib/admin/safe-action.ts): whatever
 * fails, they get the ActionResult they read today. The session step needs a request, so these
 * use the public chain, which shares everything else.
 */
const Input = z.object({ name: z.string().min(1), price: z.number().int() });

const save = toResult(
  publicAction
    .metadata({
      notFound: { code: "PRODUCT_NOT_FOUND", message: "Product not found" },
      errorFields: { SKU_TAKEN: "sku" },
      fieldNames: { compare_at_price: "compareAtPrice" },
    })
    .bindArgsSchemas([z.uuid()])
    .inputSchema(Input, fieldIssues(Input))
    .action(async ({ parsedInput, bindArgsParsedInputs: [id] }) => {
      if (parsedInput.name === "taken")
        throw new StoreApiError(409, { code: "SKU_TAKEN", detail: "SKU already in use" });
      if (parsedInput.name === "bad")
        throw new StoreApiError(422, {
          code: "VALIDATION_ERROR",
          detail: "Invalid",
          errors: [{ field: "compare_at_price", code: "too_small", message: "Too small" }],
        });
      if (parsedInput.name === "stock")
        returnServerError({ ...fail("OUT", "Out"), stock: { a: 1 } });
      if (parsedInput.name === "crash") throw new Error("database down");
      return { id, ...parsedInput };
    }),
);

const ID = "7d2c3a4e-0b1f-4c5d-8e9f-0a1b2c3d4e5f";

describe("admin actions (next-safe-action)", () => {
  it("returns the body's value as ok data", async () => {
    expect(await save(ID, { name: "Tea", price: 100 })).toEqual({
      ok: true,
      data: { id: ID, name: "Tea", price: 100 },
    });
  });

  it("maps zod failures to field errors with their codes, keyed by path", async () => {
    const result = await save(ID, { name: "", price: 1.5 });
    expect(result).toEqual({
      ok: false,
      error: { code: "VALIDATION_ERROR", message: "The form has invalid fields" },
      fieldErrors: {
        name: expect.objectContaining({ code: "too_small" }),
        price: expect.objectContaining({ code: "invalid_type" }),
      },
    });
  });

  it("a malformed id is not found", async () => {
    expect(await save("nope", { name: "Tea", price: 1 })).toEqual(
      fail("PRODUCT_NOT_FOUND", "Product not found"),
    );
  });

  it("maps API errors: codes to fields, field names to the form's", async () => {
    const taken = await save(ID, { name: "taken", price: 1 });
    expect(taken).toEqual(
      fail("SKU_TAKEN", "SKU already in use", {
        sku: { code: "SKU_TAKEN", message: "SKU already in use" },
      }),
    );
    const bad = await save(ID, { name: "bad", price: 1 });
    expect(bad).toEqual(
      fail("VALIDATION_ERROR", "Invalid", {
        compareAtPrice: { code: "too_small", message: "Too small" },
      }),
    );
  });

  it("passes a failure the body returns as is, and rethrows anything unexpected", async () => {
    expect(await save(ID, { name: "stock", price: 1 })).toEqual({
      ...fail("OUT", "Out"),
      stock: { a: 1 },
    });
    await expect(save(ID, { name: "crash", price: 1 })).rejects.toThrow("database down");
  });
});
