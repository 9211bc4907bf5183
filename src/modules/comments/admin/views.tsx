/**
 * The moderation pages: the queues (tabs, one card per comment with its actions, and the author's
 * history and standing beside it) and a discussion's settings. Plain forms that post and come
 * back (POST-redirect-GET), so everything works without JavaScript; the keyboard script only
 * finds these forms (data-shortcut) and submits them. Preact escapes every value; the comment's
 * HTML is the sanitized HTML stored on write, shown as readers see it.
 */
import type { Staff } from '../../accounts/index.js';
import { Notices, type Notice } from '../../newsroom/notices.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { ReaderStanding } from '../moderation/types.js';
import type { StoryView } from '../stories.js';
import type { QueueCounts, QueueItem, QueuePage, Queue, ReaderHistory } from './queues.js';
import { utcTime } from './standing.js';

const TABS: { queue: Queue; label: string }[] = [
  { queue: 'pending', label: 'Pending' },
  { queue: 'reported', label: 'Reported' },
  { queue: 'rejected', label: 'Rejected' },
  { queue: 'approved', label: 'Approved' },
];

const EMPTY: Record<Queue, string> = {
  pending: 'No comments are waiting for approval.',
  reported: 'No reported comments are waiting.',
  rejected: 'No rejected comments.',
  approved: 'No approved comments yet.',
};

const STATUS_CLASS: Record<string, string> = { pending: 'status-review', approved: 'status-published', rejected: 'status-unpublished', deleted: '' };

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
/** A value for <input type="datetime-local">, in UTC like the rest of these pages. */
const localInput = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16));

export function standingText(standing: ReaderStanding): string {
  switch (standing.kind) {
    case 'good':
      return 'Good standing';
    case 'warned':
      return 'Warned';
    case 'suspended':
      return `Suspended until ${utcTime(standing.until)}`;
    case 'banned':
      return 'Banned';
  }
}

export interface QueueModel {
  page: QueuePage;
  counts: QueueCounts;
  /** This page's own address, where every form comes back to. */
  self: string;
  nextHref: string | null;
  /** Set when this is not the first page. */
  firstHref: string | null;
  notice: Notice;
  now: number;
}

export interface PageAssets {
  script: string;
  stylesheet: string;
}

const withStylesheet = (look: Look | null, href: string): Look | null => (look ? { ...look, stylesheets: [...look.stylesheets, href] } : null);

export function queuePage(look: Look | null, staff: Staff, model: QueueModel, assets: PageAssets): string {
  const { page, counts } = model;
  const countOf = (queue: Queue) => (queue === 'pending' ? counts.pending : queue === 'reported' ? counts.reported : null);
  return adminPage({
    look: withStylesheet(look, assets.stylesheet),
    staff,
    title: 'Comments',
    active: 'comments',
    wide: true,
    scripts: [assets.script],
    children: (
      <>
        <nav class="moderation-tabs" aria-label="Queues">
          <ul>
            {TABS.map(({ queue, label }) => {
              const count = countOf(queue);
              return (
                <li key={queue}>
                  <a href={`/admin/comments?queue=${queue}`} aria-current={queue === page.queue ? 'page' : undefined}>
                    {label}
                    {count !== null ? ` (${count})` : ''}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <Notices notice={model.notice} />
        <p class="moderation-keys">
          Keyboard: <kbd>j</kbd> next, <kbd>k</kbd> previous, <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>f</kbd> feature or unfeature.
        </p>
        {page.items.length === 0 ? (
          <p>{EMPTY[page.queue]}</p>
        ) : (
          <ol class="moderation-queue">
            {page.items.map((item, i) => {
              // After a decision that takes the comment out of this queue, the page comes back at the next one.
              const following = page.items[i + 1] ?? page.items[i - 1];
              return <QueueEntry key={item.id} item={item} reader={page.readers.get(item.author.id)} self={model.self} nextId={following?.id ?? null} now={model.now} />;
            })}
          </ol>
        )}
        <p class="moderation-pager">
          {model.firstHref ? <a href={model.firstHref}>First page</a> : null}
          {model.firstHref && model.nextHref ? ' · ' : null}
          {model.nextHref ? (
            <a href={model.nextHref} rel="next">
              Next page
            </a>
          ) : null}
        </p>
      </>
    ),
  });
}

function Hidden({ self, focus }: { self: string; focus: number | null }) {
  return (
    <>
      <input type="hidden" name="return" value={self} />
      {focus !== null ? <input type="hidden" name="focus" value={String(focus)} /> : null}
    </>
  );
}

function QueueEntry({ item, reader, self, nextId, now }: { item: QueueItem; reader: ReaderHistory | undefined; self: string; nextId: number | null; now: number }) {
  const action = (name: string) => `/admin/comments/${item.id}/${name}`;
  return (
    <li class="moderation-item" id={`c-${item.id}`} data-moderation-item tabIndex={-1}>
      <article class="moderation-comment" aria-labelledby={`c-${item.id}-head`}>
        <header id={`c-${item.id}-head`} class="moderation-head">
          <span class={`status-badge ${STATUS_CLASS[item.status] ?? ''}`}>{item.status}</span> {item.featured ? <span class="status-badge moderation-featured">featured</span> : null}{' '}
          <strong>{item.author.name}</strong> {item.parentId !== null ? 'replied' : 'commented'} on <a href={item.story.url}>{item.story.title}</a>{' '}
          <time dateTime={new Date(item.createdAt).toISOString()}>{when(item.createdAt)}</time>
          {item.editedAt !== null ? ' (edited)' : ''}
        </header>
        <div class="moderation-body" dangerouslySetInnerHTML={{ __html: item.html }} />
        {item.reasons.length > 0 ? (
          <div class="moderation-reasons">
            <h3>Moderation</h3>
            <ul>
              {item.reasons.map((r) => (
                <li>
                  {r.action === 'reject' ? 'Would reject' : 'Held'} ({r.phase}): {r.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {item.reports.length > 0 ? (
          <div class="moderation-reports">
            <h3>
              Reported {item.reportCount} {item.reportCount === 1 ? 'time' : 'times'}
            </h3>
            <ul>
              {item.reports.map((r) => (
                <li>
                  {r.reason}: {r.count}
                </li>
              ))}
            </ul>
            {item.reportDetails.length > 0 ? (
              <ul class="moderation-report-details">
                {item.reportDetails.map((detail) => (
                  <li>“{detail}”</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div class="moderation-actions">
          {item.status !== 'approved' && item.status !== 'deleted' ? (
            <form method="post" action={action('approve')} data-shortcut="approve" class="staff-inline">
              <Hidden self={self} focus={nextId} />
              <button type="submit">Approve</button>
            </form>
          ) : null}
          {item.status !== 'rejected' && item.status !== 'deleted' ? (
            <form method="post" action={action('reject')} data-shortcut="reject" class="staff-inline">
              <Hidden self={self} focus={nextId} />
              <label for={`note-${item.id}`}>Note</label>
              <input id={`note-${item.id}`} name="note" maxLength={1000} placeholder="Optional, for the audit log" />
              <button type="submit" class="danger">
                Reject
              </button>
            </form>
          ) : null}
          {item.status === 'approved' ? (
            <form method="post" action={action(item.featured ? 'unfeature' : 'feature')} data-shortcut="feature" class="staff-inline">
              <Hidden self={self} focus={item.id} />
              <button type="submit">{item.featured ? 'Unfeature' : 'Feature'}</button>
            </form>
          ) : null}
          {item.status === 'approved' ? <a href={`/comments/${item.id}`}>Permalink</a> : null}{' '}
          <a href={`/admin/comments/stories/${item.story.id}?return=${encodeURIComponent(self)}`}>
            Discussion settings ({item.story.open ? 'open' : 'closed'}
            {item.story.premoderated ? ', pre-moderated' : ''})
          </a>
        </div>
      </article>
      {reader ? <ReaderAside reader={reader} self={self} focus={item.id} now={now} commentId={item.id} /> : null}
    </li>
  );
}

function ReaderAside({ reader, self, focus, now, commentId }: { reader: ReaderHistory; self: string; focus: number; now: number; commentId: number }) {
  const field = (name: string) => `${name}-${commentId}`;
  const standing = reader.standing;
  return (
    <aside class="reader-history" aria-label={`History of ${reader.name}`}>
      <h3>{reader.name}</h3>
      <p class="reader-standing" data-standing={standing.kind}>
        {standingText(standing)}
        {'message' in standing && standing.message ? ` — “${standing.message}”` : ''}
      </p>
      <p class="reader-counts">
        {reader.approvedCount} approved · {reader.rejectedCount} rejected · {reader.pendingCount} pending
      </p>
      {reader.recent.length > 0 ? (
        <ol class="reader-recent">
          {reader.recent.map((c) => (
            <li>
              <span class={`status-badge ${STATUS_CLASS[c.status] ?? ''}`}>{c.status}</span> {c.excerpt} <small>— {c.storyTitle}, {when(c.createdAt)}</small>
            </li>
          ))}
        </ol>
      ) : null}
      <details class="reader-actions">
        <summary>Warn, suspend or ban {reader.name}</summary>
        <form method="post" action={`/admin/comments/readers/${reader.id}/standing`} class="admin-form">
          <Hidden self={self} focus={focus} />
          <p>
            <label for={field('kind')}>Standing</label>
            <select id={field('kind')} name="kind">
              <option value="warned">Warn</option>
              <option value="suspended">Suspend until…</option>
              <option value="banned">Ban</option>
              <option value="good">Restore good standing</option>
            </select>
          </p>
          <p>
            <label for={field('until')}>Suspended until (UTC)</label>
            <input id={field('until')} name="until" type="datetime-local" min={localInput(now)} />
          </p>
          <p>
            <label for={field('message')}>Message to the reader (emailed; needed for a warning)</label>
            <textarea id={field('message')} name="message" maxLength={1000} rows={3} />
          </p>
          <button type="submit">Save and tell the reader</button>
        </form>
      </details>
    </aside>
  );
}

export function storyPage(look: Look | null, staff: Staff, story: { view: StoryView; open: boolean }, back: string, notice: Notice, stylesheet: string): string {
  const { view } = story;
  return adminPage({
    look: withStylesheet(look, stylesheet),
    staff,
    title: 'Discussion settings',
    active: 'comments',
    children: (
      <>
        <p>
          <a href={view.url}>{view.title}</a> — {view.commentCount} published {view.commentCount === 1 ? 'comment' : 'comments'}.{' '}
          {view.open ? 'Taking comments now.' : (view.closedReason ?? 'Closed.')}
        </p>
        <form method="post" action={`/admin/comments/stories/${view.id}`} class="admin-form">
          <Notices notice={notice} />
          <input type="hidden" name="return" value={back} />
          <p class="admin-check">
            <input id="open" name="open" type="checkbox" value="on" checked={story.open} />
            <label for="open">Open for comments</label>
          </p>
          <p class="admin-check">
            <input id="premoderated" name="premoderated" type="checkbox" value="on" checked={view.premoderated} />
            <label for="premoderated">Pre-moderation: hold every new comment for a moderator</label>
          </p>
          <p>
            <label for="closesAt">Close automatically at (UTC; empty: never)</label>
            <input id="closesAt" name="closesAt" type="datetime-local" value={localInput(view.closesAt)} />
          </p>
          <button type="submit">Save</button>
        </form>
        <p>
          <a href={back}>Back to the queue</a>
        </p>
      </>
    ),
  });
}
