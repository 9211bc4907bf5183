/**
 * The staff pages: sign-in, first-admin setup, dashboard and short messages. Server-rendered by
 * Preact (every value escaped), no scripts, and the public site's stylesheet when it is known.
 * Forms carry no CSRF token: the server's same-origin check guards every POST (src/http/server.ts).
 */
import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Staff } from './session.js';

/** What the pages borrow from the publication; null when it could not be read (the page still works). */
export interface Look {
  siteName: string;
  lang: string;
  stylesheet: string;
}

export interface FormState {
  message?: string;
  values?: Record<string, string>;
}

function render(node: JSX.Element): string {
  return `<!doctype html>${renderToString(node)}`;
}

function Page({ look, title, children }: { look: Look | null; title: string; children: ComponentChildren }) {
  const fullTitle = look ? `${title} | ${look.siteName}` : title;
  return (
    <html lang={look?.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{fullTitle}</title>
        {look ? <link rel="stylesheet" href={look.stylesheet} /> : null}
      </head>
      <body class="admin">
        <main id="main" class="admin-main">
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

function Problem({ message }: { message: string | undefined }) {
  return message ? (
    <p class="form-problem" role="alert">
      {message}
    </p>
  ) : null;
}

export function messagePage(look: Look | null, title: string, message: string): string {
  return render(
    <Page look={look} title={title}>
      <p>{message}</p>
      <p>
        <a href="/admin">Back to the newsroom</a>
      </p>
    </Page>,
  );
}

export function signInPage(look: Look | null, returnTo: string, state: FormState = {}): string {
  return render(
    <Page look={look} title="Sign in">
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
    </Page>,
  );
}

export function setupPage(look: Look | null, state: FormState = {}): string {
  return render(
    <Page look={look} title="Create the first administrator">
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
    </Page>,
  );
}

export function dashboardPage(look: Look | null, staff: Staff, counts: ReadonlyArray<{ status: string; count: number }>): string {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return render(
    <Page look={look} title="Newsroom">
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
                <td>{row.status}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/admin/sign-out">
        <button type="submit">Sign out</button>
      </form>
    </Page>,
  );
}
