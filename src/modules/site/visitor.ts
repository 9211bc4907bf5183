/**
 * What a public page may differ by from one visitor to the next: a handful of yes/no facts and
 * no personal data, so a page has a few cached variants (at most 2 × 2 × 4 × 2 × 2) rather than
 * one render per person. The facts come from the request (the `scms_prefs` cookie, `Sec-GPC`,
 * the country header a CDN adds) and from hooks the modules register (privacy: the account's
 * opt-out; revenue: a supporter's account), which run only for signed-in visitors.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../accounts/index.js';
import type { PublicationSettings } from '../settings/service.js';

/** The cookie that remembers a signed-out visitor's choices; it holds no identifier. */
export const PREFS_COOKIE = 'scms_prefs';
const PREFS_MAX_AGE_SECONDS = 400 * 24 * 3600;

export type ConsentChoice = 'accepted' | 'rejected';

/** What the browser remembers, whoever is signed in. */
export interface VisitorPrefs {
  /** Do Not Sell or Share, chosen on /do-not-sell (or sent as Sec-GPC, remembered here). */
  optOut: boolean;
  consent: ConsentChoice | null;
  /** "Remind me next month": the pitch stays hidden until then (ms since the epoch). */
  pitchHiddenUntil: number | null;
  /** Came back from a completed checkout; the account (when there is one) is the authority. */
  supporter: boolean;
}

export type ConsentState = 'notRequired' | 'pending' | ConsentChoice;

export interface Visitor {
  /** A session cookie names a signed-in reader or staff member. */
  signedIn: boolean;
  /** Do Not Sell or Share: the cookie, the account or this request's Sec-GPC. */
  optedOut: boolean;
  /** This request carried `Sec-GPC: 1`. */
  gpc: boolean;
  consent: ConsentState;
  /** The support pitch is left out: reminded until later, or already a supporter. */
  pitchHidden: boolean;
  /** Ad slots are left out (supporters, when the publication says so). */
  adFree: boolean;
  supporter: boolean;
}

export const ANONYMOUS: Readonly<Visitor> = Object.freeze({
  signedIn: false,
  optedOut: false,
  gpc: false,
  consent: 'notRequired',
  pitchHidden: false,
  adFree: false,
  supporter: false,
});

/** Variant name for the page cache; '' for the page most visitors get (the one a CDN may share). */
export function variantKey(visitor: Visitor): string {
  const parts: string[] = [];
  if (visitor.signedIn) parts.push('in');
  if (visitor.optedOut) parts.push(visitor.gpc ? 'gpc' : 'out');
  if (visitor.consent !== 'notRequired') parts.push(`c-${visitor.consent}`);
  if (visitor.pitchHidden) parts.push('nopitch');
  if (visitor.adFree) parts.push('noads');
  return parts.join('.');
}

/** Parses the prefs cookie; anything unreadable counts as no choice made. */
export function readPrefs(raw: string | undefined): VisitorPrefs {
  const prefs: VisitorPrefs = { optOut: false, consent: null, pitchHiddenUntil: null, supporter: false };
  if (!raw || raw.length > 200) return prefs;
  for (const part of raw.split('.')) {
    const [name, value = ''] = part.split('-', 2) as [string, string?];
    if (name === 'o' && value === '1') prefs.optOut = true;
    else if (name === 'c' && (value === 'a' || value === 'r')) prefs.consent = value === 'a' ? 'accepted' : 'rejected';
    else if (name === 'h' && /^\d{1,15}$/u.test(value)) prefs.pitchHiddenUntil = Number(value);
    else if (name === 's' && value === '1') prefs.supporter = true;
  }
  return prefs;
}

export function formatPrefs(prefs: VisitorPrefs): string {
  const parts: string[] = [];
  if (prefs.optOut) parts.push('o-1');
  if (prefs.consent) parts.push(`c-${prefs.consent === 'accepted' ? 'a' : 'r'}`);
  if (prefs.pitchHiddenUntil !== null) parts.push(`h-${Math.floor(prefs.pitchHiddenUntil)}`);
  if (prefs.supporter) parts.push('s-1');
  return parts.join('.');
}

/**
 * Changes some of the browser's remembered choices, keeping the others. HttpOnly: pages carry
 * what scripts need to know in their markup, so no script ever reads the cookie.
 */
export function updatePrefs(request: FastifyRequest, reply: FastifyReply, change: Partial<VisitorPrefs>): VisitorPrefs {
  const next = { ...readPrefs(request.cookies[PREFS_COOKIE]), ...change };
  const value = formatPrefs(next);
  const secure = request.protocol === 'https';
  if (value) reply.setCookie(PREFS_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: PREFS_MAX_AGE_SECONDS });
  else reply.clearCookie(PREFS_COOKIE, { path: '/' });
  return next;
}

/** A module's say in the visitor, for signed-in visitors (it may read the account). */
export type VisitorHook = (visitor: Visitor, user: User, request: FastifyRequest) => Promise<void> | void;

/** EU and EEA members and the UK, as ISO 3166 codes (UK as both GB and its CDN alias UK). */
const CONSENT_COUNTRIES = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB UK'.split(' '),
);

export interface VisitorsDeps {
  settings: () => PublicationSettings;
  /** The signed-in person behind a request, or null (no session cookie: no lookup). */
  currentUser: (request: FastifyRequest) => Promise<User | null>;
  /** Lower-case request header a CDN sets to the visitor's country ("cf-ipcountry"); null: none. */
  countryHeader: string | null;
  now: () => number;
}

export interface Visitors {
  of(request: FastifyRequest): Promise<Visitor>;
  addHook(hook: VisitorHook): void;
}

export function createVisitors(deps: VisitorsDeps): Visitors {
  const hooks: VisitorHook[] = [];
  return {
    addHook: (hook) => void hooks.push(hook),
    async of(request) {
      const settings = deps.settings();
      const prefs = readPrefs(request.cookies[PREFS_COOKIE]);
      const gpc = request.headers['sec-gpc'] === '1';
      const user = await deps.currentUser(request);
      const visitor: Visitor = {
        signedIn: user !== null,
        optedOut: prefs.optOut || gpc,
        gpc,
        consent: consentRequired(request, settings, deps.countryHeader) ? (prefs.consent ?? 'pending') : 'notRequired',
        pitchHidden: prefs.supporter || (prefs.pitchHiddenUntil !== null && prefs.pitchHiddenUntil > deps.now()),
        adFree: false,
        supporter: prefs.supporter,
      };
      if (user) for (const hook of hooks) await hook(visitor, user, request);
      visitor.pitchHidden ||= visitor.supporter;
      visitor.adFree = visitor.supporter && settings.support.adFreeForSupporters;
      return visitor;
    },
  };
}

/** Whether this visitor must be asked before anything non-essential runs. */
function consentRequired(request: FastifyRequest, settings: PublicationSettings, countryHeader: string | null): boolean {
  const mode = settings.privacy.consentBanner;
  if (mode === 'off') return false;
  if (mode === 'everyone') return true;
  const raw = countryHeader ? request.headers[countryHeader] : undefined;
  const country = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  // No country known (no CDN in front, or it did not say): ask, rather than assume consent.
  return country === '' || country === 'XX' || CONSENT_COUNTRIES.has(country);
}
