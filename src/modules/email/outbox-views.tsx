/** The admin outbox: what the publication sent (or, without SMTP, would have sent), newest first. */
import type { Staff } from '../accounts/index.js';
import { adminPage, type Look } from '../newsroom/shell.js';
import type { OutboxMessage } from './types.js';

const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');

const STATUS: Record<OutboxMessage['status'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  kept: 'In the outbox (no SMTP server set)',
  failed: 'Failed',
};

export function outboxPage(look: Look | null, staff: Staff, messages: OutboxMessage[], filter: { to: string }, olderHref: string | null, smtp: boolean): string {
  return adminPage({
    look,
    staff,
    title: 'Outbox',
    active: 'outbox',
    wide: true,
    children: (
      <>
        <p class="field-hint">
          {smtp
            ? 'Messages go out over SMTP from the job queue, retried with backoff. Bodies are erased once a message is sent.'
            : 'No SMTP server is set (SMTP_URL), so messages stay here: this outbox is their delivery. Set SMTP_URL to send them.'}
        </p>
        <form method="get" action="/admin/outbox" class="staff-filter">
          <label for="to">Recipient</label> <input id="to" name="to" type="email" value={filter.to} /> <button type="submit">Filter</button>
        </form>
        {messages.length === 0 ? (
          <p>No messages.</p>
        ) : (
          <table class="staff-table">
            <thead>
              <tr>
                <th>When</th>
                <th>To</th>
                <th>Subject</th>
                <th>Kind</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <time dateTime={new Date(m.createdAt).toISOString()}>{when(m.createdAt)}</time>
                  </td>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{m.category}</td>
                  <td>
                    {STATUS[m.status]}
                    {m.lastError ? ` (${m.attempts} tries; last: ${m.lastError})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {olderHref ? (
          <p>
            <a href={olderHref} rel="next">
              Older messages
            </a>
          </p>
        ) : null}
      </>
    ),
  });
}

export function messagePage(look: Look | null, staff: Staff, m: OutboxMessage): string {
  return adminPage({
    look,
    staff,
    title: m.subject,
    active: 'outbox',
    wide: true,
    children: (
      <>
        <p>
          <a href="/admin/outbox">Back to the outbox</a>
        </p>
        <dl class="message-meta">
          <dt>To</dt>
          <dd>{m.to}</dd>
          <dt>Kind</dt>
          <dd>{m.category}</dd>
          <dt>Written</dt>
          <dd>{when(m.createdAt)}</dd>
          <dt>Status</dt>
          <dd>
            {STATUS[m.status]}
            {m.sentAt ? `, ${when(m.sentAt)}` : ''}
            {m.lastError ? ` (${m.attempts} tries; last error: ${m.lastError})` : ''}
          </dd>
          {Object.entries(m.headers).map(([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </>
          ))}
        </dl>
        {m.status === 'sent' ? (
          <p>The body was erased after delivery.</p>
        ) : (
          // Shown as text, never as HTML: a message body is not trusted markup inside the admin.
          <pre class="message-text">{m.text}</pre>
        )}
      </>
    ),
  });
}
