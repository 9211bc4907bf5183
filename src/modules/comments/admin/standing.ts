/**
 * Moderators' decisions about a reader: warn, suspend until a time, ban, or restore to good
 * standing. The core records and audits the standing; here the request is read (the admin form
 * and the Admin API share it) and the reader is told by email, with the moderator's message.
 */
import type { Actor } from '../../audit/index.js';
import type { Mailer } from '../../email/types.js';
import type { SettingsService } from '../../settings/service.js';
import { CommentsError } from '../errors.js';
import type { ReaderStanding } from '../moderation/types.js';
import type { CommentsService } from '../service.js';
import type { StandingKind } from '../tables.js';
import { unsubscribeHeaders } from '../notifications.js';

export const STANDING_KINDS: readonly StandingKind[] = ['good', 'warned', 'suspended', 'banned'];
export const STANDING_CATEGORY = 'comments.standing';
const MAX_MESSAGE = 1000;

const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
export const utcTime = (ms: number) => `${utc.format(ms)} UTC`;

/**
 * A time to suspend until: a date (its start, UTC), a date and time without an offset (UTC), or
 * ISO 8601 with an offset; null when it is none of these.
 */
export function parseUntil(raw: string): number | null {
  const text = raw.trim();
  let parsed = Number.NaN;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(text)) parsed = Date.parse(`${text}T00:00:00Z`);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/u.test(text)) parsed = Date.parse(`${text}Z`);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u.test(text)) parsed = Date.parse(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The standing a form or API body asks for, or a 400 that says what is missing. */
export function standingFrom(input: { kind?: unknown; message?: unknown; until?: unknown }, now: number): ReaderStanding {
  const kind = input.kind;
  if (typeof kind !== 'string' || !(STANDING_KINDS as readonly string[]).includes(kind)) throw new CommentsError(400, 'Choose what to do: warn, suspend, ban, or restore good standing.');
  const message = typeof input.message === 'string' ? input.message.trim() : '';
  if (message.length > MAX_MESSAGE) throw new CommentsError(400, `The message to the reader may be at most ${MAX_MESSAGE} characters.`);
  switch (kind as StandingKind) {
    case 'good':
      return { kind: 'good' };
    case 'warned':
      if (!message) throw new CommentsError(400, 'A warning needs a message: tell the reader what to change.');
      return { kind: 'warned', message };
    case 'banned':
      return { kind: 'banned', message };
    case 'suspended': {
      const raw = typeof input.until === 'string' ? input.until : '';
      if (!raw.trim()) throw new CommentsError(400, 'A suspension needs an end: give the date it ends.');
      const until = parseUntil(raw);
      if (until === null) throw new CommentsError(400, 'The end of the suspension must be a date (2026-12-31) or a date and time (2026-12-31T18:00, UTC).');
      if (until <= now) throw new CommentsError(400, 'The end of the suspension must be in the future.');
      return { kind: 'suspended', until, message };
    }
  }
}

export interface StandingDeps {
  comments: CommentsService;
  email: Mailer;
  settings: SettingsService;
  publicUrl: string;
  /** The reader's address and name; null when there is no such account. */
  user(id: number): Promise<{ email: string; name: string } | null>;
}

/** Sets the standing (audited by the core) and emails the reader about anything but a restore. */
export async function decideStanding(deps: StandingDeps, actor: Actor, userId: number, standing: ReaderStanding): Promise<void> {
  const user = Number.isSafeInteger(userId) ? await deps.user(userId) : null;
  if (!user) throw new CommentsError(404, 'There is no such reader.');
  await deps.comments.setStanding(actor, userId, standing);
  if (standing.kind === 'good') return;
  const publication = deps.settings.get().name;
  const { subject, opening } = wording(standing, publication);
  const said = standing.message.trim();
  const text = [
    `Hello ${user.name.trim() || 'there'},`,
    '',
    opening,
    ...(said ? ['', 'The moderator’s message:', '', said] : []),
    '',
    `Your account: ${deps.publicUrl}/account`,
  ].join('\n');
  await deps.email.send({ to: user.email, subject, text, headers: unsubscribeHeaders(deps.publicUrl), category: STANDING_CATEGORY });
}

function wording(standing: Exclude<ReaderStanding, { kind: 'good' }>, publication: string): { subject: string; opening: string } {
  switch (standing.kind) {
    case 'warned':
      return {
        subject: `A warning from the moderators of ${publication}`,
        opening: `A moderator of ${publication} has warned you about your comments. You can still comment; please keep to our community guidelines.`,
      };
    case 'suspended':
      return {
        subject: `You are suspended from commenting on ${publication}`,
        opening: `A moderator of ${publication} has suspended you from commenting until ${utcTime(standing.until)}. After that you can comment again.`,
      };
    case 'banned':
      return {
        subject: `You are banned from commenting on ${publication}`,
        opening: `A moderator of ${publication} has banned you from commenting. Your comments will no longer be published.`,
      };
  }
}
