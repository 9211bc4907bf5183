/**
 * Ads: house creatives served in sandboxed frames, counted by a cookie-less beacon and signed click
 * links, with a per-visitor frequency cap kept in a cookie that holds no identifier; or a
 * third-party tag, loaded only with consent and non-personalised for visitors who opted out.
 *
 *   GET /ads/slot/:slot?section=…   GET /ads/b   GET /ads/c/:id?sig=…
 *   /admin/ads … (ads.manage)        see routes/admin.ts
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import { allowingTagOrigin } from '../../http/security-headers.js';
import type { AuditLog } from '../audit/index.js';
import { createMediaLibrary } from '../media/library.js';
import type { MediaService } from '../media/service.js';
import { mediaUrl, sizeAt } from '../media/urls.js';
import { widthsFor } from '../media/variants.js';
import type { Look } from '../newsroom/shell.js';
import type { PublishingQueries } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import type { Visitors } from '../site/visitor.js';
import { createCreativeStore, type Creative, type CreativeStore } from './creatives.js';
import { Inventory, registerInventory, type LiveCreative } from './inventory.js';
import { registerAdsAdmin } from './routes/admin.js';
import { registerPublicAds } from './routes/public.js';
import { SLOT_HEIGHT, SLOT_WIDTH } from './views/slot.js';

export { adsMigrations } from './migrations.js';
export type { AdsTables } from './tables.js';

export interface AdsDeps {
  db: Database;
  now: () => number;
  secret: string;
  publicUrl: string;
  settings: SettingsService;
  media: MediaService;
  queries: PublishingQueries;
  look: () => Promise<Look | null>;
  audit: AuditLog;
  visitors: Visitors;
  /** Purges cached pages by tag on every instance. */
  purge: (tags: string[]) => void;
  publish: (topic: string, payload: unknown) => void;
  subscribe: (topic: string, listener: (payload: unknown) => void) => () => void;
  /** [0, 1); tests pass a fixed sequence to check the weighting. */
  random?: () => number;
}

export interface Ads {
  store: CreativeStore;
  inventory: Inventory;
  /** Re-reads the creatives (what every instance does when one changes them). */
  reload(): Promise<void>;
  /** Purges pages whose slots would now render differently (a creative started or ended). */
  recheck(): void;
}

const CHANGED = 'ads.changed';
// Article pages carry the 'settings' tag like every page; purging it re-renders their slots.
const PAGE_TAGS = ['settings'];
const MAX_TIMER_MS = 3_600_000;
const FRAME_IMAGE_WIDTH = SLOT_WIDTH * 2;

export async function registerAds(app: FastifyInstance, deps: AdsDeps): Promise<Ads> {
  const { db, now } = deps;
  const store = createCreativeStore(db, now);
  const inventory = new Inventory();
  // Every settings object this app has handed out (a render may hold one a reload has replaced).
  const ownSettings = new WeakSet<object>();
  const unregister = registerInventory((settings) => {
    ownSettings.add(deps.settings.get());
    return ownSettings.has(settings);
  }, inventory);
  let sectionIds: number[] = [];
  // Slug → id for the frames' ?section=, kept with the inventory (a frame request reads no table).
  let sectionBySlug = new Map<string, number>();
  let lastState: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** Each creative's image as the frame shows it; none for one whose library image was deleted. */
  async function imagesOf(creatives: Creative[]): Promise<Map<number, LiveCreative['image']>> {
    const media = await deps.media.getMany(creatives.flatMap((c) => (c.mediaId === null ? [] : [c.mediaId])));
    const images = new Map<number, LiveCreative['image']>();
    for (const c of creatives) {
      if (c.imageUrl !== null) {
        images.set(c.id, { src: c.imageUrl, width: SLOT_WIDTH, height: SLOT_HEIGHT });
        continue;
      }
      const item = c.mediaId === null ? undefined : media.get(c.mediaId);
      if (!item) continue;
      const width = widthsFor(item.width).find((w) => w >= FRAME_IMAGE_WIDTH) ?? widthsFor(item.width).at(-1) ?? item.width;
      images.set(c.id, { src: mediaUrl(item, { width, ratio: null, format: 'webp' }), ...sizeAt(item, width) });
    }
    return images;
  }

  async function live(creatives: Creative[]): Promise<LiveCreative[]> {
    const images = await imagesOf(creatives);
    return creatives.flatMap((c) => {
      const image = images.get(c.id);
      // Its image was deleted: nothing to show.
      return image ? [{ id: c.id, sectionIds: c.sectionIds, startsAt: c.startsAt, endsAt: c.endsAt, weight: c.weight, alt: c.alt, image }] : [];
    });
  }

  function recheck(): void {
    const at = now();
    const state = inventory.fillState(sectionIds, at);
    // Only collapsed slots depend on the inventory; reserved ones render the same frame either way.
    if (lastState !== null && state !== lastState && deps.settings.get().ads.emptySlots === 'collapse') deps.purge(PAGE_TAGS);
    lastState = state;
    if (timer) clearTimeout(timer);
    const next = inventory.nextChange(at);
    timer = next === null ? null : setTimeout(recheck, Math.min(MAX_TIMER_MS, Math.max(1000, next - at)));
    timer?.unref();
  }

  async function reload(): Promise<void> {
    const [creatives, sections] = await Promise.all([store.live(now()), deps.queries.sections()]);
    sectionIds = sections.map((s) => s.id);
    sectionBySlug = new Map(sections.map((s) => [s.slug, s.id]));
    inventory.replace(await live(creatives));
    recheck();
  }

  await reload();
  const reloadQuietly = () => void reload().catch((error: unknown) => app.log.error({ err: error }, 'ads: reload failed'));
  const unsubscribe = deps.subscribe(CHANGED, reloadQuietly);
  // Sections added, renamed or removed (the publishing module purges 'sections').
  const unsubscribeSections = deps.subscribe('cache.purge', (tags) => {
    if (Array.isArray(tags) && tags.includes('sections')) reloadQuietly();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    unsubscribeSections();
    unregister();
    if (timer) clearTimeout(timer);
  });

  // The ad tag's origin may run scripts only while a tag is set (the base policy never allows it).
  let policyCache: { base: string; script: string; policy: string } | null = null;
  app.addHook('onRequest', async (_request, reply) => {
    const settings = deps.settings.get();
    ownSettings.add(settings);
    const ads = settings.ads;
    if (ads.source !== 'thirdParty' || !URL.canParse(ads.thirdPartyScript)) return;
    const base = reply.getHeader('content-security-policy');
    if (typeof base !== 'string') return;
    if (policyCache?.base !== base || policyCache.script !== ads.thirdPartyScript) {
      policyCache = { base, script: ads.thirdPartyScript, policy: allowingTagOrigin(base, new URL(ads.thirdPartyScript).origin) };
    }
    reply.header('content-security-policy', policyCache.policy);
  });

  registerPublicAds(app, {
    db,
    now,
    secret: deps.secret,
    settings: deps.settings,
    inventory,
    visitors: deps.visitors,
    random: deps.random ?? Math.random,
    sectionId: (slug) => sectionBySlug.get(slug) ?? null,
  });

  const library = createMediaLibrary(db, deps.media);
  registerAdsAdmin(app, {
    store,
    db,
    now,
    publicUrl: deps.publicUrl,
    look: deps.look,
    audit: deps.audit,
    sections: async () => (await deps.queries.sections()).map((s) => ({ id: s.id, label: s.name })),
    // Labels are cut short: the longest option sets the width of the select.
    media: async () => (await library.list({ limit: 100 })).items.map((m) => ({ id: m.id, label: short(`${m.filename}${m.alt ? ` (${m.alt})` : ''}`) })),
    mediaExists: async (id) => (await deps.media.get(id)) !== null,
    images: async (creatives) => new Map([...(await imagesOf(creatives))].map(([id, image]) => [id, image.src])),
    async changed() {
      await reload();
      deps.publish(CHANGED, null);
    },
  });

  return { store, inventory, reload, recheck };
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
