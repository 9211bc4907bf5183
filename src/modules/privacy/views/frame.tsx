/** The frame of the privacy pages: the site's layout for this visitor, never indexed, with the privacy stylesheet. */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteContext } from '../../site/context.js';
import { Layout } from '../../site/views/layout.js';
export { Problem, Notice } from '../../site/views/form-messages.js';

export interface PrivacyFrame {
  ctx: SiteContext;
  stylesheet: string;
}

export function privacyDocument(frame: PrivacyFrame, page: { title: string; path: string; indexable?: boolean; className?: string; children: ComponentChildren }): string {
  const node = (
    <Layout ctx={frame.ctx} bodyClass="page-privacy" meta={{ title: page.title, description: page.title, canonical: page.path, noindex: page.indexable !== true, extra: <link rel="stylesheet" href={frame.stylesheet} /> }}>
      <section class={page.className ? `privacy-page ${page.className}` : 'privacy-page'}>
        <h1>{page.title}</h1>
        {page.children}
      </section>
    </Layout>
  );
  return `<!doctype html>${renderToString(node)}`;
}

/** The privacy pages' own rules, on top of the site stylesheet. */
export const PRIVACY_CSS = `
.privacy-page { max-width: 40rem; margin: 0 auto; padding: 0 0 3rem; font-family: var(--sans); }
.privacy-page h1 { margin: 1rem 0 .5rem; font: 700 clamp(1.75rem, 1.4rem + 1.5vw, 2.5rem)/1.1 var(--serif); }
.privacy-page h2 { margin: 1.5rem 0 .75rem; font: 700 1.25rem/1.2 var(--serif); }
.privacy-page form p { margin: 0 0 1rem; }
.privacy-page label { display: block; margin-bottom: .375rem; font: 600 .875rem/1.3 var(--sans); }
.privacy-page input[type="password"] { width: 100%; max-width: 22rem; height: 2.75rem; padding: 0 .75rem; border: 1px solid var(--field); border-radius: 4px; background: var(--paper); color: var(--ink); font: 1rem/1 var(--sans); }
.privacy-status { padding: .75rem 1rem; border-left: 4px solid var(--link); background: var(--mark); font-weight: 600; }
.privacy-warning { padding: .75rem 1rem; border-left: 4px solid #b91c1c; }
.form-problem { padding: .75rem 1rem; border-left: 4px solid #b91c1c; background: #fef2f2; color: #7f1d1d; }
.form-notice { padding: .75rem 1rem; border-left: 4px solid var(--link); background: var(--mark); }
@media (prefers-color-scheme: dark) { .form-problem { background: #2b1313; color: #fecaca; } }
`;
