export interface PageInfo {
  /** 1-based. */
  page: number;
  /** Rows per page. */
  limit: number;
  /** Rows in the whole list. */
  total: number;
  /** Pages in the whole list; 0 when it is empty. */
  pages: number;
}

export interface PageWindow {
  /** 1-based position of the first and last row shown ("21–40 of 135"); 0–0 when empty. */
  from: number;
  to: number;
  /** Never below 1, so "Page 1 of 1" reads right for an empty list. */
  pages: number;
  previous: number | null;
  next: number | null;
}

/** Which rows a page shows and where its previous/next links lead. */
export function pageWindow(info: PageInfo, shown: number): PageWindow {
  const from = shown > 0 ? (info.page - 1) * info.limit + 1 : 0;
  return {
    from,
    to: shown > 0 ? from + shown - 1 : 0,
    pages: Math.max(1, info.pages),
    previous: info.page > 1 ? info.page - 1 : null,
    next: info.page < info.pages ? info.page + 1 : null,
  };
}
