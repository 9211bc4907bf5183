/**
 * House ad creatives: reading a form into a checked creative (every refusal a sentence the
 * admin can act on), and storing them. Times are epoch ms; the admin enters them in UTC.
 */
import type { Database } from '../../db/database.js';

export interface Creative {
  id: number;
  name: string;
  mediaId: number | null;
  /** Site-relative path of an image on this site, when not from the media library. */
  imageUrl: string | null;
  alt: string;
  linkUrl: string;
  startsAt: number;
  endsAt: number;
  /** Empty: every section. */
  sectionIds: number[];
  weight: number;
  active: boolean;
}

export type CreativeInput = Omit<Creative, 'id'>;

/** A form value the admin must correct; `field` is the form field to mark. */
export class AdInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export const CREATIVE_FIELDS = ['name', 'mediaId', 'imageUrl', 'alt', 'linkUrl', 'startsAt', 'endsAt', 'weight', 'active'] as const;
export type CreativeForm = Record<(typeof CREATIVE_FIELDS)[number], string> & { sections: string[] };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/u;

/** "2026-12-01T09:00" read as UTC; null when it is not a real date and time. */
export function parseUtcDateTime(value: string): number | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-31 over into March: refuse it rather than guess.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/** The value an <input type="datetime-local"> shows for a moment, in UTC. */
export function utcInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** A site-relative image path from what the admin typed (a path, or a full URL on this site). */
function siteImagePath(raw: string, publicUrl: string): string | null {
  const value = raw.trim();
  if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return URL.canParse(value, publicUrl) ? value : null;
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.origin !== new URL(publicUrl).origin) return null;
  return `${url.pathname}${url.search}`;
}

/** Checks a creative form; throws AdInputError with the first problem found. */
export function readCreativeForm(form: CreativeForm, options: { publicUrl: string; sectionIds: ReadonlySet<number> }): CreativeInput {
  const name = form.name.trim();
  if (!name) throw new AdInputError('Give the creative a name (only the newsroom sees it).', 'name');
  if (name.length > 200) throw new AdInputError('The name is too long: at most 200 characters.', 'name');

  let mediaId: number | null = null;
  let imageUrl: string | null = null;
  if (form.mediaId.trim() !== '') {
    if (!/^\d{1,12}$/u.test(form.mediaId.trim())) throw new AdInputError('Choose an image from the media library.', 'mediaId');
    mediaId = Number(form.mediaId.trim());
  } else if (form.imageUrl.trim() !== '') {
    if (form.imageUrl.length > 500) throw new AdInputError('The image address is too long: at most 500 characters.', 'imageUrl');
    imageUrl = siteImagePath(form.imageUrl, options.publicUrl);
    if (imageUrl === null) throw new AdInputError('The image address must be on this site (a path such as /media/… or a full address starting with this site\'s address).', 'imageUrl');
  } else {
    throw new AdInputError('Choose an image from the media library or give the address of an image on this site.', 'mediaId');
  }

  const alt = form.alt.trim();
  if (!alt) throw new AdInputError('Describe the image in the alt text, for readers who cannot see it.', 'alt');
  if (alt.length > 300) throw new AdInputError('The alt text is too long: at most 300 characters.', 'alt');

  const linkUrl = form.linkUrl.trim();
  const link = URL.canParse(linkUrl) ? new URL(linkUrl) : null;
  if (!link || (link.protocol !== 'http:' && link.protocol !== 'https:') || !link.hostname) {
    throw new AdInputError('The link must be a full web address starting with http:// or https://.', 'linkUrl');
  }
  if (linkUrl.length > 2000) throw new AdInputError('The link is too long: at most 2,000 characters.', 'linkUrl');

  const startsAt = parseUtcDateTime(form.startsAt);
  if (startsAt === null) throw new AdInputError('Give the start as a date and time (UTC), such as 2026-12-01 09:00.', 'startsAt');
  const endsAt = parseUtcDateTime(form.endsAt);
  if (endsAt === null) throw new AdInputError('Give the end as a date and time (UTC), such as 2026-12-31 23:59.', 'endsAt');
  if (endsAt <= startsAt) throw new AdInputError('The end must be after the start.', 'endsAt');

  const weightText = form.weight.trim();
  const weight = /^\d{1,3}$/u.test(weightText) ? Number(weightText) : NaN;
  if (!(weight >= 1 && weight <= 100)) throw new AdInputError('The weight must be a whole number from 1 to 100.', 'weight');

  const sectionIds: number[] = [];
  for (const raw of form.sections) {
    const id = /^\d{1,12}$/u.test(raw) ? Number(raw) : NaN;
    if (!options.sectionIds.has(id)) throw new AdInputError('One of the chosen sections does not exist (any more). Choose again.', 'sections');
    if (!sectionIds.includes(id)) sectionIds.push(id);
  }
  sectionIds.sort((a, b) => a - b);

  return { name, mediaId, imageUrl, alt, linkUrl: link.href, startsAt, endsAt, sectionIds, weight, active: form.active === '1' || form.active === 'on' };
}

type Row = {
  id: number;
  name: string;
  media_id: number | null;
  image_url: string | null;
  alt: string;
  link_url: string;
  starts_at: number;
  ends_at: number;
  sections: string;
  weight: number;
  active: number;
};

function present(row: Row): Creative {
  return {
    id: Number(row.id),
    name: row.name,
    mediaId: row.media_id === null ? null : Number(row.media_id),
    imageUrl: row.image_url,
    alt: row.alt,
    linkUrl: row.link_url,
    startsAt: Number(row.starts_at),
    endsAt: Number(row.ends_at),
    sectionIds: row.sections.split(',').filter(Boolean).map(Number),
    weight: Number(row.weight),
    active: Number(row.active) === 1,
  };
}

function columns(input: CreativeInput) {
  return {
    name: input.name,
    media_id: input.mediaId,
    image_url: input.imageUrl,
    alt: input.alt,
    link_url: input.linkUrl,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    sections: input.sectionIds.length ? `,${input.sectionIds.join(',')},` : '',
    weight: input.weight,
    active: input.active ? 1 : 0,
  };
}

const SELECT = ['id', 'name', 'media_id', 'image_url', 'alt', 'link_url', 'starts_at', 'ends_at', 'sections', 'weight', 'active'] as const;

export interface CreativeStore {
  list(): Promise<Creative[]>;
  get(id: number): Promise<Creative | null>;
  /** Running or still to run: active and not yet ended. */
  live(now: number): Promise<Creative[]>;
  create(input: CreativeInput): Promise<number>;
  update(id: number, input: CreativeInput): Promise<boolean>;
  setActive(id: number, active: boolean): Promise<boolean>;
  /** Removes the creative and its daily counts. */
  remove(id: number): Promise<boolean>;
}

export function createCreativeStore(db: Database, now: () => number): CreativeStore {
  const k = db.kysely;
  return {
    async list() {
      return (await k.selectFrom('ad_creatives').select(SELECT).orderBy('id', 'desc').execute()).map(present);
    },
    async get(id) {
      const row = await k.selectFrom('ad_creatives').select(SELECT).where('id', '=', id).executeTakeFirst();
      return row ? present(row) : null;
    },
    async live(at) {
      return (await k.selectFrom('ad_creatives').select(SELECT).where('active', '=', 1).where('ends_at', '>', at).orderBy('id').execute()).map(present);
    },
    async create(input) {
      const at = now();
      const row = await k
        .insertInto('ad_creatives')
        .values({ ...columns(input), created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async update(id, input) {
      const result = await k.updateTable('ad_creatives').set({ ...columns(input), updated_at: now() }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async setActive(id, active) {
      const result = await k.updateTable('ad_creatives').set({ active: active ? 1 : 0, updated_at: now() }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async remove(id) {
      return db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('ad_stats').where('creative_id', '=', id).execute();
        const result = await trx.deleteFrom('ad_creatives').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },
  };
}
