/**
 * Publication settings: name, branding, locale and time zone, and the ad placement rule.
 * Read on every render, so they are kept in memory and re-read only when changed.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Database } from '../../db/database.js';
import { ModerationSettingsSchema, defaultModerationSettings } from '../comments/moderation/settings.js';
import type { ModerationSettings } from '../comments/moderation/types.js';
import { SupportSettingsSchema, defaultSupportSettings } from '../revenue/settings.js';
import { AdsSettingsSchema, defaultAdsSettings } from '../ads/settings.js';
import { PrivacySettingsSchema, defaultPrivacySettings } from '../privacy/settings.js';
import { NewsletterSettingsSchema, defaultNewsletterSettings } from '../newsletters/settings.js';

export const AdRuleSchema = Type.Object({
  /** A slot goes after every Nth paragraph … */
  everyParagraphs: Type.Integer({ minimum: 1, maximum: 50 }),
  /** … but never before this many paragraphs have been read … */
  notBeforeParagraph: Type.Integer({ minimum: 1, maximum: 50 }),
  /** … and no more than this many per article. */
  maxSlots: Type.Integer({ minimum: 0, maximum: 20 }),
});
export type AdRule = Static<typeof AdRuleSchema>;

/**
 * Comments: what a new article's comments start as (each article may override them), and the
 * rules every comment follows.
 */
export const CommentDefaultsSchema = Type.Object({
  openByDefault: Type.Boolean(),
  /** Comments close this many days after publication; 0 keeps them open. */
  autoCloseDays: Type.Integer({ minimum: 0, maximum: 3650 }),
  /** Hold every comment for a moderator before it shows. */
  preModeration: Type.Boolean(),
  /** Readers may edit a comment for this many minutes after posting it; 0: never. */
  editWindowMinutes: Type.Integer({ minimum: 0, maximum: 24 * 60 }),
  /** Other sites allowed to embed the comments, as https origins ("https://example.com"). */
  embedOrigins: Type.Array(Type.String({ minLength: 9, maxLength: 200 }), { maxItems: 100 }),
  /** Thresholds and word lists of the moderation pipeline. */
  moderation: ModerationSettingsSchema,
});
export type CommentDefaults = Static<typeof CommentDefaultsSchema>;

/** A change to the comments group: any of its keys, and any part of the moderation settings. */
export const CommentSettingsPatchSchema = Type.Partial(
  Type.Object({
    ...CommentDefaultsSchema.properties,
    moderation: Type.Partial(ModerationSettingsSchema, { additionalProperties: false }),
  }),
  { additionalProperties: false },
);
export type CommentSettingsPatch = Partial<Omit<CommentDefaults, 'moderation'>> & { moderation?: Partial<ModerationSettings> };

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
  support: SupportSettingsSchema,
  ads: AdsSettingsSchema,
  privacy: PrivacySettingsSchema,
  newsletters: NewsletterSettingsSchema,
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
  comments: {
    openByDefault: true,
    autoCloseDays: 0,
    preModeration: false,
    editWindowMinutes: 10,
    embedOrigins: [],
    moderation: defaultModerationSettings,
  },
  support: defaultSupportSettings,
  ads: defaultAdsSettings,
  privacy: defaultPrivacySettings,
  newsletters: defaultNewsletterSettings,
};

/** The groups that merge key by key (comments too, with its moderation group inside). */
const GROUPS = ['adRule', 'support', 'ads', 'privacy', 'newsletters'] as const;
type Group = (typeof GROUPS)[number];

/** A change: any top-level setting, and any part of the nested groups. */
export type SettingsPatch = Partial<Omit<PublicationSettings, Group | 'comments'>> & { [G in Group]?: Partial<PublicationSettings[G]> } & {
  comments?: CommentSettingsPatch;
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
      next.comments.embedOrigins = asOrigins(next.comments.embedOrigins);
      const problem = Value.Errors(PublicationSettingsSchema, next).First();
      if (problem) {
        const field = problem.path.slice(1).replace(/\//gu, '.') || 'settings';
        throw new SettingsError(`${field}: ${problem.message}`, field);
      }
      if (!isTimeZone(next.timeZone)) throw new SettingsError(`timeZone: unknown time zone "${next.timeZone}"`, 'timeZone');
      checkComments(next.comments);
      checkSupportAndAds(next);
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

/**
 * Nested groups merge key by key, so changing one comment default keeps the others; the same
 * merge fills keys added since the stored settings were written (moderation inside comments too).
 */
function mergeSettings(base: PublicationSettings, patch: SettingsPatch): PublicationSettings {
  const comments = given(patch.comments) as CommentSettingsPatch;
  const groups = Object.fromEntries(GROUPS.map((group) => [group, { ...base[group], ...given(patch[group]) }]));
  return {
    ...base,
    ...given(patch),
    ...(groups as Pick<PublicationSettings, Group>),
    comments: {
      ...base.comments,
      ...comments,
      moderation: { ...base.comments.moderation, ...given(comments.moderation) },
    },
  };
}

/**
 * The keys of a group that say something. A key present but undefined (an optional field not
 * sent) changes nothing, and neither does a group that is not an object (stored data gone wrong).
 */
function given(group: unknown): Record<string, unknown> {
  if (typeof group !== 'object' || group === null || Array.isArray(group)) return {};
  return Object.fromEntries(Object.entries(group).filter(([, value]) => value !== undefined));
}

/** What the schema cannot say about the comments group. */
function checkComments(comments: CommentDefaults): void {
  const { minLength, maxLength } = comments.moderation;
  if (minLength > maxLength) {
    throw new SettingsError(`comments.moderation.minLength: must not be more than maxLength (${maxLength})`, 'comments.moderation.minLength');
  }
  comments.embedOrigins.forEach((origin, index) => {
    if (!isHttpsOrigin(origin)) {
      const field = `comments.embedOrigins.${index}`;
      throw new SettingsError(`${field}: "${origin}" is not an https origin: write the scheme and host only, like https://example.com`, field);
    }
  });
}

/** What the schema cannot say about money and the ad tag. */
function checkSupportAndAds(settings: PublicationSettings): void {
  const { support, ads } = settings;
  if (!isCurrency(support.currency)) throw new SettingsError(`support.currency: "${support.currency.toUpperCase()}" is not a currency code (try USD, EUR or GBP)`, 'support.currency');
  if (support.minimumAmount > support.maximumAmount) {
    throw new SettingsError('support.minimumAmount: the smallest amount must not be more than the largest', 'support.minimumAmount');
  }
  support.presets.forEach((amount, index) => {
    if (amount < support.minimumAmount || amount > support.maximumAmount) {
      throw new SettingsError(`support.presets.${index}: every preset must lie between the smallest and the largest amount`, `support.presets.${index}`);
    }
  });
  if (ads.thirdPartyScript !== '' && !(URL.canParse(ads.thirdPartyScript) && new URL(ads.thirdPartyScript).protocol === 'https:')) {
    throw new SettingsError('ads.thirdPartyScript: the ad tag must be an https address (or empty for none)', 'ads.thirdPartyScript');
  }
  if (ads.source === 'thirdParty' && ads.thirdPartyScript === '') {
    throw new SettingsError('ads.thirdPartyScript: give the ad tag\'s address to fill slots with it', 'ads.thirdPartyScript');
  }
}

function isCurrency(code: string): boolean {
  try {
    return Intl.supportedValuesOf('currency').includes(code.toUpperCase());
  } catch {
    return false;
  }
}

/** "https://news.example.org", or with a port: scheme and host as browsers send them in Origin. */
function isHttpsOrigin(origin: string): boolean {
  return URL.canParse(origin) && new URL(origin).protocol === 'https:' && new URL(origin).origin === origin;
}

/**
 * Writes origins as browsers send them ("https://News.Example.org/" → "https://news.example.org");
 * anything that is no bare https URL stays as given, for the check to name.
 */
function asOrigins(values: unknown): string[] {
  if (!Array.isArray(values)) return values as string[];
  return values.map((value: unknown) => {
    if (typeof value !== 'string' || !URL.canParse(value.trim())) return value as string;
    const url = new URL(value.trim());
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return url.protocol === 'https:' && bare ? url.origin : value;
  });
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
