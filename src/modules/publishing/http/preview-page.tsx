/**
 * GET /preview/:token — a draft shown exactly as the public article page would show it (the
 * site's own ArticlePage view, with the body rendered now instead of at publish), for anyone
 * holding a valid signed link. Never cached, never indexed. A published article with unpublished
 * changes previews its working copy's text, images and details (byline, section and tags as live).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { ArticlePage } from '../../site/views/article-page.js';
import type { SiteContext } from '../../site/context.js';
import { ANONYMOUS } from '../../site/visitor.js';
import type { Doc } from '../body-schema.js';
import { verifyPreview } from '../preview.js';
import { mediaIdsIn, renderBody } from '../render-body.js';
import { articlePath, type Article } from '../types.js';
import { createWorkingCopies } from '../working-copy.js';

export async function registerPreviewPage(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const k = deps.db.kysely;
  const copies = createWorkingCopies(deps.db);

  function message(reply: FastifyReply, status: number, text: string) {
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .type('text/plain; charset=utf-8')
      .send(`${status} ${text}\n`);
  }

  async function draftArticle(id: number): Promise<Article | null> {
    const row = await k
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .selectAll('a')
      .select(['s.slug as section_slug', 's.name as section_name'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const copy = row.status === 'published' ? (await copies.get(id))?.fields : undefined;
    if (copy) {
      row.headline = copy.headline ?? row.headline;
      row.standfirst = copy.standfirst ?? row.standfirst;
      if (copy.body !== undefined) row.body = JSON.stringify(copy.body);
      if (copy.heroImage !== undefined) row.hero_media_id = copy.heroImage;
      if (copy.dateline !== undefined) row.dateline = copy.dateline;
      if (copy.seoTitle !== undefined) row.seo_title = copy.seoTitle;
      if (copy.seoDescription !== undefined) row.seo_description = copy.seoDescription;
    }
    const doc = JSON.parse(row.body) as Doc;
    const [media, authors, tags, notes] = await Promise.all([
      deps.media.getMany([...mediaIdsIn(doc), ...(row.hero_media_id ? [row.hero_media_id] : [])]),
      k
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(['au.id', 'au.slug', 'au.name', 'aa.role_label'])
        .where('aa.article_id', '=', id)
        .orderBy('aa.position')
        .execute(),
      k.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select(['t.id', 't.slug', 't.name']).where('at.article_id', '=', id).orderBy('t.name').execute(),
      k.selectFrom('article_notes').select(['kind', 'body', 'created_at']).where('article_id', '=', id).orderBy('created_at', 'desc').execute(),
    ]);
    return {
      id: row.id,
      slug: row.slug,
      path: articlePath(row.section_slug, row.slug),
      headline: row.headline,
      standfirst: row.standfirst,
      section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
      authors: authors.map((a) => ({ id: a.id, slug: a.slug, name: a.name, role: a.role_label })),
      hero: row.hero_media_id ? (media.get(row.hero_media_id) ?? null) : null,
      dateline: row.dateline,
      // A draft has no publication time yet: show when it would go out, or now.
      publishedAt: row.published_at ?? row.publish_at ?? deps.now(),
      updatedAt: row.updated_at,
      body: renderBody(doc, media),
      tags,
      notes: notes.map((n) => ({ kind: n.kind, body: n.body, createdAt: n.created_at })),
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      wordCount: row.word_count,
      modifiedAt: row.modified_at,
    };
  }

  async function siteContext(): Promise<SiteContext> {
    const settings = deps.settings.get();
    const [sections, logo, look] = await Promise.all([deps.queries.sections(), settings.logoMediaId ? deps.media.get(settings.logoMediaId) : Promise.resolve(null), deps.look()]);
    return { settings, sections, logo, publicUrl: deps.publicUrl, stylesheet: look?.stylesheets[0] ?? '', now: deps.now(), visitor: ANONYMOUS };
  }

  app.get<{ Params: { token: string } }>(
    '/preview/:token',
    { schema: { hide: true, params: { type: 'object', properties: { token: { type: 'string', maxLength: 500 } }, required: ['token'] } } },
    async (request, reply) => {
      const check = verifyPreview(deps.secret, request.params.token, deps.now());
      if ('problem' in check) {
        return check.problem === 'expired'
          ? message(reply, 410, 'This preview link has expired. Ask for a new one from the editor.')
          : message(reply, 404, 'This preview link is not valid. Check that it was copied completely.');
      }
      const article = await draftArticle(check.articleId);
      if (!article) return message(reply, 404, 'The article of this preview link no longer exists.');
      const page = `<!doctype html>${renderToString(<ArticlePage ctx={await siteContext()} article={article} related={[]} />)}`;
      // A visible marker, so a preview is never mistaken for the published page.
      const banner = '<p class="preview-banner" role="status"><strong>Preview</strong> — not published. This link expires.</p>';
      return reply
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex')
        .type('text/html; charset=utf-8')
        .send(page.replace('<main', `${banner}<main`));
    },
  );
}
