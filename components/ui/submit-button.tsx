"use client";

import { Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

interface SubmitButtonProps extends Omit<ButtonProps, "children"> {
  /** Whether the request runs; without it, the enclosing <form action>'s own status is used. */
  pending?: boolean;
  /** The icon before the label; a spinner takes its place while pending. */
  icon?: ReactNode;
  /** The label while pending ("Saving…"); the normal label stays if omitted. */
  pendingLabel?: ReactNode;
  children: ReactNode;
}

/** The button that sends a form or runs a confirmed action: spinner and disabled while pending. */
export function SubmitButton({
  pending,
  icon,
  pendingLabel,
  disabled,
  type = "submit",
  children,
  ...props
}: SubmitButtonProps) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type={type} disabled={busy || disabled} {...props}>
      {busy ? <Loader2 aria-hidden className="animate-spin" /> : icon}
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
