/**
 * What the import route handler streams to the browser, one JSON object per line (NDJSON):
 * progress while the API validates and writes, then either the result or an error.
 */
export type ImportLine =
  | { type: "progress"; phase: "validating" | "writing"; processed: number; total: number }
  | {
      type: "result";
      created: number;
      updated: number;
      errors: { row: number; field: string; code: string; message: string }[];
    }
  | {
      type: "error";
      code: string;
      detail: string;
      errors: { field: string; code: string; message: string }[];
    };
