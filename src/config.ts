/**
 * Every environment variable StructureCMS reads, declared once: name, type, default and why.
 * The README's configuration table is written from this list; `loadConfig` validates at start so
 * a typo fails loudly instead of running with a surprising default.
 */
import path from 'node:path';

export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface to bind; 0.0.0.0 serves every interface, 127.0.0.1 only this machine. */
  host: string;
  /** Folder for the SQLite database and media files. */
  dataDir: string;
  /** Unset: embedded SQLite in dataDir. postgres://… : PostgreSQL. */
  databaseUrl: string | null;
  /** Seed the demo publication into an empty database on start. */
  demo: boolean;
  /** Absolute origin used in canonical links, feeds and sitemaps (no trailing slash). */
  publicUrl: string;
  /** Log level for pino: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Size of the in-memory page cache in megabytes. */
  pageCacheMb: number;
  /** Set when the site is served over HTTPS (cookies get `Secure`, HSTS is sent). */
  trustProxy: boolean;
  /**
   * Signs preview links and other tokens. Required when several instances share a database (they
   * must agree); unset, a random key is kept in DATA_DIR/secret.key.
   */
  secretKey: string | null;
  /** Meta app access token for Instagram oEmbed; unset, Instagram posts embed as link cards. */
  instagramOembedToken: string | null;
  /**
   * SMTP server for outgoing email, e.g. smtps://user:password@smtp.example.org:465. Unset: nothing
   * is sent and every message stays in the admin outbox (/admin/outbox), which suits the demo.
   */
  smtpUrl: string | null;
  /** The From address of outgoing email; the publication's name is used as the display name. */
  mailFrom: string;
  /**
   * Stripe secret key (sk_live_… or sk_test_…) for support payments. Unset: a clearly labelled
   * test mode runs the whole support flow locally without charging anyone.
   */
  stripeSecretKey: string | null;
  /** Signing secret of the /webhooks/stripe endpoint (whsec_…); required with STRIPE_SECRET_KEY. */
  stripeWebhookSecret: string | null;
  /** Another Stripe API origin (a Stripe-compatible test server such as stripe-mock); unset: Stripe's own. */
  stripeApiUrl: string | null;
  /**
   * Request header in which the CDN in front names the visitor's country (Cloudflare:
   * cf-ipcountry, CloudFront: cloudfront-viewer-country); decides who sees the consent banner
   * when it is set to EU/UK visitors. "none": no such header (everyone is asked).
   */
  countryHeader: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/u, '');
  if (!/^https?:\/\/[^/\s]+$/u.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL must be an origin such as https://news.example.org (got "${publicUrl}")`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//u.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  }
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    demo: boolean(env, 'DEMO', true),
    publicUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    pageCacheMb: integer(env, 'PAGE_CACHE_MB', 128, 1, 65536),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    secretKey: secret(env),
    instagramOembedToken: env.INSTAGRAM_OEMBED_TOKEN?.trim() || null,
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env, publicUrl),
    ...stripe(env),
    countryHeader: countryHeader(env),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function secret(env: Env): string | null {
  const raw = env.SECRET_KEY?.trim();
  if (!raw) return null;
  if (raw.length < 32) throw new ConfigError('SECRET_KEY must be at least 32 characters (try: openssl rand -hex 32)');
  return raw;
}

function smtpUrl(env: Env): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  if (!/^smtps?:\/\/[^/\s]+/u.test(raw)) throw new ConfigError('SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465');
  return raw;
}

function mailFrom(env: Env, publicUrl: string): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return `no-reply@${new URL(publicUrl).hostname}`;
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/u.test(raw)) throw new ConfigError(`MAIL_FROM must be a plain address such as news@example.org (got "${raw}")`);
  return raw;
}

function stripe(env: Env): Pick<Config, 'stripeSecretKey' | 'stripeWebhookSecret' | 'stripeApiUrl'> {
  const key = env.STRIPE_SECRET_KEY?.trim() || null;
  const webhook = env.STRIPE_WEBHOOK_SECRET?.trim() || null;
  const api = env.STRIPE_API_URL?.trim().replace(/\/+$/u, '') || null;
  if (key && !/^(sk|rk)_(live|test)_[A-Za-z0-9]+$/u.test(key)) throw new ConfigError('STRIPE_SECRET_KEY must be a Stripe secret key (sk_live_… or sk_test_…)');
  if (key && !webhook) throw new ConfigError('STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY (the whsec_… secret of the /webhooks/stripe endpoint)');
  if (webhook && !/^whsec_[A-Za-z0-9+/=]+$/u.test(webhook)) throw new ConfigError('STRIPE_WEBHOOK_SECRET must be the endpoint\'s signing secret (whsec_…)');
  if (api && !/^https?:\/\/[^/\s]+$/u.test(api)) throw new ConfigError(`STRIPE_API_URL must be an origin such as http://127.0.0.1:12111 (got "${api}")`);
  return { stripeSecretKey: key, stripeWebhookSecret: webhook, stripeApiUrl: api };
}

function countryHeader(env: Env): string | null {
  const raw = env.GEO_COUNTRY_HEADER?.trim().toLowerCase();
  if (raw === 'none') return null;
  if (!raw) return 'cf-ipcountry';
  if (!/^[a-z0-9-]{1,64}$/u.test(raw)) throw new ConfigError(`GEO_COUNTRY_HEADER must be a header name such as cf-ipcountry, or none (got "${raw}")`);
  return raw;
}
