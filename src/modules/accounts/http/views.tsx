/**
 * The staff pages: sign-in, first-admin setup, dashboard and short messages. Server-rendered by
 * Preact (every value escaped) inside the newsroom shell, with no scripts.
 * Forms carry no CSRF token: the server's same-origin check guards every POST (src/http/server.ts).
 */
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { Staff } from './session.js';

export type { Look };

export interface FormState {
  message?: string;
  values?: Record<string, string>;
}

function Problem({ message }: { message: string | undefined }) {
  return message ? (
    <p class="form-problem" role="alert">
      {message}
    </p>
  ) : null;
}

export function messagePage(look: Look | null, title: string, message: string): string {
  return adminPage({
    look,
    staff: null,
    title: title,
    children: (
      <>
      <p>{message}</p>
      <p>
        <a href="/admin">Back to the newsroom</a>
      </p>
      </>
    ),
  });
}

export function signInPage(look: Look | null, returnTo: string, state: FormState = {}): string {
  return adminPage({
    look,
    staff: null,
    title: "Sign in",
    children: (
      <>
      <Problem message={state.message} />
      <form class="admin-form" method="post" action="/admin/sign-in">
        <input type="hidden" name="return" value={returnTo} />
        <p>
          <label for="email">Email</label>
          <input id="email" type="email" name="email" required maxLength={320} autocomplete="username" value={state.values?.email ?? ''} />
        </p>
        <p>
          <label for="password">Password</label>
          <input id="password" type="password" name="password" required maxLength={1024} autocomplete="current-password" />
        </p>
        <button type="submit">Sign in</button>
      </form>
      </>
    ),
  });
}

export function setupPage(look: Look | null, state: FormState = {}): string {
  return adminPage({
    look,
    staff: null,
    title: "Create the first administrator",
    children: (
      <>
      <p>There is no administrator yet. The account you create here can do everything, including adding the rest of the newsroom.</p>
      <Problem message={state.message} />
      <form class="admin-form" method="post" action="/admin/setup">
        <p>
          <label for="name">Name</label>
          <input id="name" type="text" name="name" required maxLength={200} autocomplete="name" value={state.values?.name ?? ''} />
        </p>
        <p>
          <label for="email">Email</label>
          <input id="email" type="email" name="email" required maxLength={320} autocomplete="username" value={state.values?.email ?? ''} />
        </p>
        <p>
          <label for="password">Password (at least 12 characters)</label>
          <input id="password" type="password" name="password" required minLength={12} maxLength={1024} autocomplete="new-password" />
        </p>
        <button type="submit">Create and sign in</button>
      </form>
      </>
    ),
  });
}

export function dashboardPage(look: Look | null, staff: Staff, counts: ReadonlyArray<{ status: string; count: number }>): string {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return adminPage({
    look,
    staff,
    active: 'dashboard',
    title: 'Newsroom',
    children: (
      <>
      <p>
        Signed in as <strong>{staff.name || staff.email}</strong> ({staff.role}).
      </p>
      <h2>Articles</h2>
      {total === 0 ? (
        <p>No articles yet.</p>
      ) : (
        <table class="admin-counts">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Articles</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.status}>
                <td>
                  <a href={`/admin/articles?status=${encodeURIComponent(row.status)}`}>{row.status}</a>
                </td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      </>
    ),
  });
}
