/**
 * The moderation pipeline's contract. A comment passes through small, independent phases; each
 * looks at the comment and gives a verdict (or no opinion), and one pure function folds the
 * verdicts into the decision. A new check is one file in phases/ plus one line in phases/index.ts.
 */

/** What a phase may say. `null` from a phase means "no opinion" (same as accept). */
export type Verdict =
  | { action: 'accept' }
  | { action: 'hold'; phase: string; reason: string }
  | {
      action: 'reject';
      phase: string;
      /** Shown to the reader: a sentence a person understands. */
      reason: string;
      /** HTTP status for the answer: 400 (bad text), 403 (banned, closed), 429 (rate limit). */
      status: 400 | 403 | 429;
      /** With 429: seconds until a retry may succeed (sent as Retry-After). */
      retryAfterSeconds?: number;
    };

export type ReaderStanding =
  | { kind: 'good' }
  | { kind: 'warned'; message: string }
  | { kind: 'suspended'; until: number; message: string }
  | { kind: 'banned'; message: string };

/**
 * Every threshold is a publication setting (settings.comments.moderation); the schema and the
 * defaults are in settings.ts.
 */
export interface ModerationSettings {
  /** Characters (code points) after trimming. */
  minLength: number;
  maxLength: number;
  /** More links than this holds the comment for a moderator (0: any link does). */
  maxLinks: number;
  /**
   * Words or phrases that reject a comment outright, and ones that hold it for a moderator.
   * Matched on word boundaries, ignoring case, after Unicode NFKC folding (words.ts).
   */
  bannedWords: string[];
  suspectWords: string[];
  /** A reader's comments are held until this many have been approved (0: never). */
  newReaderApprovals: number;
  /** The same text again from the same reader within this window is rejected (0: off). */
  repeatWindowMinutes: number;
  /** Comments a minute from one reader, and from one address (0: no limit). */
  perReaderPerMinute: number;
  perAddressPerMinute: number;
}

export interface CommentCandidate {
  /** The text as the reader typed it (before markdown), and the links it would carry. */
  text: string;
  links: string[];
  reader: {
    id: number;
    createdAt: number;
    approvedCount: number;
    standing: ReaderStanding;
    /** Staff (any role but reader) are vouched for: never held as new readers. */
    staff?: boolean;
  };
  story: { id: number; open: boolean; closedReason: string | null; premoderated: boolean };
  /** The address, already hashed with the site secret (never stored raw). */
  addressHash: string;
  now: number;
}

/** What phases may ask about the past, answered by the comments store. */
export interface ModerationHistory {
  /** How many comments this reader posted since `since` (epoch ms), any status. */
  countByReaderSince(readerId: number, since: number): Promise<number>;
  countByAddressSince(addressHash: string, since: number): Promise<number>;
  /** Whether this reader posted a comment whose normalised text hashes to `textHash` since `since`. */
  hasRepeat(readerId: number, textHash: string, since: number): Promise<boolean>;
}

export interface PhaseContext {
  comment: CommentCandidate;
  settings: ModerationSettings;
  history: ModerationHistory;
}

export interface Phase {
  name: string;
  check(context: PhaseContext): Verdict | null | Promise<Verdict | null>;
}

/**
 * The pipeline's answer: the folded verdict plus the non-accepting verdicts that led to it, in
 * phase order, for the audit trail (every hold; with a rejection, the holds before it and the
 * rejection itself; what phases after a rejection said is left out).
 */
export interface Decision {
  verdict: Verdict;
  reasons: { phase: string; action: 'hold' | 'reject'; reason: string }[];
}
