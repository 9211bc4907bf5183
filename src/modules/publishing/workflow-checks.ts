/**
 * What must hold before an article is saved or goes live: a body that fits the block schema (HTML
 * is sanitized into it), raw HTML only from editors, media that exists, alt text on every picture,
 * and a schedule that respects the embargo.
 */
import { can, type Staff } from '../accounts/index.js';
import type { MediaService } from '../media/service.js';
import { checkDoc, type Doc } from './body-schema.js';
import { htmlToDoc, MAX_HTML_LENGTH } from './html-to-doc.js';
import { mediaIdsIn } from './render-body.js';
import type { ArticleStatus } from './tables.js';
import { authorsOf, fail, iso, rawHtmlBlocks, type ArticleFields } from './workflow-rules.js';
import type { Database } from '../../db/database.js';

/** A save's intended state, as checkPlan judges it. */
export interface Plan {
  target: ArticleStatus;
  statusChanged: boolean;
  publishAt: number | null;
  publishAtChanged: boolean;
  unpublishAt: number | null;
  unpublishAtChanged: boolean;
  embargoUntil: number | null;
  embargoChanged: boolean;
  body: Doc;
  hero: number | null;
}

export function createWorkflowChecks(deps: { db: Database; media: MediaService; publicUrl: string }) {
  function toDoc(input: ArticleFields): Doc | undefined {
    if (input.html !== undefined && input.body !== undefined) fail('Send the body as html or as body (block JSON), not both.', 'body');
    if (input.html !== undefined) {
      if (input.html.length > MAX_HTML_LENGTH) fail('html: is larger than 1 MB.', 'html', 413);
      return htmlToDoc(input.html, { publicUrl: deps.publicUrl });
    }
    if (input.body !== undefined) {
      const problem = checkDoc(input.body)[0];
      if (problem) fail(`body: does not fit the block schema at ${problem.path}: ${problem.message}.`, 'body');
      return input.body as Doc;
    }
    return undefined;
  }

  function checkRawHtml(staff: Staff, doc: Doc | undefined, stored: Doc | null): void {
    if (!doc || can(staff.role, 'article.raw-html')) return;
    const before = stored ? rawHtmlBlocks(stored) : '[]';
    if (rawHtmlBlocks(doc) !== before) fail('Only editors may add or change raw HTML blocks.', 'body', 403);
  }

  async function checkMedia(doc: Doc | undefined, hero: number | null | undefined): Promise<void> {
    const ids = [...(doc ? mediaIdsIn(doc) : []), ...(hero ? [hero] : [])];
    if (ids.length === 0) return;
    const found = await deps.media.getMany([...new Set(ids)]);
    if (hero && !found.has(hero)) fail(`heroImage: there is no media item ${hero}.`, 'heroImage');
    for (const id of ids) if (!found.has(id)) fail(`body: there is no media item ${id} (an image block refers to it).`, 'body');
  }

  /** Every picture readers see needs a text alternative before it goes live. */
  async function checkAltText(doc: Doc, hero: number | null): Promise<void> {
    const images = doc.content.flatMap((block, index) => (block.type === 'image' ? [{ block, index }] : []));
    const media = await deps.media.getMany([...new Set([...images.map((i) => i.block.attrs.mediaId), ...(hero ? [hero] : [])])]);
    if (hero) {
      const item = media.get(hero);
      if (!item) fail(`heroImage: there is no media item ${hero}.`, 'heroImage');
      else if (!item.alt.trim()) fail(`The hero image (media ${hero}) needs alt text before publishing: add it in the media library.`, 'heroImage');
    }
    for (const { block, index } of images) {
      const item = media.get(block.attrs.mediaId);
      const alt = block.attrs.alt?.trim() || item?.alt.trim();
      if (!alt) {
        const name = block.attrs.caption?.trim() ? `"${block.attrs.caption.trim().slice(0, 60)}"` : `media ${block.attrs.mediaId}`;
        fail(`The image ${name} (block ${index + 1}) needs alt text before publishing.`, 'body');
      }
    }
  }


  async function checkPlan(plan: Plan, now: number): Promise<void> {
    const { target, embargoUntil } = plan;
    if (target === 'scheduled') {
      if (plan.publishAt === null) fail('publishAt: scheduling needs a publishAt time.', 'publishAt');
      else {
        if ((plan.statusChanged || plan.publishAtChanged) && plan.publishAt <= now) fail('publishAt: must be in the future to schedule.', 'publishAt');
        if (embargoUntil !== null && plan.publishAt < embargoUntil) fail(`publishAt: the article is embargoed until ${iso(embargoUntil)}.`, 'publishAt');
      }
    }
    if (target === 'published' && (plan.statusChanged || plan.embargoChanged) && embargoUntil !== null && now < embargoUntil) {
      fail(`The article is embargoed until ${iso(embargoUntil)}.`, 'embargoUntil');
    }
    if ((target === 'scheduled' || target === 'published') && plan.unpublishAtChanged && plan.unpublishAt !== null) {
      const start = target === 'scheduled' ? (plan.publishAt ?? now) : now;
      if (plan.unpublishAt <= start) fail('unpublishAt: must be after the article goes live.', 'unpublishAt');
    }
    if (target === 'scheduled' || target === 'published') await checkAltText(plan.body, plan.hero);
  }

  /** Section and bylines named by slug exist (a live save checks them as it writes; a working copy first). */
  async function checkReferences(patch: Pick<ArticleFields, 'section' | 'authors'>): Promise<void> {
    const k = deps.db.kysely;
    if (patch.section !== undefined && !(await k.selectFrom('sections').select('id').where('slug', '=', patch.section).executeTakeFirst())) {
      fail(`section: there is no section "${patch.section}".`, 'section');
    }
    if (patch.authors !== undefined) {
      const slugs = authorsOf(patch.authors).map((a) => a.slug);
      if (slugs.length === 0) fail('authors: an article needs at least one author.', 'authors');
      const known = new Set((await k.selectFrom('authors').select('slug').where('slug', 'in', slugs).execute()).map((a) => a.slug));
      const unknown = slugs.find((slug) => !known.has(slug));
      if (unknown) fail(`authors: there is no author "${unknown}".`, 'authors');
    }
  }

  /** "Own": created by this person (or this API key), or bylined to an author linked to them. */
  async function isOwn(staff: Staff, row: { id: number; created_by_user: number | null; created_by_key: number | null }): Promise<boolean> {
    if (staff.via === 'key') return staff.keyId !== null && row.created_by_key === staff.keyId;
    if (staff.id !== null && row.created_by_user === staff.id) return true;
    if (staff.id === null) return false;
    const byline = await deps.db.kysely
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select('aa.author_id')
      .where('aa.article_id', '=', row.id)
      .where('au.user_id', '=', staff.id)
      .executeTakeFirst();
    return byline !== undefined;
  }

  return { toDoc, checkRawHtml, checkMedia, checkAltText, checkPlan, checkReferences, isOwn };
}
