/**
 * Where media bytes live. The embedded default is a folder under DATA_DIR; an object-store
 * adapter (S3 and friends) implements the same three calls.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export function diskStorage(root: string): MediaStorage {
  const resolve = (key: string): string => {
    // Keys are made by the media service, never by clients; still, refuse anything that escapes.
    if (!/^[a-z0-9][a-z0-9/_.-]*$/u.test(key) || key.includes('..')) throw new Error(`bad media key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(resolve(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
