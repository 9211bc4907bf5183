/**
 * /admin/newsletters: the lists (create, rename, describe, archive) with subscriber counts, the
 * daily briefing's preview and send button, and the latest sends with their progress.
 */
import type { Staff } from '../../accounts/index.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { Briefing } from '../briefing.js';
import { withFooter } from './newsletter-email.js';
import { MAX_MESSAGE_CHARS } from '../compose.js';
import type { ListWithCounts, NewsletterList } from '../lists.js';
import type { SendSummary } from '../sending.js';

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export interface ListsView {
  lists: ListWithCounts[];
  sends: SendSummary[];
  briefingHour: number | null;
  timeZone: string;
  notice?: string | null;
  problem?: string | null;
  /** What was typed into the new-list form, given back with a problem. */
  values?: { name: string; description: string; kind: string };
}

function Messages({ notice, problem }: { notice?: string | null | undefined; problem?: string | null | undefined }) {
  return (
    <>
      {notice ? (
        <p class="form-done" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

export function listsPage(look: Look | null, staff: Staff, view: ListsView): string {
  return adminPage({
    look,
    staff,
    title: 'Newsletters',
    active: 'newsletters',
    wide: true,
    children: (
      <>
        <Messages notice={view.notice} problem={view.problem} />
        <h2>Daily briefing</h2>
        <p>
          {view.briefingHour === null
            ? 'Sent by hand only (no sending hour is set in the settings).'
            : `Sent automatically every day at ${String(view.briefingHour).padStart(2, '0')}:00 (${view.timeZone}) with the articles published that day.`}{' '}
          <a href="/admin/newsletters/briefing">Preview and send today's briefing</a>
        </p>
        <h2>Lists</h2>
        <table class="staff-table">
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Kind</th>
              <th scope="col">Subscribers</th>
              <th scope="col">Awaiting confirmation</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {view.lists.map((list) => (
              <tr key={list.id}>
                <td>
                  <strong>{list.name}</strong> {list.archived ? <span class="status-badge">archived</span> : null}
                  <br />
                  <span class="field-hint">{list.description}</span>
                </td>
                <td>{list.kind === 'briefing' ? 'Daily briefing' : 'Sent by hand'}</td>
                <td>{list.subscribers}</td>
                <td>{list.pending}</td>
                <td>
                  <form class="staff-inline" method="post" action={`/admin/newsletters/${list.id}`}>
                    <label class="visually-hidden" for={`list-${list.id}-name`}>
                      Name
                    </label>
                    <input id={`list-${list.id}-name`} name="name" value={list.name} required maxLength={120} />
                    <label class="visually-hidden" for={`list-${list.id}-description`}>
                      Description
                    </label>
                    <input id={`list-${list.id}-description`} name="description" value={list.description} maxLength={500} />
                    <button type="submit">Save</button>
                  </form>
                  {list.kind === 'manual' && !list.archived ? (
                    <a class="staff-inline" href={`/admin/newsletters/${list.id}/compose`}>
                      Write to this list
                    </a>
                  ) : null}
                  <form class="staff-inline" method="post" action={`/admin/newsletters/${list.id}/${list.archived ? 'restore' : 'archive'}`}>
                    <button type="submit">{list.archived ? 'Restore' : 'Archive'}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>New list</h2>
        <form class="admin-form" method="post" action="/admin/newsletters">
          <p>
            <label for="new-list-name">Name</label>
            <input id="new-list-name" name="name" required maxLength={120} value={view.values?.name ?? ''} />
          </p>
          <p>
            <label for="new-list-description">Description (shown to readers choosing their newsletters)</label>
            <input id="new-list-description" name="description" maxLength={500} value={view.values?.description ?? ''} />
          </p>
          <p>
            <label for="new-list-kind">Kind</label>
            <select id="new-list-kind" name="kind">
              <option value="manual" selected={view.values?.kind !== 'briefing'}>
                Sent by hand (breaking news, specials)
              </option>
              <option value="briefing" selected={view.values?.kind === 'briefing'}>
                Daily briefing
              </option>
            </select>
          </p>
          <button type="submit">Create list</button>
        </form>
        <h2>Latest sends</h2>
        {view.sends.length === 0 ? (
          <p>Nothing sent yet.</p>
        ) : (
          <table class="staff-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">List</th>
                <th scope="col">Subject</th>
                <th scope="col">Progress</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {view.sends.map((s) => (
                <tr key={s.id}>
                  <td>{when(s.createdAt)}</td>
                  <td>{s.listName}</td>
                  <td>{s.subject}</td>
                  <td>
                    {s.sent} of {s.recipients} {s.status === 'sent' ? '(done)' : '(sending)'}
                  </td>
                  <td>{s.startedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  });
}

export function briefingPage(look: Look | null, staff: Staff, briefing: Briefing, message: { notice?: string | null; problem?: string | null } = {}): string {
  return adminPage({
    look,
    staff,
    title: `Daily briefing: ${briefing.dateLabel}`,
    active: 'newsletters',
    wide: true,
    children: (
      <>
        <Messages notice={message.notice} problem={message.problem} />
        <p>
          <a href="/admin/newsletters">Back to newsletters</a>
        </p>
        {briefing.items.length === 0 ? (
          <p>No articles have been published today yet, so there is nothing to send.</p>
        ) : (
          <form class="admin-form" method="post" action="/admin/newsletters/briefing/send">
            <input type="hidden" name="day" value={briefing.day} />
            <button type="submit">
              Send this briefing now to the Daily briefing list ({briefing.items.length} {briefing.items.length === 1 ? 'article' : 'articles'})
            </button>
          </form>
        )}
        <h2>Subject</h2>
        <p>{briefing.subject}</p>
        <h2>HTML</h2>
        {/* Mail HTML needs inline styles, which this page's CSP refuses: it is framed from a page of its own. */}
        <iframe class="newsletter-preview" title="The briefing as HTML email" src="/admin/newsletters/briefing/preview.html" sandbox="" width="100%" height="600" />
        <h2>Text</h2>
        <pre class="newsletter-preview-text">{briefing.text}</pre>
      </>
    ),
  });
}

/** The briefing's HTML email as a recipient sees it (footer links are placeholders), for the preview frame. */
export function briefingEmailPreview(briefing: Briefing): string {
  return withFooter(briefing, { listName: 'Daily briefing', manage: '#manage', unsubscribe: '#unsubscribe' }).html;
}

export function composePage(look: Look | null, staff: Staff, list: NewsletterList, form: { subject: string; message: string; problem?: string | null }): string {
  return adminPage({
    look,
    staff,
    title: `Write to “${list.name}”`,
    active: 'newsletters',
    children: (
      <>
        <Messages problem={form.problem} />
        <p>
          <a href="/admin/newsletters">Back to newsletters</a>
        </p>
        <p>The message goes to every confirmed subscriber of this list, in batches, each with their own unsubscribe link.</p>
        <form class="admin-form" method="post" action={`/admin/newsletters/${list.id}/send`}>
          <p>
            <label for="compose-subject">Subject</label>
            <input id="compose-subject" name="subject" required maxLength={200} value={form.subject} />
          </p>
          <p>
            <label for="compose-message">Message (plain text; a blank line starts a new paragraph)</label>
            <textarea id="compose-message" name="message" required rows={14} maxLength={MAX_MESSAGE_CHARS}>
              {form.message}
            </textarea>
          </p>
          <button type="submit">Send to the list now</button>
        </form>
      </>
    ),
  });
}
