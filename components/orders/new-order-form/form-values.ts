import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { z } from "zod";
import { latinDigits } from "@/lib/text/digits";
import { NewOrderInput } from "../order-schemas";

/** What the inputs hold: strings, as typed. */
export interface FormValues {
  items: { productId: string; quantity: string }[];
  customerEmail: string;
  customerName: string;
  notes: string;
}

/** "٣" or " 3 " as 3; anything but whole digits as NaN, which the schema refuses. */
export function quantityOf(text: string): number {
  const digits = latinDigits(text.trim());
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** Form strings to the API's input: empty means "not given", quantities become numbers. */
function toInput(values: FormValues) {
  return {
    items: values.items.map((item) => ({
      productId: item.productId,
      quantity: quantityOf(item.quantity),
    })),
    customerEmail: values.customerEmail.trim() || undefined,
    customerName: values.customerName.trim() || undefined,
    notes: values.notes.trim() || undefined,
  };
}

export const resolver: Resolver<FormValues, unknown, NewOrderInput> = zodResolver(
  z.preprocess((values) => toInput(values as FormValues), NewOrderInput) as unknown as z.ZodType<
    NewOrderInput,
    FormValues
  >,
);

export const defaultValues: FormValues = {
  items: [],
  customerEmail: "",
  customerName: "",
  notes: "",
};
