import { CircleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** Why the member sees no form here: their role may read this area but not change it. */
export function PermissionNotice({ children }: { children: string }) {
  return (
    <Alert>
      <CircleAlert aria-hidden />
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}
