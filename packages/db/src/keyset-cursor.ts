import { isUuid } from '@moderato/core';

/** Thrown for a cursor this API did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

/** An opaque keyset position: the sort key of the last row and its id. */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { key: string | number; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if ((typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key))) && typeof id === 'string' && isUuid(id)) {
      return { key, id };
    }
  } catch {
    // fall through: not ours
  }
  throw new InvalidCursorError();
}

/** Decodes a cursor whose key is a timestamp. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const { key, id } = decodeCursor(cursor);
  const at = new Date(key);
  if (typeof key !== 'string' || Number.isNaN(at.getTime())) throw new InvalidCursorError();
  return { at, id };
}
