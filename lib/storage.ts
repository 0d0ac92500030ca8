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
