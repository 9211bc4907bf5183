/**
 * The newsroom's article pages: the list (/admin/articles), the "new article" form, and the
 * editor (/admin/articles/:id). Reads and writes go through the article workflow, the same one
 * behind the Admin API, so who may see or change what is decided in one place; the editor's
 * script then talks to the Admin API directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, requireStaff, type Staff } from '../../accounts/index.js';
import { createMediaLibrary } from '../../media/library.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { displayDateTime } from '../../site/time.js';
import { mediaIdsIn } from '../render-body.js';
import type { ArticleStatus } from '../tables.js';
import { slugify } from '../types.js';
import { createArticleWorkflow } from '../workflow.js';
import { PublishingError } from '../write.js';
import { articleListPage, newArticlePage, STATUS_LABELS, type Choice, type ListFilters } from './article-list-view.js';
import { editorPage } from './article-editor-view.js';
import { editorArticle } from './editor-working-copy.js';
import type { EditorData, EditorMedia } from './editor-data.js';

/** The esbuild bundle (scripts/build-client.mjs); the same path from src/ and from dist/. */
export const EDITOR_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../dist/client/editor.js');

const PAGE_SIZE = 30;

function html(reply: FastifyReply, body: string, status = 200) {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

const oneOf = (value: unknown, max = 200): string => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export async function registerArticleAdmin(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const workflow = createArticleWorkflow(deps);
  const library = createMediaLibrary(deps.db, deps.media);
  const k = deps.db.kysely;

  /** Loaded on first use, and looked for again while missing, so a build after start-up is picked up. */
  let bundleUrl: string | null = null;
  function editorScript(): string | null {
    if (bundleUrl) return bundleUrl;
    if (!fs.existsSync(EDITOR_BUNDLE)) return null;
    bundleUrl = deps.assets.put('editor.js', fs.readFileSync(EDITOR_BUNDLE));
    return bundleUrl;
  }

  const staffOf = (request: FastifyRequest) => request.staff as Staff;
  const when = (iso: string) => {
    const settings = deps.settings.get();
    return displayDateTime(Date.parse(iso), settings.timeZone, settings.locale);
  };
  const sections = async (): Promise<Choice[]> => k.selectFrom('sections').select(['slug', 'name']).orderBy('position').orderBy('name').execute();
  const authors = async (): Promise<Choice[]> => k.selectFrom('authors').select(['slug', 'name']).orderBy('name').execute();

  app.get('/admin/articles', { preHandler: requireStaff('article.create') }, async (request, reply) => {
    const staff = staffOf(request);
    const query = request.query as Record<string, unknown>;
    const status = oneOf(query.status, 20);
    const filters: ListFilters = {
      status: status in STATUS_LABELS ? status : '',
      section: oneOf(query.section, 120),
      author: oneOf(query.author, 120),
      q: oneOf(query.q),
    };
    const cursor = oneOf(query.cursor, 500) || undefined;
    let result: Awaited<ReturnType<typeof workflow.list>> = { items: [], nextCursor: null };
    let problem: string | undefined;
    try {
      result = await workflow.list(staff, {
        ...(filters.status ? { status: filters.status as ArticleStatus } : {}),
        ...(filters.section ? { section: filters.section } : {}),
        ...(filters.author ? { author: filters.author } : {}),
        ...(filters.q ? { q: filters.q } : {}),
        ...(cursor ? { cursor } : {}),
        limit: PAGE_SIZE,
      });
    } catch (error) {
      if (!(error instanceof PublishingError)) throw error;
      problem = 'That page of the list has expired. Here is the first page.';
      result = await workflow.list(staff, { ...filters, status: (filters.status || undefined) as ArticleStatus | undefined, limit: PAGE_SIZE });
    }
    const body = articleListPage({
      look: await deps.look(),
      staff,
      items: result.items,
      nextCursor: result.nextCursor,
      filters,
      sections: await sections(),
      authors: await authors(),
      when,
      ownOnly: !can(staff.role, 'article.edit.any'),
      problem,
    });
    return html(reply, body);
  });

  async function newPage(request: FastifyRequest, reply: FastifyReply, values?: { headline: string; section: string; author: string }, problem?: { message: string; field?: string }) {
    const staff = staffOf(request);
    const [sectionList, authorList] = await Promise.all([sections(), authors()]);
    // The author linked to the signed-in user comes first, so they need not pick themselves.
    const mine = staff.id === null ? undefined : await k.selectFrom('authors').select('slug').where('user_id', '=', staff.id).executeTakeFirst();
    const body = newArticlePage({
      look: await deps.look(),
      staff,
      sections: sectionList,
      authors: authorList,
      values: values ?? { headline: '', section: sectionList[0]?.slug ?? '', author: mine?.slug ?? authorList[0]?.slug ?? '' },
      problem: problem?.message,
      field: problem?.field,
    });
    return html(reply, body, problem ? 400 : 200);
  }

  app.get('/admin/articles/new', { preHandler: requireStaff('article.create') }, (request, reply) => newPage(request, reply));

  app.post('/admin/articles/new', { preHandler: requireStaff('article.create') }, async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const values = { headline: oneOf(form.headline, 300), section: oneOf(form.section, 120), author: oneOf(form.author, 120) };
    if (!values.headline) return newPage(request, reply, values, { message: 'Write a headline first (you can change it later).', field: 'headline' });
    const base = slugify(values.headline);
    // A draft's slug follows its headline; a clash with another article gets a number, not an error.
    for (let n = 1; n <= 20; n += 1) {
      try {
        const created = await workflow.create(staffOf(request), {
          headline: values.headline,
          section: values.section,
          authors: [{ slug: values.author }],
          status: 'draft',
          slug: n === 1 ? base : `${base.slice(0, 110)}-${n}`,
        });
        return reply.redirect(`/admin/articles/${created.id}`, 303);
      } catch (error) {
        if (!(error instanceof PublishingError)) throw error;
        if (error.field === 'slug' && error.status === 409) continue;
        return newPage(request, reply, values, { message: error.message, field: error.field });
      }
    }
    return newPage(request, reply, values, { message: 'Too many articles share this headline; change it a little.', field: 'headline' });
  });

  app.get('/admin/articles/:id', { preHandler: requireStaff('article.create') }, async (request, reply) => {
    const staff = staffOf(request);
    const id = Number((request.params as { id: string }).id);
    const notFound = () => reply.callNotFound();
    if (!Number.isSafeInteger(id) || id < 1) return notFound();
    let live;
    try {
      live = await workflow.get(staff, id);
    } catch (error) {
      if (error instanceof PublishingError && error.status === 404) return notFound();
      throw error;
    }
    const [sectionList, authorList] = await Promise.all([sections(), authors()]);
    const article = editorArticle(live, sectionList, authorList);
    const ids = [...new Set([...mediaIdsIn(article.body), ...(article.heroImage ? [article.heroImage] : [])])];
    const media: Record<string, EditorMedia> = {};
    for (const record of await Promise.all(ids.map((mediaId) => library.record(mediaId)))) {
      if (record) media[record.id] = { id: record.id, url: record.url, thumbnailUrl: record.thumbnailUrl, alt: record.alt, caption: record.caption, credit: record.credit };
    }
    const data: EditorData = {
      id: article.id,
      headline: article.headline,
      status: article.status,
      body: article.body,
      modifiedAt: article.modifiedAt,
      url: article.url,
      media,
      me: { id: staff.id, name: staff.name },
      lock: article.lock,
      workingCopy: article.workingCopy ? { savedAt: article.workingCopy.savedAt, savedBy: article.workingCopy.savedBy } : null,
      can: {
        // Below editor, an article is visible only to its own people (the workflow's rule), so
        // publish.own applies; the workflow checks again on every save, this only picks buttons.
        publish: can(staff.role, 'article.publish.any') || can(staff.role, 'article.publish.own'),
        rawHtml: can(staff.role, 'article.raw-html'),
        correct: can(staff.role, 'article.correct'),
      },
    };
    const body = editorPage({ look: await deps.look(), staff, article, data, sections: sectionList, authors: authorList, script: editorScript(), when });
    return html(reply, body);
  });
}
