"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useController } from "react-hook-form";
import {
  FormControl,
  FormDescription,
  FormItem,
  FormLabel,
  FormMessage,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useProductForm } from "./use-issue-text";

/** Tags as removable chips; Enter or a comma adds what was typed. */
export function TagsField({ error }: { error: string | undefined }) {
  const t = useTranslations("products.form");
  const { control } = useProductForm();
  const {
    field: { value: tags, onChange, onBlur, ref },
  } = useController({ control, name: "tags" });
  const [draft, setDraft] = useState("");

  function add(raw: string) {
    const next = raw
      .split(/[,،]/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (next.length) onChange([...new Set([...tags, ...next])]);
    setDraft("");
  }

  return (
    <FormItem name="tags" error={error}>
      <FormLabel>{t("tags")}</FormLabel>
      {tags.length ? (
        <ul aria-label={t("tagsList")} className="flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-muted py-0.5 ps-2.5 pe-1 text-xs font-medium"
            >
              <bdi dir="auto">{tag}</bdi>
              <button
                type="button"
                className="inline-flex size-5 items-center justify-center rounded-full text-muted-foreground hover:bg-border hover:text-foreground"
                aria-label={t("removeTag", { tag })}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                <X aria-hidden className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormControl>
        <Input
          ref={ref}
          value={draft}
          dir="auto"
          maxLength={50}
          autoComplete="off"
          onChange={(event) => {
            const value = event.currentTarget.value;
            // A comma (Latin or Arabic) ends a tag, also when pasting a list.
            if (/[,،]/.test(value)) add(value);
            else setDraft(value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add(draft);
            } else if (event.key === "Backspace" && draft === "" && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => {
            if (draft.trim()) add(draft);
            onBlur();
          }}
        />
      </FormControl>
      <FormDescription>{t("tagsHint")}</FormDescription>
      <FormMessage />
    </FormItem>
  );
}
