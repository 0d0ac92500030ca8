/** Request header set by proxy.ts with the requested path (and query), for server components. */
export const PATHNAME_HEADER = "x-brainsait-pathname";
