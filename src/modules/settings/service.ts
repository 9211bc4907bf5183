/**
 * Publication settings: name, branding, locale and time zone, and the ad placement rule.
 * Read on every render, so they are kept in memory and re-read only when changed.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Database } from '../../db/database.js';

export const AdRuleSchema = Type.Object({
  /** A slot goes after every Nth paragraph … */
  everyParagraphs: Type.Integer({ minimum: 1, maximum: 50 }),
  /** … but never before this many paragraphs have been read … */
  notBeforeParagraph: Type.Integer({ minimum: 1, maximum: 50 }),
  /** … and no more than this many per article. */
  maxSlots: Type.Integer({ minimum: 0, maximum: 20 }),
});
export type AdRule = Static<typeof AdRuleSchema>;

/** What a new article's comments start as; each article may override them. */
export const CommentDefaultsSchema = Type.Object({
  openByDefault: Type.Boolean(),
  /** Comments close this many days after publication; 0 keeps them open. */
  autoCloseDays: Type.Integer({ minimum: 0, maximum: 3650 }),
  /** Hold every comment for a moderator before it shows. */
  preModeration: Type.Boolean(),
});
export type CommentDefaults = Static<typeof CommentDefaultsSchema>;

export const PublicationSettingsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  tagline: Type.String({ maxLength: 200 }),
  description: Type.String({ maxLength: 500 }),
  logoMediaId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  accentColor: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  locale: Type.String({ minLength: 2, maxLength: 35 }),
  pageSize: Type.Integer({ minimum: 5, maximum: 100 }),
  adRule: AdRuleSchema,
  comments: CommentDefaultsSchema,
});
export type PublicationSettings = Static<typeof PublicationSettingsSchema>;

export const defaultSettings: PublicationSettings = {
  name: 'StructureCMS',
  tagline: 'Independent news',
  description: 'An independent publication running on StructureCMS.',
  logoMediaId: null,
  accentColor: '#0b5563',
  timeZone: 'UTC',
  locale: 'en-US',
  pageSize: 20,
  adRule: { everyParagraphs: 4, notBeforeParagraph: 2, maxSlots: 4 },
  comments: { openByDefault: true, autoCloseDays: 0, preModeration: false },
};

/** A change: any top-level setting, and any part of the nested groups. */
export type SettingsPatch = Partial<Omit<PublicationSettings, 'adRule' | 'comments'>> & {
  adRule?: Partial<AdRule>;
  comments?: Partial<CommentDefaults>;
};

export class SettingsError extends Error {
  constructor(
    message: string,
    /** The setting at fault, dotted for nested ones ("adRule.maxSlots"). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface SettingsService {
  get(): PublicationSettings;
  update(patch: SettingsPatch): Promise<PublicationSettings>;
  /** Re-reads from the database (another instance may have written). */
  reload(): Promise<PublicationSettings>;
}

const KEY = 'publication';

export async function createSettingsService(
  db: Database,
  onChange: (settings: PublicationSettings) => void = () => {},
): Promise<SettingsService> {
  let current = await read();

  async function read(): Promise<PublicationSettings> {
    const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    if (!row) return defaultSettings;
    // Settings written by an older version may lack newer keys: fill them from the defaults.
    const merged = mergeSettings(defaultSettings, JSON.parse(row.value) as SettingsPatch);
    return Value.Check(PublicationSettingsSchema, merged) ? merged : defaultSettings;
  }

  return {
    get: () => current,
    async reload() {
      current = await read();
      return current;
    },
    async update(patch) {
      const next = mergeSettings(current, patch);
      const problem = Value.Errors(PublicationSettingsSchema, next).First();
      if (problem) {
        const field = problem.path.slice(1).replace(/\//gu, '.') || 'settings';
        throw new SettingsError(`${field}: ${problem.message}`, field);
      }
      if (!isTimeZone(next.timeZone)) throw new SettingsError(`timeZone: unknown time zone "${next.timeZone}"`, 'timeZone');
      const value = JSON.stringify(next);
      await db.kysely
        .insertInto('settings')
        .values({ key: KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      current = next;
      onChange(current);
      return current;
    },
  };
}

/** Nested groups merge key by key, so changing one comment default keeps the others. */
function mergeSettings(base: PublicationSettings, patch: SettingsPatch): PublicationSettings {
  // A key present but undefined (an optional field not sent) changes nothing.
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SettingsPatch;
  return {
    ...base,
    ...given,
    adRule: { ...base.adRule, ...patch.adRule },
    comments: { ...base.comments, ...patch.comments },
  };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
