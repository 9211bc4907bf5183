/**
 * The pages of the embed, each a whole small document with no site chrome: the discussion in the
 * frame (the same section as under articles), a refusal the host page may show, the frame's
 * sign-in page for browsers without JavaScript, and the end of the sign-in popup. Rendered by
 * Preact, so every value is escaped; no inline script or style (the site's CSP forbids both).
 */
import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteContext } from '../site/context.js';
import type { CommentsClient } from './client-assets.js';
import type { SectionData } from './service.js';
import { CommentsSection } from './views/section.js';

/** What every embed page links: the site's stylesheet (colours, type), the comments' and the embed's own, and the frame script. */
export interface EmbedAssets {
  siteCss: string;
  commentsCss: string;
  embedCss: string;
  frameScript: string;
}

/** Keeps the frame's own look small: no masthead, no margins the host page did not ask for. */
export const EMBED_CSS = `
body.comments-embed { margin: 0; padding: .25rem .75rem .75rem; background: var(--paper); }
.comments-embed main.embed-main { max-width: 46rem; margin: 0 auto; padding: 0; }
.comments-embed .comments { margin-top: 0; }
.comments-embed .comments > h2 { padding-top: .75rem; }
.embed-message { margin: .75rem 0; font: .9375rem/1.45 var(--sans); color: var(--muted); }
.embed-page h1 { margin: .75rem 0 .5rem; font: 700 1.25rem/1.3 var(--sans); }
.embed-page p { font: .9375rem/1.5 var(--sans); }
.embed-actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
.comments-signin .embed-reader { font: .875rem/1.4 var(--sans); color: var(--muted); }
.comments-embed .button-link { padding: 0; border: 0; background: none; color: var(--link); font: inherit; text-decoration: underline; cursor: pointer; }
`;

function Document({ assets, title, body, client, children }: { assets: EmbedAssets; title: string; body: Record<string, string>; client?: CommentsClient | null; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={assets.siteCss} />
        <link rel="stylesheet" href={assets.commentsCss} />
        <link rel="stylesheet" href={assets.embedCss} />
        {client ? <link rel="stylesheet" href={client.stylesheet} /> : null}
      </head>
      <body class="comments-embed" {...body}>
        <main class="embed-main" id="embed">
          {children}
        </main>
        <script src={assets.frameScript} />
        {client ? <script type="module" src={client.script} /> : null}
      </body>
    </html>
  );
}

const page = (node: JSX.Element) => `<!doctype html>${renderToString(node)}`;

/** The discussion in the frame, with the comments browser script when it is built (after the frame script, which lends it the reader's token). */
export function embedPage(ctx: SiteContext, assets: EmbedAssets, data: SectionData, signInPath: string, client: CommentsClient | null): string {
  const title = data.page.story.title ? `Comments: ${data.page.story.title}` : 'Comments';
  return page(
    <Document assets={assets} title={title} body={{ 'data-embed': 'frame', 'data-client': client ? '1' : '0' }} client={client}>
      <CommentsSection ctx={ctx} data={data} signInPath={signInPath} />
    </Document>,
  );
}

/** Shown in the host page's frame instead of comments: one quiet sentence. */
export function refusalPage(assets: EmbedAssets, message: string): string {
  return page(
    <Document assets={assets} title="Comments unavailable" body={{ 'data-embed': 'refused' }}>
      <p class="embed-message" role="status">
        {message}
      </p>
    </Document>,
  );
}

/**
 * "Sign in to comment" inside the frame when no script took the click. The session cookie never
 * reaches a frame under another site, so signing in happens in a window of our own.
 */
export function frameSignInPage(assets: EmbedAssets, back: string, signInUrl: string): string {
  return page(
    <Document assets={assets} title="Sign in to comment" body={{ 'data-embed': 'sign-in' }}>
      <section class="embed-page">
        <h1>Sign in to comment</h1>
        <p>Signing in opens in a new window. Comments in this box need JavaScript to know you have signed in.</p>
        <p class="embed-actions">
          <a class="button" href={signInUrl} target="_blank" data-embed-sign-in="">
            Sign in
          </a>
          <a href={back}>Back to the comments</a>
        </p>
      </section>
    </Document>,
  );
}

/**
 * The end of the sign-in popup. With a token (signed in), the frame script hands it to the frame
 * that opened this window and closes it; opened any other way, it says what to do next.
 */
export function signedInPage(assets: EmbedAssets, reader: { name: string; token: string; expiresAt: number }): string {
  return page(
    <Document assets={assets} title="Signed in" body={{ 'data-embed': 'handoff', 'data-token': reader.token, 'data-name': reader.name, 'data-expires': String(reader.expiresAt) }}>
      <section class="embed-page">
        <h1>You are signed in</h1>
        <p>
          Signed in as <strong>{reader.name}</strong>. Go back to the page you were reading and press “Sign in to comment” again if the comments did not notice.
        </p>
        <p class="embed-message">This window can be closed.</p>
      </section>
    </Document>,
  );
}
