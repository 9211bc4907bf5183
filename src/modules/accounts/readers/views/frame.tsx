/**
 * The frame of every reader page: the public site's layout (masthead, footer, fonts), never
 * indexed, with the account stylesheet. Server-rendered by Preact, so every value is escaped.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteContext } from '../../../site/context.js';
import { Layout } from '../../../site/views/layout.js';
export { Problem, Notice } from '../../../site/views/form-messages.js';

export interface Frame {
  ctx: SiteContext;
  /** URL of the account stylesheet. */
  stylesheet: string;
}

export interface FormState {
  /** Shown above the form: what went wrong, in words a reader can act on. */
  problem?: string | null;
  /** What the reader typed, given back (never passwords). */
  values?: Record<string, string>;
}

export function accountDocument(frame: Frame, page: { title: string; path: string; children: ComponentChildren }): string {
  const node = (
    <Layout ctx={frame.ctx} bodyClass="page-account" meta={{ title: page.title, description: page.title, canonical: page.path, noindex: true, extra: <link rel="stylesheet" href={frame.stylesheet} /> }}>
      <section class="account-page">
        <h1>{page.title}</h1>
        {page.children}
      </section>
    </Layout>
  );
  return `<!doctype html>${renderToString(node)}`;
}

/** A hidden field carrying where to go after signing in, on every sign-in and sign-up form. */
export function ReturnField({ to }: { to: string }) {
  return <input type="hidden" name="return" value={to} />;
}

/** `?return=` for links between the sign-in pages, left out when it is the default. */
export function withReturn(path: string, to: string): string {
  return to === '/account' ? path : `${path}?return=${encodeURIComponent(to)}`;
}
