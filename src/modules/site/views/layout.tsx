/** The page shell every public page shares: head, masthead with navigation and search, footer. */
import type { ComponentChildren } from 'preact';
import type { SiteContext } from '../context.js';
import { absolute } from '../context.js';
import { yearInZone } from '../time.js';
import { mediaUrl } from '../../media/urls.js';
import { chromeHtml } from './chrome.js';
import { ConsentBanner } from '../../privacy/views/consent-banner.js';

export interface HeadMeta {
  title: string;
  description: string;
  /** Site-relative canonical path. */
  canonical: string;
  /** Extra tags: Open Graph, JSON-LD, feed alternates … */
  extra?: ComponentChildren;
  noindex?: boolean;
}

export interface LayoutProps {
  ctx: SiteContext;
  meta: HeadMeta;
  /** Which section the navigation marks as current. */
  currentSection?: string;
  bodyClass?: string;
  /** Value for the header search box (the search page shows the query). */
  query?: string;
  children: ComponentChildren;
}

export function Layout({ ctx, meta, currentSection, bodyClass, query, children }: LayoutProps) {
  const { settings } = ctx;
  const title = meta.title === settings.name ? meta.title : `${meta.title} | ${settings.name}`;
  return (
    <html lang={settings.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={absolute(ctx, meta.canonical)} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="theme-color" content={settings.accentColor} />
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="alternate" type="application/rss+xml" title={`${settings.name} (RSS)`} href="/feeds/rss.xml" />
        <link rel="alternate" type="application/atom+xml" title={`${settings.name} (Atom)`} href="/feeds/atom.xml" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {meta.extra}
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Masthead ctx={ctx} currentSection={currentSection} query={query} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
        <ConsentBanner ctx={ctx} />
      </body>
    </html>
  );
}

function Masthead({ ctx, currentSection, query }: { ctx: SiteContext; currentSection: string | undefined; query: string | undefined }) {
  // The search page echoes the reader's query in the box, so only query-free mastheads are reused.
  if (query) return <header class="masthead">{MastheadInner({ ctx, currentSection, query })}</header>;
  return <header class="masthead" dangerouslySetInnerHTML={chromeHtml(ctx, `masthead|${currentSection ?? ''}`, () => MastheadInner({ ctx, currentSection, query }))} />;
}

function MastheadInner({ ctx, currentSection, query }: { ctx: SiteContext; currentSection: string | undefined; query: string | undefined }) {
  const { settings } = ctx;
  return (
    <>
      <div class="masthead-inner">
        <a class="brand" href="/" rel="home">
          {ctx.logo ? (
            <img class="brand-logo" src={mediaUrl(ctx.logo, { width: 320, ratio: null, format: 'webp' })} alt={settings.name} width={ctx.logo.width} height={ctx.logo.height} />
          ) : (
            <span class="brand-name">{settings.name}</span>
          )}
          {settings.tagline ? <span class="brand-tagline">{settings.tagline}</span> : null}
        </a>
        <form class="search-form" role="search" action="/search" method="get">
          <label class="visually-hidden" for="site-search">
            Search {settings.name}
          </label>
          <input id="site-search" type="search" name="q" placeholder="Search" value={query ?? ''} maxLength={200} autocomplete="off" />
          <button type="submit">Search</button>
        </form>
      </div>
      <nav class="sections-nav" aria-label="Sections">
        <ul>
          <li>
            <a href="/" aria-current={currentSection === 'home' ? 'page' : undefined}>
              Home
            </a>
          </li>
          {ctx.sections.map((section) => (
            <li>
              <a href={`/${section.slug}`} aria-current={currentSection === section.slug ? 'page' : undefined}>
                {section.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

function Footer({ ctx }: { ctx: SiteContext }) {
  const year = yearInZone(ctx.now, ctx.settings.timeZone);
  // Do Not Sell or Share: opted out (cookie, account) or Sec-GPC sent; part of the page's variant key.
  const honored = ctx.visitor.optedOut || ctx.visitor.gpc;
  return <footer class="site-footer" dangerouslySetInnerHTML={chromeHtml(ctx, `footer|${year}|${honored ? 'opted-out' : ''}`, () => FooterInner({ ctx, year, honored }))} />;
}

function FooterInner({ ctx, year, honored }: { ctx: SiteContext; year: number; honored: boolean }) {
  const { settings } = ctx;
  return (
    <>
      <div class="footer-inner">
        <div class="footer-brand">
          <a class="brand-name" href="/">
            {settings.name}
          </a>
          <p>{settings.description}</p>
        </div>
        <nav aria-label="Sections (footer)">
          <h2 class="footer-heading">Sections</h2>
          <ul>
            {ctx.sections.map((section) => (
              <li>
                <a href={`/${section.slug}`}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="About and legal">
          <h2 class="footer-heading">About</h2>
          <ul>
            <li>
              <a href="/about">About us</a>
            </li>
            <li>
              <a href="/feeds/rss.xml">RSS feed</a>
            </li>
            <li>
              <a href="/account">Your account</a>
            </li>
            <li>
              <a href="/privacy-policy">Privacy Policy</a>
            </li>
            <li>
              <a href="/terms-of-use">Terms of Use</a>
            </li>
            <li>
              <a href="/do-not-sell">Do Not Sell or Share My Personal Information</a>
              {honored ? <span class="opt-out-honored"> · Opt-out request honored</span> : null}
            </li>
          </ul>
        </nav>
      </div>
      <p class="copyright">
        © {year} {settings.name}. <span class="powered">Published with StructureCMS.</span>
      </p>
    </>
  );
}
