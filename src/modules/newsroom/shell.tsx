/**
 * The newsroom's page shell: every admin page is a document with the top bar (the sections of the
 * newsroom this person's role may open, who is signed in, sign out) around its own content.
 * Server-rendered by Preact, so every value is escaped; scripts are same-origin files only (CSP).
 */
import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { can, type Action } from '../accounts/policy.js';
import type { Staff } from '../accounts/http/session.js';

/** What admin pages borrow from the publication; the stylesheets are the site's and the admin's. */
export interface Look {
  siteName: string;
  lang: string;
  stylesheets: string[];
}

export interface NavItem {
  key: string;
  href: string;
  label: string;
  /** Shown only to roles that may take this action. */
  action?: Action;
}

export const NAV: readonly NavItem[] = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard' },
  { key: 'articles', href: '/admin/articles', label: 'Articles', action: 'article.create' },
  { key: 'comments', href: '/admin/comments', label: 'Comments', action: 'comments.moderate' },
  { key: 'newsletters', href: '/admin/newsletters', label: 'Newsletters', action: 'newsletters.manage' },
  { key: 'revenue', href: '/admin/revenue', label: 'Revenue', action: 'revenue.read' },
  { key: 'ads', href: '/admin/ads', label: 'Ads', action: 'ads.manage' },
  { key: 'media', href: '/admin/media', label: 'Media', action: 'media.upload' },
  { key: 'sections', href: '/admin/sections', label: 'Sections', action: 'taxonomy.manage' },
  { key: 'tags', href: '/admin/tags', label: 'Tags', action: 'taxonomy.manage' },
  { key: 'authors', href: '/admin/authors', label: 'Authors', action: 'taxonomy.manage' },
  { key: 'pages', href: '/admin/pages', label: 'Pages', action: 'pages.manage' },
  { key: 'redirects', href: '/admin/redirects', label: 'Redirects', action: 'redirects.manage' },
  { key: 'audit', href: '/admin/audit', label: 'Audit log', action: 'audit.read' },
  { key: 'settings', href: '/admin/settings', label: 'Settings', action: 'settings.manage' },
  { key: 'users', href: '/admin/users', label: 'Users', action: 'users.manage' },
  { key: 'keys', href: '/admin/keys', label: 'API keys', action: 'keys.manage' },
  { key: 'webhooks', href: '/admin/webhooks', label: 'Webhooks', action: 'webhooks.manage' },
  { key: 'outbox', href: '/admin/outbox', label: 'Outbox', action: 'email.outbox' },
];

export interface AdminPageOptions {
  look: Look | null;
  /** Null on pages shown before sign-in (sign-in, setup): no top bar. */
  staff: Staff | null;
  title: string;
  /** The NAV key to mark as the current page. */
  active?: string;
  /** Wide layout for tables and the editor. */
  wide?: boolean;
  /** Same-origin script URLs, loaded as modules at the end of the body. */
  scripts?: string[];
  children: ComponentChildren;
}

function Shell(options: AdminPageOptions): JSX.Element {
  const { look, staff, title } = options;
  const fullTitle = look ? `${title} | ${look.siteName}` : title;
  return (
    <html lang={look?.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{fullTitle}</title>
        {(look?.stylesheets ?? []).map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body class="admin">
        {staff ? <TopBar look={look} staff={staff} active={options.active} /> : null}
        <main id="main" class={options.wide ? 'admin-main admin-wide' : 'admin-main'}>
          <h1>{title}</h1>
          {options.children}
        </main>
        {(options.scripts ?? []).map((src) => (
          <script key={src} type="module" src={src} />
        ))}
      </body>
    </html>
  );
}

function TopBar({ look, staff, active }: { look: Look | null; staff: Staff; active: string | undefined }) {
  const items = NAV.filter((item) => !item.action || can(staff.role, item.action));
  return (
    <header class="admin-bar">
      <a class="admin-home" href="/">
        {look?.siteName ?? 'Site'}
      </a>
      <nav class="admin-nav" aria-label="Newsroom">
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <a href={item.href} aria-current={item.key === active ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="admin-who">
        <span>
          {staff.name || staff.email} ({staff.role})
        </span>
        {staff.via === 'session' ? (
          <form method="post" action="/admin/sign-out">
            <button type="submit">Sign out</button>
          </form>
        ) : null}
      </div>
    </header>
  );
}

/** A whole admin page as an HTML string. */
export function adminPage(options: AdminPageOptions): string {
  return `<!doctype html>${renderToString(<Shell {...options} />)}`;
}
