/** The frame of the support pages: the site's layout, never cached (pages differ per visitor), with the support stylesheet. */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteContext } from '../../site/context.js';
import { Layout } from '../../site/views/layout.js';
export { Problem, Notice } from '../../site/views/form-messages.js';

export interface SupportFrame {
  ctx: SiteContext;
  stylesheet: string;
  testMode: boolean;
}

/** Only /support itself is for search engines; thanks, reminder and test pages are not. */
export function supportDocument(frame: SupportFrame, page: { title: string; path: string; indexable?: boolean; description?: string; children: ComponentChildren }): string {
  const node = (
    <Layout ctx={frame.ctx} bodyClass="page-support" meta={{ title: page.title, description: page.description ?? page.title, canonical: page.path, noindex: page.indexable !== true, extra: <link rel="stylesheet" href={frame.stylesheet} /> }}>
      <section class="support-page">
        {frame.testMode ? <TestModeBanner /> : null}
        <h1>{page.title}</h1>
        {page.children}
      </section>
    </Layout>
  );
  return `<!doctype html>${renderToString(node)}`;
}

export function TestModeBanner() {
  return (
    <p class="test-mode-banner" role="note">
      Test mode — no money moves. Payments on this site are simulated because no Stripe key is set.
    </p>
  );
}

