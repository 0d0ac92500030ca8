/** What the API accepts as a logo (lib/storage.ts); checked in the browser first for a quick answer. */
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
