/**
 * Opaque page cursors: the last row's sort key, JSON in base64url, with a short HMAC so a cursor
 * that was edited or made up is refused with a clear 400 instead of quietly paging from nowhere.
 */
import crypto from 'node:crypto';

export type CursorKey = (string | number)[];

export class CursorError extends Error {
  constructor() {
    super('cursor: not a cursor this API gave out. Use nextCursor from a previous response, or leave it out to start at the first page.');
  }
}

export interface Cursors {
  encode(key: CursorKey): string;
  /** The key, checked against `shape` (the type of each part); throws CursorError otherwise. */
  decode(cursor: string, shape: ('string' | 'number')[]): CursorKey;
}

export function cursors(secret: string, purpose: string): Cursors {
  // A cursor from one listing (tags) is not accepted by another (articles).
  const sign = (payload: string) => crypto.createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest('base64url').slice(0, 16);
  return {
    encode(key) {
      const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor, shape) {
      const [payload, mac, extra] = cursor.split('.');
      if (!payload || !mac || extra !== undefined) throw new CursorError();
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new CursorError();
      let key: unknown;
      try {
        key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw new CursorError();
      }
      const fits =
        Array.isArray(key) &&
        key.length === shape.length &&
        key.every((part, i) => (shape[i] === 'number' ? Number.isSafeInteger(part) : typeof part === 'string'));
      if (!fits) throw new CursorError();
      return key as CursorKey;
    },
  };
}
