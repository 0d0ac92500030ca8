import { CircleAlert, CircleCheck } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** What a settings list says after a row action: done, or why not. */
export type Notice = { tone: "success" | "error"; text: string } | null;

/** The notice above a list; the status region stays in place so screen readers hear each new one. */
export function NoticeAlert({ notice }: { notice: Notice }) {
  return (
    <div role="status">
      {notice ? (
        <Alert variant={notice.tone === "success" ? "success" : "destructive"}>
          {notice.tone === "success" ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
          <AlertDescription>{notice.text}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
