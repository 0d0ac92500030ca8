"use client";

import {
  cloneElement,
  createContext,
  useContext,
  useEffect,
  useId,
  useState,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
} from "react";
import { useFormContext, useFormState } from "react-hook-form";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";

export { FormProvider as Form } from "react-hook-form";

interface ItemContext {
  id: string;
  /** The field's error message now, from react-hook-form or the item's `error` prop. */
  message: string | undefined;
  hasHint: boolean;
  setHasHint: (has: boolean) => void;
}

const FormItemContext = createContext<ItemContext | null>(null);

function useItem(): ItemContext {
  const item = useContext(FormItemContext);
  if (!item) throw new Error("Form parts must sit inside a <FormItem>.");
  return item;
}

/** The item's ids and its current error message, for a custom part. */
export function useFormField() {
  const { id, hasHint, message } = useItem();
  return {
    controlId: `${id}-control`,
    hintId: `${id}-hint`,
    messageId: `${id}-message`,
    hasHint,
    message,
  };
}

type FormMethods = ReturnType<typeof useFormContext>;

type ItemProps = ComponentProps<"div"> & {
  /** The react-hook-form field whose error this item shows (inside a <Form>). */
  name?: string;
  /** An error kept outside react-hook-form; it wins over the field's. */
  error?: string;
};

/** One field: its label, control, hint and error, wired to each other by ids. */
export function FormItem({ name, error, ...props }: ItemProps) {
  // Null outside a <Form>: then only the `error` prop counts.
  const form = useFormContext() as FormMethods | null;
  if (form && name)
    return <FieldItem control={form.control} name={name} error={error} {...props} />;
  return <Item message={error} {...props} />;
}

function FieldItem({
  control,
  name,
  error,
  ...props
}: Omit<ItemProps, "name"> & { name: string; control: FormMethods["control"] }) {
  const state = useFormState({ control, name });
  return <Item message={error ?? control.getFieldState(name, state).error?.message} {...props} />;
}

function Item({
  message,
  className,
  ...props
}: ComponentProps<"div"> & { message: string | undefined }) {
  const id = useId();
  const [hasHint, setHasHint] = useState(false);
  return (
    <FormItemContext.Provider value={{ id, message, hasHint, setHasHint }}>
      <div className={cn("flex flex-col gap-2", className)} {...props} />
    </FormItemContext.Provider>
  );
}

export function FormLabel(props: ComponentProps<"label">) {
  const { controlId } = useFormField();
  return <Label htmlFor={controlId} {...props} />;
}

/**
 * Gives its one child (an Input, Textarea, NativeSelect...) the item's id, `aria-invalid` while
 * the field has an error, and `aria-describedby` naming the hint and the error that exist.
 */
export function FormControl({
  children,
}: {
  children: ReactElement<{ id?: string; "aria-describedby"?: string }>;
}) {
  const { controlId, hintId, messageId, hasHint, message } = useFormField();
  const describedBy = [
    children.props["aria-describedby"],
    hasHint ? hintId : null,
    message ? messageId : null,
  ]
    .filter(Boolean)
    .join(" ");
  return cloneElement(children, {
    id: controlId,
    "aria-invalid": message ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as Record<string, unknown>);
}

export function FormDescription({ className, ...props }: ComponentProps<"p">) {
  const { setHasHint } = useItem();
  const { hintId } = useFormField();
  useEffect(() => {
    setHasHint(true);
    return () => setHasHint(false);
  }, [setHasHint]);
  return <p id={hintId} className={cn("text-xs text-muted-foreground", className)} {...props} />;
}

export function FormMessage({ className, ...props }: ComponentProps<"p">) {
  const { messageId, message } = useFormField();
  if (!message) return null;
  return (
    <p id={messageId} className={cn("text-sm text-destructive", className)} {...props}>
      {message}
    </p>
  );
}

/** The usual field in one line: label, control, optional hint, error. */
export function FormField({
  name,
  label,
  hint,
  error,
  className,
  children,
}: {
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactElement<{ id?: string; "aria-describedby"?: string }>;
}) {
  return (
    <FormItem name={name} error={error} className={className}>
      <FormLabel>{label}</FormLabel>
      <FormControl>{children}</FormControl>
      {hint ? <FormDescription>{hint}</FormDescription> : null}
      <FormMessage />
    </FormItem>
  );
}
