import Papa from "papaparse";

/** UTF-8 with a BOM, so spreadsheet programs show Arabic correctly. */
export const BOM = "\uFEFF";

/**
 * A text cell a spreadsheet would run as a formula (OWASP: = + - @ tab CR), or one that already
 * starts with the apostrophe we add, so that escaping can be undone exactly (docs/api.md "CSV").
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/** Rows as CSV lines (CRLF, each line ended), text cells escaped; numbers are written as they are. */
export function csvLines(rows: unknown[][], header?: readonly string[]): string {
  if (rows.length === 0) return header ? header.join(",") + "\r\n" : "";
  const csv = Papa.unparse(
    { fields: header ? [...header] : [], data: rows },
    { header: Boolean(header), newline: "\r\n", escapeFormulae: FORMULA },
  );
  return csv + "\r\n";
}

/** Undoes the escaping of csvLines on import: `'=x` is `=x`, `''=x` is `'=x`. */
export function unescapeCell(value: string): string {
  return FORMULA.test(value) && value.startsWith("'") ? value.slice(1) : value;
}

/**
 * A CSV download whose first chunk is already made (so permission, filter and database errors
 * are an ordinary error reply); `next` gives the following chunks, null at the end. A later
 * failure errors the stream (the route turns that into an aborted response).
 */
export function csvStream(
  first: string,
  next: () => Promise<string | null>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: string | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // An empty page enqueues nothing, and a pull that enqueues nothing is not called again.
      while (pending === "") pending = await next();
      if (pending === null) return controller.close();
      controller.enqueue(encoder.encode(pending));
      pending = "";
    },
  });
}

/**
 * A download of a paged list (orders, payments): page 1 is read before this resolves, so
 * permission, filter and database errors are an error reply; the rest streams a page at a time.
 */
export async function pagedCsv(
  columns: readonly string[],
  readPage: (page: number) => Promise<{ rows: unknown[][]; pages: number }>,
): Promise<ReadableStream<Uint8Array>> {
  let page = 1;
  const first = await readPage(page);
  let pages = first.pages;
  return csvStream(BOM + csvLines(first.rows, columns), async () => {
    if (page >= pages) return null;
    const next = await readPage(++page);
    pages = next.pages;
    return csvLines(next.rows);
  });
}
