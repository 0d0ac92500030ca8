/**
 * Limits the admin checks before a request leaves the browser; the Store API enforces the same
 * ones (lib/products/images.ts, lib/api/app.ts, lib/products/csv.ts), this only saves a round trip.
 */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export const MAX_IMAGES = 20;

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
