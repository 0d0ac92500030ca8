"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { useRouter } from "@/lib/admin/i18n/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Rows per page; each choice is a URL the server prepared. Disabled until hydrated: it only
 * works with JavaScript, so an early change is not lost.
 */
export function PageSizeSelect({
  value,
  options,
}: {
  value: number;
  options: { value: number; label: string; href: string }[];
}) {
  const t = useTranslations("Common.pagination");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="font-normal text-muted-foreground">
        {t("perPage")}
      </Label>
      <NativeSelect
        id={id}
        value={value}
        disabled={!hydrated}
        className="h-9 w-20"
        onChange={(event) => {
          const option = options.find((o) => String(o.value) === event.currentTarget.value);
          if (option) router.push(option.href, { scroll: false });
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
