import { ValidationError } from "@/lib/errors";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where uploaded files live. Local disk now; an S3-compatible store implements the same three calls. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.(png|jpg|webp|gif)$/;
const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};

/** Files under DATA_DIR/uploads/<tenant id>/<uuid>.<ext>; keys are checked, so no path escapes. */
export function localDiskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!KEY.test(key)) return undefined;
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      if (!file) throw new Error(`invalid storage key ${key}`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      const file = resolve(key);
      if (!file) return undefined;
      try {
        const bytes = await readFile(file);
        return { bytes, contentType: TYPES[key.split(".").pop()!] ?? "application/octet-stream" };
      } catch {
        return undefined;
      }
    },
  };
}

/** In memory, for tests. */
export function memoryStorage(): FileStorage {
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    put: async (key, bytes, contentType) => void files.set(key, { bytes, contentType }),
    get: async (key) => files.get(key),
  };
}

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The type from the file's first bytes, not from its name or the client's say-so. */
export function sniffImage(bytes: Uint8Array): { ext: string; contentType: string } | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47)
    return { ext: "png", contentType: "image/png" };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff)
    return { ext: "jpg", contentType: "image/jpeg" };
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38)
    return { ext: "gif", contentType: "image/gif" };
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP")
    return { ext: "webp", contentType: "image/webp" };
  return undefined;
}

/** Checks an uploaded image's size and real type; throws a 422 that names the file field. */
export function validateImage(bytes: Uint8Array): { ext: string; contentType: string } {
  const fail = (code: string, message: string) =>
    new ValidationError(message, [{ field: "file", code, message }], "IMAGE_INVALID");
  if (bytes.byteLength === 0) throw fail("empty", "The file is empty");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw fail("too_large", "Images can be at most 5 MB");
  const type = sniffImage(bytes);
  if (!type) throw fail("unsupported_type", "Upload a PNG, JPEG, WebP or GIF image");
  return type;
}
