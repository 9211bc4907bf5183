/**
 * The public newsletter pages, in the site's layout with the reader pages' stylesheet. Pages an
 * emailed link opens only show a button: pressing it (a POST) acts, so mail scanners that fetch
 * every link confirm and unsubscribe nothing.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteContext } from '../../site/context.js';
import { Notice, Problem } from '../../site/views/form-messages.js';
import { Layout } from '../../site/views/layout.js';
import type { NewsletterList } from '../lists.js';
import type { SubscriptionView } from '../subscribers.js';

export interface Frame {
  ctx: SiteContext;
  stylesheet: string;
}

function page(frame: Frame, title: string, path: string, children: ComponentChildren): string {
  const node = (
    <Layout ctx={frame.ctx} bodyClass="page-account page-newsletter" meta={{ title, description: title, canonical: path, noindex: true, extra: <link rel="stylesheet" href={frame.stylesheet} /> }}>
      <section class="account-page newsletter-page">
        <h1>{title}</h1>
        {children}
      </section>
    </Layout>
  );
  return `<!doctype html>${renderToString(node)}`;
}

/** The answer to every accepted sign-up: the same words whatever the address's standing. */
export function checkInboxPage(frame: Frame): string {
  return page(
    frame,
    'Check your inbox',
    '/newsletter',
    <>
      <p class="account-lead">We have sent a message to the address you gave. Open the link in it to confirm your subscription; until then, we send you nothing else.</p>
      <p>No message? Look in your spam folder, or try again in a few minutes.</p>
    </>,
  );
}

/** A newsletter as a checkbox with its description (sign-up and the manage page). */
function ListChoice({ list, checked }: { list: NewsletterList; checked: boolean }) {
  return (
    <p>
      <label class="check">
        <input type="checkbox" name="lists" value={String(list.id)} checked={checked} />
        <span>
          <strong>{list.name}</strong>
          {list.description ? <span class="field-hint">{list.description}</span> : null}
        </span>
      </label>
    </p>
  );
}

/**
 * The sign-up page (also the answer to a sign-up that could not be accepted): the address and a
 * choice of the open lists, the briefing ticked unless the reader chose otherwise.
 */
export function signUpPage(frame: Frame, form: { lists: NewsletterList[]; chosen: number[]; email: string; problem?: string }): string {
  const chosen = form.chosen.length > 0 ? new Set(form.chosen) : new Set(form.lists.filter((l) => l.kind === 'briefing').map((l) => l.id));
  return page(
    frame,
    'Sign up for our newsletters',
    '/newsletter',
    <>
      <Problem message={form.problem} />
      <form class="account-form" method="post" action="/newsletter">
        <p>
          <label for="newsletter-email">Email address</label>
          <input id="newsletter-email" type="email" name="email" required autocomplete="email" maxLength={254} value={form.email} />
        </p>
        {form.lists.length > 1 ? (
          <fieldset>
            <legend>Which newsletters?</legend>
            <input type="hidden" name="choosing" value="1" />
            {form.lists.map((list) => (
              <ListChoice list={list} checked={chosen.has(list.id)} />
            ))}
          </fieldset>
        ) : null}
        <button class="button" type="submit">
          Sign up
        </button>
        <p class="consent">
          By signing up you agree to our <a href="/terms-of-use">Terms of Use</a> and <a href="/privacy-policy">Privacy Policy</a>.
        </p>
      </form>
    </>,
  );
}

export function confirmPage(frame: Frame, token: string): string {
  return page(
    frame,
    'Confirm your subscription',
    '/newsletter/confirm',
    <>
      <p class="account-lead">One more step: press the button to confirm that you want our newsletter at this address.</p>
      <form class="account-form" method="post" action="/newsletter/confirm">
        <input type="hidden" name="token" value={token} />
        <button class="button" type="submit">
          Confirm my subscription
        </button>
      </form>
    </>,
  );
}

export function linkGonePage(frame: Frame, message: string): string {
  return page(
    frame,
    'This link no longer works',
    '/newsletter/confirm',
    <>
      <p>{message}</p>
      <p>Confirmation links work once, for 24 hours. You can sign up again with the form at the foot of any page.</p>
      <p>
        <a class="button" href="/">
          Go to the front page
        </a>
      </p>
    </>,
  );
}

export function confirmedPage(frame: Frame, lists: NewsletterList[], manage: string): string {
  return page(
    frame,
    'You are subscribed',
    '/newsletter/confirm',
    <>
      <p class="account-lead">Thank you. You will receive: {lists.map((l) => l.name).join(', ') || 'nothing new'}.</p>
      <p>
        Every newsletter has a link to change your choice or unsubscribe. <a href={manage}>Choose your newsletters</a>
      </p>
    </>,
  );
}

export function unsubscribePage(frame: Frame, action: string, list: NewsletterList | null): string {
  return page(
    frame,
    'Unsubscribe',
    '/newsletter/unsubscribe',
    <>
      <p class="account-lead">{list ? `Press the button to stop receiving “${list.name}”.` : 'Press the button to stop receiving all our newsletters.'}</p>
      <form class="account-form" method="post" action={action}>
        <button class="button" type="submit">
          Unsubscribe
        </button>
      </form>
    </>,
  );
}

export function unsubscribedPage(frame: Frame, list: NewsletterList | null, manage: string): string {
  return page(
    frame,
    'You are unsubscribed',
    '/newsletter/unsubscribe',
    <>
      <p class="account-lead">{list ? `You will no longer receive “${list.name}”.` : 'You will no longer receive our newsletters.'}</p>
      <p>
        Changed your mind? <a href={manage}>Choose your newsletters</a>
      </p>
    </>,
  );
}

export function managePage(frame: Frame, action: string, email: string, subscriptions: SubscriptionView[], message: { notice?: string; problem?: string } = {}): string {
  return page(
    frame,
    'Your newsletters',
    '/newsletters/manage',
    <>
      <Notice message={message.notice} />
      <Problem message={message.problem} />
      <p class="account-lead">Newsletters for {email}. Tick the ones you want; untick to unsubscribe.</p>
      <form class="account-form" method="post" action={action}>
        <fieldset>
          <legend>Newsletters</legend>
          {subscriptions.map(({ list, status }) => (
            <ListChoice list={list} checked={status === 'active'} />
          ))}
        </fieldset>
        <button class="button" type="submit">
          Save my choice
        </button>
      </form>
    </>,
  );
}
