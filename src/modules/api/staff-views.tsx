/**
 * Admin pages for settings, users, API keys and the audit log: plain server-rendered forms and
 * tables inside the newsroom shell (every value escaped by Preact, no scripts needed).
 */
import type { ApiKeyInfo, Staff, User } from '../accounts/index.js';
import { roles, staffRoles } from '../accounts/index.js';
import type { AuditEntry } from '../audit/index.js';
import { Notices, type Notice } from '../newsroom/notices.js';
import { adminPage, type Look } from '../newsroom/shell.js';
import { Field } from './form-fields.js';

const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');

export function usersPage(look: Look | null, staff: Staff, users: User[], filter: string, notice: Notice = {}, shownPassword?: { email: string; password: string }): string {
  return adminPage({
    look,
    staff,
    title: 'Users',
    active: 'users',
    wide: true,
    children: (
      <>
        <Notices notice={notice} />
        {shownPassword ? (
          <p class="shown-once" role="status">
            New password for {shownPassword.email}: <code>{shownPassword.password}</code> — copy it now, it will not be shown again.
          </p>
        ) : null}
        <form method="get" action="/admin/users" class="staff-filter">
          <label for="role-filter">Role</label>{' '}
          <select id="role-filter" name="role">
            <option value="">All</option>
            {roles.map((r) => (
              <option value={r} selected={r === filter}>
                {r}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Filter</button>
        </form>
        <table class="staff-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr id={`user-${u.id}`}>
                <td>{u.name || '—'}</td>
                <td>{u.email}</td>
                <td>
                  <form method="post" action={`/admin/users/${u.id}/role`} class="staff-inline">
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      Role of {u.email}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {roles.map((r) => (
                        <option value={r} selected={r === u.role}>
                          {r}
                        </option>
                      ))}
                    </select>{' '}
                    <button type="submit">Change</button>
                  </form>
                </td>
                <td>{u.disabledAt === null ? 'active' : `disabled ${when(u.disabledAt)}`}</td>
                <td class="staff-actions">
                  {u.disabledAt === null ? (
                    // Disabling and deleting first ask (a GET to the confirm page); enabling just acts.
                    <form method="get" action={`/admin/users/${u.id}/disable`} class="staff-inline">
                      <button type="submit">Disable…</button>
                    </form>
                  ) : (
                    <form method="post" action={`/admin/users/${u.id}/enable`} class="staff-inline">
                      <button type="submit">Enable</button>
                    </form>
                  )}
                  <form method="post" action={`/admin/users/${u.id}/password`} class="staff-inline">
                    <button type="submit">Reset password</button>
                  </form>
                  {u.id !== staff.id ? (
                    <form method="get" action={`/admin/users/${u.id}/delete`} class="staff-inline">
                      <button type="submit" class="danger">
                        Delete…
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Add a staff member</h2>
        <form method="post" action="/admin/users" class="admin-form">
          <Field name="name" label="Name" value="" />
          <Field name="email" label="Email" value="" type="email" />
          <p>
            <label for="role">Role</label>
            <select id="role" name="role">
              {staffRoles.map((r) => (
                <option value={r} selected={r === 'contributor'}>
                  {r}
                </option>
              ))}
            </select>
          </p>
          <Field name="password" label="Password" value="" type="password" hint="Leave empty to generate one, shown once." />
          <p>
            <button type="submit">Create account</button>
          </p>
        </form>
      </>
    ),
  });
}

export function keysPage(look: Look | null, staff: Staff, keys: ApiKeyInfo[], notice: Notice = {}, shownKey?: { name: string; key: string }): string {
  return adminPage({
    look,
    staff,
    title: 'API keys',
    active: 'keys',
    wide: true,
    children: (
      <>
        <Notices notice={notice} />
        {shownKey ? (
          <p class="shown-once" role="status">
            The key “{shownKey.name}”: <code>{shownKey.key}</code> — store it now, it will not be shown again.
          </p>
        ) : null}
        <table class="staff-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Prefix</th>
              <th>Role</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Revoked</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr id={`key-${k.id}`}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.role}</td>
                <td>{when(k.createdAt)}</td>
                <td>{when(k.lastUsedAt)}</td>
                <td>{when(k.revokedAt)}</td>
                <td>
                  {k.revokedAt === null ? (
                    <form method="get" action={`/admin/keys/${k.id}/revoke`} class="staff-inline">
                      <button type="submit" class="danger">
                        Revoke…
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Create a key</h2>
        <form method="post" action="/admin/keys" class="admin-form">
          <Field name="name" label="Name" value="" hint="Who or what will use it, such as “Mobile app”." />
          <p>
            <label for="role">Role</label>
            <select id="role" name="role">
              {staffRoles.map((r) => (
                <option value={r} selected={r === 'contributor'}>
                  {r}
                </option>
              ))}
            </select>
          </p>
          <p>
            <button type="submit">Create key</button>
          </p>
        </form>
      </>
    ),
  });
}

export interface Confirmation {
  /** The page title, such as “Revoke an API key”. */
  title: string;
  /** What is about to happen, as a question naming the record. */
  question: string;
  /** What follows from it, said plainly. */
  consequence: string;
  /** Where the confirming form posts (the action's own address). */
  action: string;
  button: string;
  /** Where Cancel leads (back to the list, nothing changed). */
  cancel: string;
  active: 'users' | 'keys';
}

/**
 * The step before an action that cannot be taken back: the list's button leads here (a GET that
 * changes nothing); only this form's POST, carrying confirm=yes, acts. Works without scripts.
 */
export function confirmPage(look: Look | null, staff: Staff, c: Confirmation, notice: Notice = {}): string {
  return adminPage({
    look,
    staff,
    title: c.title,
    active: c.active,
    children: (
      <>
        <Notices notice={notice} />
        <p class="staff-confirm">
          <strong>{c.question}</strong> {c.consequence}
        </p>
        <form method="post" action={c.action} class="admin-form">
          <input type="hidden" name="confirm" value="yes" />
          <p>
            <button type="submit" class="danger">
              {c.button}
            </button>{' '}
            <a href={c.cancel}>Cancel</a>
          </p>
        </form>
      </>
    ),
  });
}

/** Admin pages that exist for a kind of record, so audit entries can link to them. */
function subjectLink(entry: AuditEntry): string | null {
  const id = entry.subjectId;
  switch (entry.subjectType) {
    case 'article':
      return id ? `/admin/articles/${encodeURIComponent(id)}` : '/admin/articles';
    case 'user':
      return id ? `/admin/users#user-${encodeURIComponent(id)}` : '/admin/users';
    case 'key':
      return id ? `/admin/keys#key-${encodeURIComponent(id)}` : '/admin/keys';
    case 'settings':
      return '/admin/settings';
    case 'webhook':
      return '/admin/webhooks';
    case 'media':
      return '/admin/media';
    default:
      return null;
  }
}

export function auditPage(look: Look | null, staff: Staff, entries: AuditEntry[], filter: Record<string, string>, olderHref: string | null): string {
  return adminPage({
    look,
    staff,
    title: 'Audit log',
    active: 'audit',
    wide: true,
    children: (
      <>
        <form method="get" action="/admin/audit" class="staff-filter">
          <label for="subjectType">Subject type</label> <input id="subjectType" name="subjectType" value={filter.subjectType ?? ''} />{' '}
          <label for="subjectId">Subject id</label> <input id="subjectId" name="subjectId" value={filter.subjectId ?? ''} />{' '}
          <label for="actor">Actor (user id)</label> <input id="actor" name="actor" value={filter.actor ?? ''} inputMode="numeric" />{' '}
          <button type="submit">Filter</button>
        </form>
        {entries.length === 0 ? (
          <p>No entries.</p>
        ) : (
          <table class="staff-table audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Subject</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const href = subjectLink(e);
                const label = `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ''}`;
                return (
                  <tr>
                    <td>
                      <time dateTime={new Date(e.at).toISOString()}>{when(e.at)}</time>
                    </td>
                    <td>{e.actor.label}</td>
                    <td>{e.action}</td>
                    <td>{href ? <a href={href}>{label}</a> : label}</td>
                    <td>
                      <code>{JSON.stringify(e.detail)}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {olderHref ? (
          <p>
            <a href={olderHref} rel="next">
              Older entries
            </a>
          </p>
        ) : null}
      </>
    ),
  });
}
