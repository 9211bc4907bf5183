/** Newsletter lists: what readers can subscribe to, managed by editors in the admin. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { NewsletterError } from './errors.js';
import type { ListKind, NewsletterTables } from './tables.js';

export interface NewsletterList {
  id: number;
  name: string;
  description: string;
  kind: ListKind;
  archived: boolean;
}

export interface ListWithCounts extends NewsletterList {
  subscribers: number;
  pending: number;
}

export interface ListInput {
  name: string;
  description: string;
}

const toList = (r: Selectable<NewsletterTables['newsletter_lists']>): NewsletterList => ({ id: r.id, name: r.name, description: r.description, kind: r.kind, archived: r.archived_at !== null });

export const isListKind = (value: string): value is ListKind => value === 'briefing' || value === 'manual';

/** Trimmed and bounded name and description, or a sentence saying what to fix. */
export function checkListInput(input: ListInput): ListInput {
  const name = input.name.replace(/\s+/gu, ' ').trim();
  const description = input.description.replace(/\s+/gu, ' ').trim();
  if (!name) throw new NewsletterError('Give the list a name.');
  if (name.length > 120) throw new NewsletterError('A list name is at most 120 characters.');
  if (description.length > 500) throw new NewsletterError('A list description is at most 500 characters.');
  return { name, description };
}

export function createLists(db: Database, now: () => number) {
  const k = db.kysely;
  return {
    async all(): Promise<ListWithCounts[]> {
      const rows = await k.selectFrom('newsletter_lists').selectAll().orderBy('id').execute();
      const counts = await k
        .selectFrom('newsletter_subscriptions')
        .select(['list_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['list_id', 'status'])
        .execute();
      const count = (listId: number, status: string) => Number(counts.find((c) => c.list_id === listId && c.status === status)?.n ?? 0);
      return rows.map((r) => ({ ...toList(r), subscribers: count(r.id, 'active'), pending: count(r.id, 'pending') }));
    },

    async open(): Promise<NewsletterList[]> {
      return (await k.selectFrom('newsletter_lists').selectAll().where('archived_at', 'is', null).orderBy('id').execute()).map(toList);
    },

    async get(id: number): Promise<NewsletterList | null> {
      const row = await k.selectFrom('newsletter_lists').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toList(row) : null;
    },

    /** The list the daily briefing goes to (the first open one of kind briefing). */
    async briefing(): Promise<NewsletterList | null> {
      const row = await k.selectFrom('newsletter_lists').selectAll().where('kind', '=', 'briefing').where('archived_at', 'is', null).orderBy('id').executeTakeFirst();
      return row ? toList(row) : null;
    },

    async create(input: ListInput, kind: ListKind): Promise<NewsletterList> {
      const { name, description } = checkListInput(input);
      const at = now();
      const row = await k.insertInto('newsletter_lists').values({ name, description, kind, archived_at: null, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
      return toList(row);
    },

    async update(id: number, input: ListInput): Promise<NewsletterList> {
      const { name, description } = checkListInput(input);
      const row = await k.updateTable('newsletter_lists').set({ name, description, updated_at: now() }).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw new NewsletterError('There is no such list.', 404);
      return toList(row);
    },

    async setArchived(id: number, archived: boolean): Promise<NewsletterList> {
      const at = now();
      const row = await k.updateTable('newsletter_lists').set({ archived_at: archived ? at : null, updated_at: at }).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw new NewsletterError('There is no such list.', 404);
      return toList(row);
    },
  };
}

export type Lists = ReturnType<typeof createLists>;
