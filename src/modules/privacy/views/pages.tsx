/** The privacy pages: Do Not Sell or Share, data export errors, and the account deletion steps. */
import type { PrivacyFrame } from './frame.js';
import { Notice, privacyDocument, Problem } from './frame.js';

export const HONORED = 'Opt-out request honored';

export interface DoNotSellView {
  /** The publication's own "Do Not Sell or Share" page text (rendered HTML), when it has one. */
  bodyHtml: string | null;
  optedOut: boolean;
  gpc: boolean;
  signedIn: boolean;
  notice?: string | null;
}

export function doNotSellPage(frame: PrivacyFrame, view: DoNotSellView): string {
  return privacyDocument(frame, {
    title: 'Do Not Sell or Share My Personal Information',
    path: '/do-not-sell',
    indexable: true,
    // It stands in for the publication's static page of the same name, and looks like one.
    className: 'static-page',
    children: (
      <>
        <Notice message={view.notice} />
        {view.optedOut ? (
          <p class="privacy-status" role="status">
            {HONORED}
          </p>
        ) : null}
        {view.bodyHtml ? (
          <div class="story-body" dangerouslySetInnerHTML={{ __html: view.bodyHtml }} />
        ) : (
          <p>You can tell us not to sell or share your personal information, including for advertising that follows you from site to site.</p>
        )}
        <h2>Your choice</h2>
        {view.optedOut ? (
          <>
            <p>
              You are opted out{view.signedIn ? ' on this browser and on your account' : ' on this browser'}
              {view.gpc ? ', and your browser sends the Global Privacy Control signal' : ''}.
            </p>
            {view.gpc ? (
              <p class="opt-in-gpc">Your browser's Global Privacy Control signal wins: while it is sent, you stay opted out whatever you choose here.</p>
            ) : (
              <form method="post" action="/do-not-sell">
                <input type="hidden" name="choice" value="in" />
                <button class="button button-secondary" type="submit">
                  Opt back in
                </button>
              </form>
            )}
          </>
        ) : (
          <form method="post" action="/do-not-sell">
            <input type="hidden" name="choice" value="out" />
            <p>
              {view.signedIn ? (
                'One click: remembered on this browser and on your account, so it follows you to other devices.'
              ) : (
                <>
                  One click: remembered on this browser. <a href="/account/sign-in?return=%2Fdo-not-sell">Sign in</a> first to keep it on your account too.
                </>
              )}
            </p>
            <button class="button" type="submit">
              Do not sell or share my personal information
            </button>
          </form>
        )}
      </>
    ),
  });
}

/** A short page saying what went wrong (bad consent choice, an export that is gone …). */
export function messagePage(frame: PrivacyFrame, page: { title: string; path: string; message: string; link?: { href: string; text: string } }): string {
  return privacyDocument(frame, {
    title: page.title,
    path: page.path,
    children: (
      <>
        <Problem message={page.message} />
        {page.link ? (
          <p>
            <a href={page.link.href}>{page.link.text}</a>
          </p>
        ) : null}
      </>
    ),
  });
}

export interface DeleteView {
  email: string;
  hasPassword: boolean;
  comments: 'anonymise' | 'remove';
  problem?: string | null;
  notice?: string | null;
}

export function deletePage(frame: PrivacyFrame, view: DeleteView): string {
  return privacyDocument(frame, {
    title: 'Delete your account',
    path: '/account/data/delete',
    children: (
      <>
        <Problem message={view.problem} />
        <Notice message={view.notice} />
        <p>Deleting your account cannot be undone. When you confirm:</p>
        <ul>
          <li>your account, email address, display name, sign-up consents and email choices are deleted, and you are signed out everywhere;</li>
          <li>{view.comments === 'remove' ? 'your comments are removed (where others replied, a "[deleted]" placeholder keeps the thread readable);' : 'your comments stay, shown as written by a "Former reader"; your likes and reports are taken off;'}</li>
          <li>records of payments are kept without your name or address, for as long as tax law requires;</li>
          <li>a last email confirms it to {view.email}; we do not keep that message once it is delivered.</li>
        </ul>
        <p>
          Want a copy first? <a href="/account#your-data">Download your data</a> before you go.
        </p>
        {view.hasPassword ? (
          <form method="post" action="/account/data/delete">
            <p>
              <label for="current">Your password</label>
              <input id="current" type="password" name="password" required maxLength={1024} autocomplete="current-password" />
            </p>
            <button class="button" type="submit">
              Delete my account
            </button>
          </form>
        ) : (
          <form method="post" action="/account/data/delete/link">
            <p>You sign in with emailed links, so we confirm by email: we send a link to {view.email}; opening it and pressing its button deletes the account.</p>
            <button class="button" type="submit">
              Email me a confirmation link
            </button>
          </form>
        )}
      </>
    ),
  });
}

export function deleteLinkPage(frame: PrivacyFrame, view: { token: string; usable: boolean }): string {
  return privacyDocument(frame, {
    title: 'Delete your account',
    path: '/account/data/delete/confirm',
    children: view.usable ? (
      <form method="post" action="/account/data/delete/confirm">
        <input type="hidden" name="token" value={view.token} />
        <p class="privacy-warning">Pressing the button deletes your account and your personal data. It cannot be undone.</p>
        <button class="button" type="submit">
          Delete my account
        </button>
      </form>
    ) : (
      <Problem message="This link has been used already, has expired, or is not complete. Ask for a new one on your account page." />
    ),
  });
}

export function deletedPage(frame: PrivacyFrame): string {
  return privacyDocument(frame, {
    title: 'Your account is deleted',
    path: '/account/data/deleted',
    children: <p>Your account and the personal data kept with it are deleted, and you are signed out. Thank you for reading.</p>,
  });
}
