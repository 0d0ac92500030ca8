"use client";

import type { ComponentProps } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import type { Option } from "./store-form";

/** A select of options the server labelled in the page's language. */
export function OptionsSelect({
  options,
  ...props
}: Omit<ComponentProps<typeof NativeSelect>, "children"> & { options: Option[] }) {
  return (
    <NativeSelect {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </NativeSelect>
  );
}
