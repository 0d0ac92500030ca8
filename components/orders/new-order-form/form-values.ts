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
  customerPhone: string;
  shippingAddress: {
    city: string;
    district: string;
    street: string;
    buildingNumber: string;
    postalCode: string;
    shortCode: string;
  };
  paymentMethod: string;
  discount: string;
  shipping: string;
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
    customerPhone: values.customerPhone.trim() || undefined,
    // An address only when any part of it is filled in (then the city is required).
    shippingAddress: Object.values(values.shippingAddress).some((v) => v.trim())
      ? {
          ...values.shippingAddress,
          district: values.shippingAddress.district || undefined,
          street: values.shippingAddress.street || undefined,
          buildingNumber: values.shippingAddress.buildingNumber || undefined,
          postalCode: values.shippingAddress.postalCode || undefined,
          shortCode: values.shippingAddress.shortCode || undefined,
        }
      : undefined,
    paymentMethod: values.paymentMethod || undefined,
    discount: values.discount.trim() || undefined,
    shipping: values.shipping.trim() || undefined,
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
  customerPhone: "",
  shippingAddress: {
    city: "",
    district: "",
    street: "",
    buildingNumber: "",
    postalCode: "",
    shortCode: "",
  },
  paymentMethod: "",
  discount: "",
  shipping: "",
  notes: "",
};
