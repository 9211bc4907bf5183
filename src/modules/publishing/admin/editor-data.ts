/**
 * What the editor page hands its script: the document, the version token, what this person may
 * do, and the media the document shows. Written into the page as JSON (script type
 * application/json, `<` escaped), read by src/client/editor; both sides import this type.
 */
import type { Doc } from '../body-schema.js';

export interface EditorMedia {
  id: number;
  url: string;
  thumbnailUrl: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface EditorLock {
  userId: number;
  name: string;
  expiresAt: string;
}

export interface EditorData {
  id: number;
  headline: string;
  status: string;
  body: Doc;
  /** The version token sent back as expectedModifiedAt. */
  modifiedAt: number;
  /** Absolute public URL while published, else null. */
  url: string | null;
  /** Images the body or the hero shows, by id (the picker adds to this as images are chosen). */
  media: Record<string, EditorMedia>;
  me: { id: number | null; name: string };
  lock: EditorLock | null;
  /** A published article's saved changes that readers do not see yet (Update publishes them). */
  workingCopy: { savedAt: string; savedBy: string } | null;
  can: {
    /** Publish, schedule and unpublish this article. */
    publish: boolean;
    rawHtml: boolean;
    correct: boolean;
  };
}

/** JSON safe inside a script element: no `<` can close it or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029');
}

export const READING_WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE));
}
