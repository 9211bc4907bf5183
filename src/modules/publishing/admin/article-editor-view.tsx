/**
 * The article editor page (/admin/articles/:id). Everything is server-rendered — the metadata
 * form, the toolbar with its accessible names, the workflow buttons this role may use, the media
 * picker dialog — and the bundled script (src/client/editor) brings it to life. Its data rides in
 * a JSON script element whose `<` are escaped, so no article text can end the element.
 */
import type { Staff } from '../../accounts/index.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { ArticleView } from '../types.js';
import type { Choice } from './article-list-view.js';
import { StatusBadge } from './article-list-view.js';
import { scriptJson, type EditorData } from './editor-data.js';

export interface EditorPageInput {
  look: Look | null;
  staff: Staff;
  article: ArticleView;
  data: EditorData;
  sections: Choice[];
  authors: Choice[];
  /** The bundle's fingerprinted URL, or null when it has not been built. */
  script: string | null;
  /** Formats an ISO time in the publication's zone. */
  when: (iso: string) => string;
}

const TOOLS: { cmd: string; label: string; editorsOnly?: boolean }[] = [
  { cmd: 'paragraph', label: 'Text' },
  { cmd: 'h2', label: 'Heading' },
  { cmd: 'h3', label: 'Subheading' },
  { cmd: 'bold', label: 'Bold' },
  { cmd: 'italic', label: 'Italic' },
  { cmd: 'link', label: 'Link' },
  { cmd: 'bulletList', label: 'Bulleted list' },
  { cmd: 'orderedList', label: 'Numbered list' },
  { cmd: 'blockquote', label: 'Quote' },
  { cmd: 'pullQuote', label: 'Pull quote' },
  { cmd: 'hardBreak', label: 'Line break' },
  { cmd: 'image', label: 'Image' },
  { cmd: 'embed', label: 'Embed' },
  { cmd: 'rawHtml', label: 'Raw HTML', editorsOnly: true },
  { cmd: 'undo', label: 'Undo' },
  { cmd: 'redo', label: 'Redo' },
];

function Text({ name, label, value, hint, max, multiline }: { name: string; label: string; value: string | null; hint?: string; max: number; multiline?: boolean }) {
  const id = `meta-${name}`;
  return (
    <p>
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea id={id} name={name} rows={3} maxLength={max} aria-describedby={hint ? `${id}-hint` : undefined}>
          {value ?? ''}
        </textarea>
      ) : (
        <input id={id} name={name} type="text" value={value ?? ''} maxLength={max} aria-describedby={hint ? `${id}-hint` : undefined} />
      )}
      {hint ? (
        <span class="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </p>
  );
}

function When({ name, label, iso, hint }: { name: string; label: string; iso: string | null; hint: string }) {
  const id = `meta-${name}`;
  return (
    <p>
      <label for={id}>{label}</label>
      <input id={id} name={name} type="datetime-local" data-iso={iso ?? ''} aria-describedby={`${id}-hint`} />
      <span class="field-hint" id={`${id}-hint`}>
        {hint}
      </span>
    </p>
  );
}

function AuthorRow({ authors, slug, role }: { authors: Choice[]; slug: string; role: string }) {
  return (
    <li class="author-row">
      <select name="authorSlug">
        <option value="">Choose an author</option>
        {authors.map((a) => (
          <option key={a.slug} value={a.slug} selected={a.slug === slug}>
            {a.name}
          </option>
        ))}
      </select>
      <input type="text" name="authorRole" value={role} maxLength={100} placeholder="Role, e.g. Reporting by" />
      <span class="author-row-buttons">
        <button type="button" data-act="up" class="small-button">
          Up
        </button>
        <button type="button" data-act="down" class="small-button">
          Down
        </button>
        <button type="button" data-act="remove" class="small-button">
          Remove
        </button>
      </span>
    </li>
  );
}

function Workflow({ article, data }: { article: ArticleView; data: EditorData }) {
  return (
    <section id="workflow" class="editor-panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Status</h2>
      <p>
        <span id="article-status">
          <StatusBadge status={article.status} />
        </span>{' '}
        <a id="article-live" href={article.url ?? '/'} hidden={!article.url}>
          View on the site
        </a>
      </p>
      <p id="working-copy-note" class="working-copy-note" role="status" hidden={article.status !== 'published' || !data.workingCopy}>
        {data.workingCopy ? `Unpublished changes, saved ${data.workingCopy.savedAt} by ${data.workingCopy.savedBy}. Readers see the published version until you press Update.` : ''}
      </p>
      <p class="workflow-buttons">
        <button type="button" id="wf-save" data-wf="save">
          Save draft
        </button>
        <button type="button" id="wf-submit" data-wf="submit" class="secondary-button">
          Submit for review
        </button>
        {data.can.publish ? (
          <>
            <button type="button" id="wf-update" data-wf="update" hidden={article.status !== 'published'}>
              Update
            </button>
            <button type="button" id="wf-discard" data-wf="discard" class="secondary-button" hidden={article.status !== 'published' || !data.workingCopy}>
              Discard changes
            </button>
            <button type="button" id="wf-publish" data-wf="publish" class="secondary-button">
              Publish now
            </button>
            <button type="button" id="wf-unpublish" data-wf="unpublish" class="secondary-button">
              Unpublish
            </button>
            <button type="button" id="wf-unschedule" data-wf="unschedule" class="secondary-button">
              Cancel schedule
            </button>
          </>
        ) : null}
      </p>
      {data.can.publish ? (
        <div id="wf-schedule" class="schedule-row">
          <label for="wf-publish-at">Publish at</label>
          <input id="wf-publish-at" type="datetime-local" data-iso={article.publishAt ?? ''} />
          <button type="button" data-wf="schedule" class="secondary-button">
            Schedule
          </button>
        </div>
      ) : (
        <p class="field-hint">An editor publishes it after you submit it for review.</p>
      )}
    </section>
  );
}

function MediaDialog() {
  return (
    <dialog id="media-picker" class="media-dialog" aria-labelledby="media-picker-title">
      <h2 id="media-picker-title">Choose an image</h2>
      <form id="media-upload" class="admin-form media-dialog-upload" enctype="multipart/form-data">
        <h3>Upload a new image</h3>
        <p>
          <label for="upload-file">Image file (JPEG, PNG, WebP, AVIF or GIF)</label>
          <input id="upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required />
        </p>
        <p>
          <label for="upload-alt">Alt text</label>
          <input id="upload-alt" name="alt" type="text" maxLength={1000} aria-describedby="upload-alt-hint" />
          <span class="field-hint" id="upload-alt-hint">
            What the image shows, for people who cannot see it. Required before publishing.
          </span>
        </p>
        <p>
          <label for="upload-caption">Caption</label>
          <input id="upload-caption" name="caption" type="text" maxLength={1000} />
        </p>
        <p>
          <label for="upload-credit">Credit</label>
          <input id="upload-credit" name="credit" type="text" maxLength={300} />
        </p>
        <p>
          <button type="submit">Upload and use this image</button> <span id="media-upload-status" role="status" />
        </p>
      </form>
      <form id="media-search" class="media-dialog-search" role="search">
        <label for="media-q">Search the library</label>
        <input id="media-q" type="search" maxLength={200} />
        <button type="submit" class="secondary-button">
          Search
        </button>
      </form>
      <p id="media-list-status" role="status" />
      <ul id="media-results" class="media-pick-grid" />
      <p>
        <button type="button" id="media-more" class="secondary-button" hidden>
          Show more images
        </button>{' '}
        <button type="button" id="media-close" class="secondary-button">
          Cancel
        </button>
      </p>
    </dialog>
  );
}

export function editorPage(input: EditorPageInput): string {
  const { article, data } = input;
  const lockedByOther = data.lock !== null && data.lock.userId !== input.staff.id;
  const authorRows = article.authors.length ? article.authors : [{ slug: '', name: '', role: null }];
  return adminPage({
    look: input.look,
    staff: input.staff,
    title: 'Edit article',
    active: 'articles',
    wide: true,
    scripts: input.script ? [input.script] : [],
    children: (
      <>
        <script type="application/json" id="editor-data" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />
        <div id="lock-banner" class="lock-banner" role="alert" hidden={!lockedByOther}>
          <p id="lock-text">{lockedByOther ? `${data.lock?.name ?? 'Someone'} is editing this article. You can read it, but your changes would not be saved until you take over.` : ''}</p>
          <button type="button" id="lock-take-over">
            Take over
          </button>
        </div>
        {input.script ? null : (
          <p class="form-problem" role="alert">
            The editor's script has not been built, so the article cannot be edited here yet. Run <code>npm run build</code> (or{' '}
            <code>node scripts/build-client.mjs</code>) and reload this page.
          </p>
        )}
        <p class="editor-topline">
          <span id="save-status" class="save-status" role="status" aria-live="polite">
            No changes yet.
          </span>
          <span id="word-count" class="word-count">
            {article.wordCount} words · {article.readingMinutes === 0 ? 'no' : article.readingMinutes} min read
          </span>
        </p>
        <p id="editor-notice" class="editor-notice" role="status" aria-live="polite" />
        <form id="article-meta" class="admin-form" method="post" action={`/admin/articles/${article.id}`}>
          <fieldset id="meta-fields" class="editor-fieldset">
            <legend class="visually-hidden">Article</legend>
            <div class="editor-layout">
              <div class="editor-main">
                <Text name="headline" label="Headline" value={article.headline} max={300} />
                <Text name="standfirst" label="Standfirst" value={article.standfirst} max={1000} multiline hint="One or two sentences under the headline that say what the story is." />
                <div id="editor-shell" class="editor-shell">
                  <p id="editor-label" class="editor-label">
                    Story
                  </p>
                  <div id="editor-toolbar" class="editor-toolbar" role="toolbar" aria-label="Formatting" aria-controls="editor">
                    {TOOLS.filter((t) => !t.editorsOnly || data.can.rawHtml).map((t) => (
                      <button key={t.cmd} type="button" data-cmd={t.cmd} class="tool">
                        {t.label}
                      </button>
                    ))}
                  </div>
                  <div id="editor" class="editor-mount">
                    <p>{input.script ? 'Loading the editor…' : 'The editor is not available.'}</p>
                  </div>
                </div>
              </div>
              <div class="editor-side">
                <Workflow article={article} data={data} />
                <section class="editor-panel" aria-labelledby="details-title">
                  <h2 id="details-title">Details</h2>
                  <Text name="slug" label="Slug (the end of the web address)" value={article.slug} max={120} hint="Lower-case letters, digits and hyphens. Changing it keeps the old address working." />
                  <p>
                    <label for="meta-section">Section</label>
                    <select id="meta-section" name="section">
                      {input.sections.map((s) => (
                        <option key={s.slug} value={s.slug} selected={s.slug === article.section.slug}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </p>
                  <Text name="tags" label="Tags" value={article.tags.join(', ')} max={2000} hint="Separate tags with commas." />
                  <div class="authors-field">
                    <p class="field-label" id="authors-label">
                      Authors, in byline order
                    </p>
                    <ol id="author-rows" class="author-rows" aria-labelledby="authors-label">
                      {authorRows.map((a, i) => (
                        <AuthorRow key={`${a.slug}-${i}`} authors={input.authors} slug={a.slug} role={a.role ?? ''} />
                      ))}
                    </ol>
                    <template id="author-row-template">
                      <AuthorRow authors={input.authors} slug="" role="" />
                    </template>
                    <button type="button" id="author-add" class="secondary-button">
                      Add an author
                    </button>
                  </div>
                  <Text name="dateline" label="Dateline" value={article.dateline} max={100} hint="Where the story was reported, e.g. LISBON." />
                  <div class="hero-field">
                    <p class="field-label">Hero image</p>
                    <input type="hidden" id="meta-hero" name="heroImage" value={article.heroImage ? String(article.heroImage) : ''} />
                    <div id="hero-preview" class="hero-preview" aria-live="polite" />
                    <p>
                      <button type="button" id="hero-choose" class="secondary-button">
                        Choose hero image
                      </button>{' '}
                      <button type="button" id="hero-remove" class="secondary-button" hidden={!article.heroImage}>
                        Remove hero image
                      </button>
                    </p>
                  </div>
                </section>
                <details class="editor-panel">
                  <summary>Search and social</summary>
                  <Text name="seoTitle" label="Search title" value={article.seoTitle} max={300} hint="Shown by search engines; the headline when empty." />
                  <Text name="seoDescription" label="Search description" value={article.seoDescription} max={500} multiline />
                  <Text name="socialTitle" label="Social title" value={article.socialTitle} max={300} hint="Shown when the article is shared; the headline when empty." />
                  <Text name="socialDescription" label="Social description" value={article.socialDescription} max={500} multiline />
                </details>
                <details class="editor-panel">
                  <summary>Embargo and unpublishing</summary>
                  <When name="embargoUntil" label="Embargoed until" iso={article.embargoUntil} hint="The article cannot be published before this time." />
                  <When name="unpublishAt" label="Take off the site at" iso={article.unpublishAt} hint="Leave empty to keep it published." />
                </details>
              </div>
            </div>
          </fieldset>
        </form>
        <div class="editor-after">
          <section class="editor-panel" aria-labelledby="preview-title">
            <h2 id="preview-title">Preview</h2>
            <p>
              <button type="button" id="preview-make" class="secondary-button">
                Make a preview link
              </button>
            </p>
            <p id="preview-out" role="status" />
          </section>
          {data.can.correct ? (
            <section class="editor-panel" aria-labelledby="notes-title">
              <h2 id="notes-title">Corrections and updates</h2>
              <ul id="note-list" class="note-list">
                {article.notes.map((n) => (
                  <li key={n.id}>
                    <strong>{n.kind}: </strong>
                    {n.body} <span class="field-hint">{input.when(n.at)}</span>
                  </li>
                ))}
              </ul>
              <form id="note-form" class="admin-form">
                <p>
                  <label for="note-kind">Kind</label>
                  <select id="note-kind" name="kind">
                    <option value="correction">Correction</option>
                    <option value="clarification">Clarification</option>
                    <option value="update">Update</option>
                  </select>
                </p>
                <p>
                  <label for="note-body">Note shown on the article</label>
                  <textarea id="note-body" name="body" rows={3} maxLength={2000} />
                </p>
                <p>
                  <button type="submit" class="secondary-button">
                    Add note
                  </button>{' '}
                  <span id="note-status" role="status" />
                </p>
              </form>
            </section>
          ) : null}
          <details id="revisions" class="editor-panel">
            <summary>Revision history</summary>
            <p id="revision-status" role="status" />
            <ol id="revision-list" class="revision-list" />
            <div id="revision-view" class="revision-view" aria-live="polite" />
          </details>
        </div>
        <MediaDialog />
      </>
    ),
  });
}
