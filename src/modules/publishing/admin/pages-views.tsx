/** The page editor's extras: the version history on the edit form, and one version's text with a restore button. */
import type { Staff } from '../../accounts/index.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { PageRecord, PageVersion, PageVersionSummary } from '../pages.js';
import type { RenderedPart } from '../render-body.js';

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export function VersionHistory({ page, versions }: { page: PageRecord; versions: PageVersionSummary[] }) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Version history</h2>
      <p>
        This is version {page.version}. Every save keeps the text it replaced; readers who accept the page are recorded with its version number.
      </p>
      <table class="staff-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                {v.version}
                {v.version === page.version ? ' (current)' : ''}
              </td>
              <td>{v.title}</td>
              <td>{when(v.savedAt)}</td>
              <td>{v.savedBy || '—'}</td>
              <td>
                <a href={`/admin/pages/${page.id}/versions/${v.version}`}>View version {v.version}</a>
                {v.version === page.version ? null : (
                  <form method="post" action={`/admin/pages/${page.id}/versions/${v.version}/restore`} class="staff-inline">
                    <button type="submit">Restore version {v.version}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function versionPage(look: Look | null, staff: Staff, page: PageRecord, version: PageVersion, rendered: RenderedPart[]): string {
  return adminPage({
    look,
    staff,
    title: `${page.title}: version ${version.version}`,
    active: 'pages',
    wide: true,
    children: (
      <>
        <p>
          <a href={`/admin/pages/${page.id}`}>← Back to the page</a>
        </p>
        <p>
          Saved {when(version.savedAt)}
          {version.savedBy ? ` by ${version.savedBy}` : ''}, at /{version.slug}.{version.version === page.version ? ' This is the current version.' : ''}
        </p>
        {version.version === page.version ? null : (
          <form method="post" action={`/admin/pages/${page.id}/versions/${version.version}/restore`} class="admin-form">
            <p>
              <button type="submit">Restore version {version.version}</button>
            </p>
          </form>
        )}
        <h2>{version.title}</h2>
        {/* Rendered by the publishing renderer from the closed block schema: safe HTML by construction. */}
        <div class="story-body page-version-body" dangerouslySetInnerHTML={{ __html: rendered.map((p) => p.html).join('\n') }} />
        <details>
          <summary>Block JSON</summary>
          <pre class="page-version-json">{JSON.stringify(version.body, null, 2)}</pre>
        </details>
      </>
    ),
  });
}
