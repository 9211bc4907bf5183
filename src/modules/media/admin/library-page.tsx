/**
 * /admin/media: the library as a grid of thumbnails with their texts, a search box, an upload
 * form and an edit form per image. Everything works without JavaScript; a small script only
 * lets an editor set the focal point by clicking on the picture.
 */
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { Staff } from '../../accounts/index.js';
import type { MediaRecord } from '../library.js';

export interface LibraryView {
  look: Look | null;
  staff: Staff;
  items: MediaRecord[];
  q: string;
  nextCursor: string | null;
  /** Ids this person may edit and delete. */
  editable: Set<number>;
  maxMb: number;
  script: string;
  problem?: string;
  notice?: string;
}

function EditForm({ item }: { item: MediaRecord }) {
  const id = `m${item.id}`;
  return (
    <details class="media-edit">
      <summary>Edit</summary>
      <form class="admin-form media-focal" method="post" action={`/admin/media/${item.id}`}>
        <p>
          <label for={`${id}-alt`}>Alt text</label>
          <textarea id={`${id}-alt`} name="alt" maxLength={1000} rows={2}>
            {item.alt}
          </textarea>
        </p>
        <p>
          <label for={`${id}-caption`}>Caption</label>
          <textarea id={`${id}-caption`} name="caption" maxLength={1000} rows={2}>
            {item.caption}
          </textarea>
        </p>
        <p>
          <label for={`${id}-credit`}>Credit</label>
          <input id={`${id}-credit`} name="credit" maxLength={300} value={item.credit} />
        </p>
        <fieldset class="media-focal-fields">
          <legend>Focal point (kept in view when the image is cropped)</legend>
          <div class="media-focal-picker">
            <img src={item.thumbnailUrl} alt="" width={320} height={Math.round((320 * item.height) / item.width)} data-focal-picker="" />
            <span class="media-focal-marker" aria-hidden="true" />
          </div>
          <label for={`${id}-fx`}>Across (0 left – 1 right)</label>
          <input id={`${id}-fx`} name="focalX" type="number" min={0} max={1} step={0.01} value={item.focal.x.toFixed(2)} data-focal="x" />
          <label for={`${id}-fy`}>Down (0 top – 1 bottom)</label>
          <input id={`${id}-fy`} name="focalY" type="number" min={0} max={1} step={0.01} value={item.focal.y.toFixed(2)} data-focal="y" />
        </fieldset>
        <button type="submit">Save</button>
      </form>
      <form method="post" action={`/admin/media/${item.id}/delete`} class="media-delete">
        <button type="submit" class="button-danger">
          Delete image
        </button>
      </form>
    </details>
  );
}

export function libraryPage(view: LibraryView): string {
  return adminPage({
    look: view.look,
    staff: view.staff,
    title: 'Media',
    active: 'media',
    wide: true,
    scripts: [view.script],
    children: (
      <>
        {view.problem ? (
          <p class="form-problem" role="alert">
            {view.problem}
          </p>
        ) : null}
        {view.notice ? (
          <p class="media-notice" role="status">
            {view.notice}
          </p>
        ) : null}
        <form class="admin-form media-upload" method="post" action="/admin/media" enctype="multipart/form-data">
          <h2>Upload an image</h2>
          <p>
            <label for="upload-alt">Alt text (describe the picture for people who cannot see it; needed before publishing)</label>
            <input id="upload-alt" name="alt" maxLength={1000} />
          </p>
          <p>
            <label for="upload-caption">Caption</label>
            <input id="upload-caption" name="caption" maxLength={1000} />
          </p>
          <p>
            <label for="upload-credit">Credit</label>
            <input id="upload-credit" name="credit" maxLength={300} />
          </p>
          <p>
            <label for="upload-file">
              Image (JPEG, PNG, WebP, AVIF or GIF, at most {view.maxMb} MB; SVG is not accepted)
            </label>
            <input id="upload-file" name="file" type="file" required accept="image/jpeg,image/png,image/webp,image/avif,image/gif" />
          </p>
          <button type="submit">Upload</button>
        </form>

        <form class="media-search" method="get" action="/admin/media" role="search">
          <label for="media-q">Search captions, credits, alt text and file names</label>
          <input id="media-q" name="q" type="search" maxLength={200} value={view.q} />
          <button type="submit">Search</button>
        </form>

        {view.items.length === 0 ? <p>{view.q ? 'No images match.' : 'No images yet.'}</p> : null}
        <ul class="media-grid">
          {view.items.map((item) => (
            <li class="media-item" key={item.id} id={`media-${item.id}`}>
              <img src={item.thumbnailUrl} alt={item.alt} width={320} height={Math.round((320 * item.height) / item.width)} loading="lazy" />
              {item.needsAlt ? <span class="media-badge">Needs alt text</span> : null}
              <p class="media-caption">{item.caption || item.filename}</p>
              <p class="media-meta">
                {item.credit ? <span>{item.credit} · </span> : null}
                {item.width}×{item.height} · #{item.id}
              </p>
              {view.editable.has(item.id) ? <EditForm item={item} /> : null}
            </li>
          ))}
        </ul>
        {view.nextCursor ? (
          <p>
            <a href={`/admin/media?${new URLSearchParams({ ...(view.q ? { q: view.q } : {}), cursor: view.nextCursor }).toString()}`}>More images</a>
          </p>
        ) : null}
      </>
    ),
  });
}
