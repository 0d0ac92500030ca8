"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { OutcomeAlert, type Outcome } from "./outcome-alert";

const FeedbackContext = createContext<(outcome: Outcome | null) => void>(() => {});

/** Reports what a list action did in the alert above the table. */
export const useReportOutcome = () => useContext(FeedbackContext);

/**
 * Where the list reports what an action did. It sits above the table, not in it, so the report
 * stays when the table goes (the last product of a search deleted). A new search clears it.
 */
export function ProductsFeedback({
  resetKey,
  children,
}: {
  resetKey: string;
  children: ReactNode;
}) {
  const [report, setReport] = useState<{ key: string; outcome: Outcome } | null>(null);
  const outcome = report?.key === resetKey ? report.outcome : null;
  const set = useCallback(
    (next: Outcome | null) => setReport(next ? { key: resetKey, outcome: next } : null),
    [resetKey],
  );
  return (
    <FeedbackContext.Provider value={set}>
      <div aria-live="polite" role="status" className="empty:hidden">
        {outcome ? <OutcomeAlert outcome={outcome} onDismiss={() => set(null)} /> : null}
      </div>
      {children}
    </FeedbackContext.Provider>
  );
}
