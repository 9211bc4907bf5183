/**
 * The pages an emailed link opens. They only show a button: pressing it (a POST) uses the link,
 * so mail scanners that open every link cannot spend it for the reader.
 */
import { minPasswordLength } from '../../passwords.js';
import { accountDocument, Problem, type Frame } from './frame.js';

export interface ConfirmText {
  title: string;
  lead: string;
  button: string;
  /** Where the button posts. */
  action: string;
}

export function confirmLinkPage(frame: Frame, text: ConfirmText, token: string): string {
  return accountDocument(frame, {
    title: text.title,
    path: text.action,
    children: (
      <>
        <p class="account-lead">{text.lead}</p>
        <form class="account-form" method="post" action={text.action}>
          <input type="hidden" name="token" value={token} />
          <button class="button" type="submit">
            {text.button}
          </button>
        </form>
      </>
    ),
  });
}

const AGAIN: Record<'sign-up' | 'sign-in' | 'reset', { href: string; label: string }> = {
  'sign-up': { href: '/account/sign-up', label: 'Sign up again' },
  'sign-in': { href: '/account/sign-in', label: 'Ask for a new sign-in link' },
  reset: { href: '/account/reset', label: 'Ask for a new reset link' },
};

export function linkGonePage(frame: Frame, purpose: 'sign-up' | 'sign-in' | 'reset'): string {
  const again = AGAIN[purpose];
  return accountDocument(frame, {
    title: 'This link no longer works',
    path: again.href,
    children: (
      <>
        <p>Links we email work only once and only for a short time. This one has been used already or has expired.</p>
        <p>
          <a class="button" href={again.href}>
            {again.label}
          </a>
        </p>
      </>
    ),
  });
}

export function accountExistsPage(frame: Frame): string {
  return accountDocument(frame, {
    title: 'You already have an account',
    path: '/account/sign-in',
    children: (
      <>
        <p>There is already an account with this email address, so no new one was made.</p>
        <p>
          <a class="button" href="/account/sign-in">
            Sign in
          </a>
        </p>
      </>
    ),
  });
}

export function newPasswordPage(frame: Frame, token: string, problem: string | null = null): string {
  return accountDocument(frame, {
    title: 'Choose a new password',
    path: '/account/reset/confirm',
    children: (
      <>
        <p class="account-lead">Setting a new password signs you out on every other device.</p>
        <Problem message={problem} />
        <form class="account-form" method="post" action="/account/reset/confirm">
          <input type="hidden" name="token" value={token} />
          <p>
            <label for="password">New password</label>
            <input id="password" type="password" name="password" required minLength={minPasswordLength} maxLength={256} autocomplete="new-password" aria-describedby="password-hint" />
            <span class="field-hint" id="password-hint">
              At least {minPasswordLength} characters.
            </span>
          </p>
          <button class="button" type="submit">
            Set password and sign in
          </button>
        </form>
      </>
    ),
  });
}
