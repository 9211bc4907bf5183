/**
 * The creatives that may run, held in memory: the ad frame picks from it per request, and page
 * renders ask it synchronously whether a slot could be filled at all (for emptySlots=collapse).
 * Reloaded at start and on every change (any instance's, over the event bus).
 */
import type { PublicationSettings } from '../settings/service.js';

export interface LiveCreative {
  id: number;
  /** Empty: every section. */
  sectionIds: readonly number[];
  startsAt: number;
  endsAt: number;
  weight: number;
  image: { src: string; width: number; height: number };
  alt: string;
}

export class Inventory {
  #creatives: readonly LiveCreative[] = [];

  replace(creatives: readonly LiveCreative[]): void {
    this.#creatives = creatives;
  }

  get all(): readonly LiveCreative[] {
    return this.#creatives;
  }

  /** Running now and meant for this section (null: a page outside any section). */
  eligible(sectionId: number | null, now: number): LiveCreative[] {
    return this.#creatives.filter(
      (c) => c.startsAt <= now && now < c.endsAt && (c.sectionIds.length === 0 || (sectionId !== null && c.sectionIds.includes(sectionId))),
    );
  }

  canFill(sectionId: number | null, now: number): boolean {
    return this.eligible(sectionId, now).length > 0;
  }

  /** The next moment a creative starts or ends after `now` (when fill answers may change), or null. */
  nextChange(now: number): number | null {
    let next: number | null = null;
    for (const c of this.#creatives) {
      for (const at of [c.startsAt, c.endsAt]) if (at > now && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Which sections could be filled now, as a short string: equal strings, equal pages. */
  fillState(sectionIds: readonly number[], now: number): string {
    return [null, ...sectionIds].map((id) => (this.canFill(id, now) ? '1' : '0')).join('');
  }
}

/**
 * One of the creatives, each as likely as its weight; `r` in [0, 1). Creatives at the frequency cap
 * are left out beforehand by the caller.
 */
export function pickWeighted<T extends { weight: number }>(candidates: readonly T[], r: number): T | null {
  const total = candidates.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return null;
  let point = r * total;
  for (const c of candidates) {
    point -= c.weight;
    if (point < 0) return c;
  }
  return candidates.at(-1) ?? null;
}

// Page views get the settings object and the sections, not the app. Each running app registers its
// inventory with a way to recognise its own settings object (several apps share a process in tests).
const registered = new Set<{ owns: (settings: PublicationSettings) => boolean; inventory: Inventory }>();

export function registerInventory(owns: (settings: PublicationSettings) => boolean, inventory: Inventory): () => void {
  const entry = { owns, inventory };
  registered.add(entry);
  return () => void registered.delete(entry);
}

/**
 * Whether a house creative could fill a slot on a page of this section now. With several apps in
 * one process (tests), the page's settings object tells whose page it is; when it belongs to none
 * of them, say yes: an empty reserved box is a smaller mistake than a missing ad.
 */
export function houseSlotCanFill(settings: PublicationSettings, sectionId: number | null, now: number): boolean {
  // One app per process (production): no question whose page this is.
  if (registered.size === 1) for (const { inventory } of registered) return inventory.canFill(sectionId, now);
  let owner = false;
  for (const { owns, inventory } of registered) {
    if (!owns(settings)) continue;
    owner = true;
    if (inventory.canFill(sectionId, now)) return true;
  }
  return !owner;
}
