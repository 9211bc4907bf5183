/** Static pages (Privacy Policy, Terms of Use, About …): content the newsroom edits. */
import type { Page } from '../../publishing/index.js';
import type { SiteContext } from '../context.js';
import { Layout } from './layout.js';
import { Time } from './components.js';
import { PRIVACY_SLUG, TERMS_SLUG } from '../../accounts/readers/consent.js';

/** Pages readers consent to at sign-up: they show which version is in effect (every save is a new one). */
const LEGAL_SLUGS = new Set([PRIVACY_SLUG, TERMS_SLUG]);

export function StaticPage({ ctx, page }: { ctx: SiteContext; page: Page }) {
  const first = page.body.find((p) => p.kind === 'paragraph')?.html.replace(/<[^>]+>/gu, '') ?? '';
  return (
    <Layout ctx={ctx} bodyClass="page-static" meta={{ title: page.title, description: first.slice(0, 160) || page.title, canonical: `/${page.slug}` }}>
      <article class="static-page">
        <h1>{page.title}</h1>
        {LEGAL_SLUGS.has(page.slug) ? (
          <p class="page-updated page-version">
            Version {page.version} · in effect since <Time ctx={ctx} ms={page.updatedAt} withTime={false} />
          </p>
        ) : (
          <p class="page-updated">
            Last updated <Time ctx={ctx} ms={page.updatedAt} withTime={false} />
          </p>
        )}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: page.body.map((p) => p.html).join('\n') }} />
      </article>
    </Layout>
  );
}
