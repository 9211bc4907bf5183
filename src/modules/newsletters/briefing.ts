/**
 * The daily briefing: the articles published on one day (the publication's time zone), as an
 * issue of the briefing list — previewed and sent by hand from the admin, and sent on its own at
 * settings.newsletters.briefingHour by a durable job that schedules the next day's when it runs.
 * A day's edition is unique per list (newsletter_sends), so a day never gets two briefings,
 * whether sent by hand, by the job, or by a retried job.
 */
import type { Database } from '../../db/database.js';
import type { JobQueue } from '../jobs/index.js';
import { listedArticles } from '../publishing/index.js';
import { articlePath } from '../publishing/types.js';
import type { SettingsService } from '../settings/service.js';
import { displayDate } from '../site/time.js';
import { NewsletterError } from './errors.js';
import type { Lists } from './lists.js';
import type { Sending } from './sending.js';
import { briefingContent, type BriefingItem, type IssueContent } from './views/newsletter-email.js';
import { dayBounds, dayNumber, dayOf, nextHour } from './zone-day.js';

export const BRIEFING_JOB = 'newsletters.briefing';
/**
 * The next day's job cannot take the key of the one running (the queue would drop the key from
 * it), so days alternate between two keys; at most one briefing job waits at any time.
 */
const BRIEFING_KEYS = ['newsletters.briefing:even', 'newsletters.briefing:odd'] as const;
const keyFor = (day: string) => BRIEFING_KEYS[dayNumber(day) % 2] ?? BRIEFING_KEYS[0];

export interface Briefing extends IssueContent {
  day: string;
  dateLabel: string;
  items: BriefingItem[];
}

export interface BriefingDeps {
  db: Database;
  jobs: JobQueue;
  settings: SettingsService;
  publicUrl: string;
  now: () => number;
  lists: Lists;
  sending: Sending;
}

export function createBriefings(deps: BriefingDeps) {
  const k = deps.db.kysely;
  const zone = () => deps.settings.get().timeZone;

  /** The day's issue: what was published from its midnight until now (or its end, for a past day). */
  async function build(day = dayOf(deps.now(), zone())): Promise<Briefing> {
    const { name, locale } = deps.settings.get();
    const { start, end } = dayBounds(day, zone());
    const rows = await listedArticles(k)
      .select(['a.slug', 'a.headline', 'a.standfirst', 'a.published_at', 's.slug as section_slug', 's.name as section_name'])
      .where('a.published_at', '>=', start)
      .where('a.published_at', '<', Math.min(end, deps.now() + 1))
      .orderBy('a.published_at', 'asc')
      .orderBy('a.id', 'asc')
      .limit(50)
      .execute();
    const items = rows.map((r) => ({ headline: r.headline, standfirst: r.standfirst, section: r.section_name, url: `${deps.publicUrl}${articlePath(r.section_slug, r.slug)}` }));
    const dateLabel = displayDate(start + (end - start) / 2, zone(), locale);
    return { day, dateLabel, items, ...briefingContent(name, dateLabel, items) };
  }

  /** Sends the day's briefing to the briefing list; NewsletterError when there is nothing to send or it went already. */
  async function send(day: string, startedBy: string): Promise<{ sendId: number; briefing: Briefing }> {
    const list = await deps.lists.briefing();
    if (!list) throw new NewsletterError('There is no open daily briefing list to send to.', 409);
    const briefing = await build(day);
    if (briefing.items.length === 0) throw new NewsletterError(`No articles were published on ${briefing.dateLabel}, so there is no briefing to send.`, 409);
    const sendId = await deps.sending.start(list.id, briefing, { edition: day, startedBy });
    if (sendId === null) throw new NewsletterError(`The briefing for ${briefing.dateLabel} has already been sent.`, 409);
    return { sendId, briefing };
  }

  /** Puts the next automatic briefing in the queue (or none when sent by hand only). */
  async function schedule(after = deps.now()): Promise<void> {
    for (const key of BRIEFING_KEYS) await deps.jobs.cancel(key);
    const hour = deps.settings.get().newsletters.briefingHour;
    if (hour === null) return;
    const next = nextHour(after, hour, zone());
    await deps.jobs.enqueue(BRIEFING_JOB, { day: next.day }, { runAt: next.at, key: keyFor(next.day) });
  }

  deps.jobs.define<{ day: string }>(BRIEFING_JOB, async ({ day }, context) => {
    // Tomorrow's first, so a failing send (retried by the queue) never stops the daily rhythm.
    await schedule(context.now);
    if (deps.settings.get().newsletters.briefingHour !== null) {
      try {
        await send(day, 'scheduler');
      } catch (error) {
        // Nothing published that day, or sent by hand already: no briefing, and no retry either.
        if (!(error instanceof NewsletterError)) throw error;
      }
    }
  });

  return {
    build,
    send,
    schedule,
    /** At start: a briefing job waits unless sending is by hand only. */
    async ensureScheduled(): Promise<void> {
      if (deps.settings.get().newsletters.briefingHour === null) return;
      for (const key of BRIEFING_KEYS) if (await deps.jobs.find(key)) return;
      await schedule();
    },
  };
}

export type Briefings = ReturnType<typeof createBriefings>;
