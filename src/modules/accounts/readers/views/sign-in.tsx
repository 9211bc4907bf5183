/** Sign up, sign in (password or emailed link), ask for a password reset, and "check your email". */
import { MAX_NAME_LENGTH } from '../display-name.js';
import { PRIVACY_PATH, TERMS_PATH } from '../consent.js';
import { minPasswordLength } from '../../passwords.js';
import { accountDocument, Problem, ReturnField, withReturn, type Frame, type FormState } from './frame.js';

export function signUpPage(frame: Frame, returnTo: string, state: FormState = {}): string {
  const v = state.values ?? {};
  return accountDocument(frame, {
    title: 'Create your account',
    path: '/account/sign-up',
    children: (
      <>
        <p class="account-lead">An account lets you join the discussion under our stories.</p>
        <Problem message={state.problem} />
        <form class="account-form" method="post" action="/account/sign-up">
          <ReturnField to={returnTo} />
          <p>
            <label for="name">Display name</label>
            <input id="name" type="text" name="name" required maxLength={MAX_NAME_LENGTH} autocomplete="nickname" value={v.name ?? ''} aria-describedby="name-hint" />
            <span class="field-hint" id="name-hint">
              Shown beside your comments. Your email address never is.
            </span>
          </p>
          <p>
            <label for="email">Email address</label>
            <input id="email" type="email" name="email" required maxLength={254} autocomplete="email" value={v.email ?? ''} />
          </p>
          <p>
            <label for="password">Password (optional)</label>
            <input id="password" type="password" name="password" minLength={minPasswordLength} maxLength={256} autocomplete="new-password" aria-describedby="password-hint" />
            <span class="field-hint" id="password-hint">
              At least {minPasswordLength} characters. Leave it empty to sign in with a link we email you each time.
            </span>
          </p>
          <button class="button" type="submit">
            Sign up
          </button>
          <p class="consent">
            By signing up you agree to our <a href={TERMS_PATH}>Terms of Use</a> and <a href={PRIVACY_PATH}>Privacy Policy</a>.
          </p>
        </form>
        <p>
          Already have an account? <a href={withReturn('/account/sign-in', returnTo)}>Sign in</a>
        </p>
      </>
    ),
  });
}

export interface SignInState extends FormState {
  /** A problem with the "email me a link" form rather than the password form. */
  linkProblem?: string | null;
}

export function signInPage(frame: Frame, returnTo: string, state: SignInState = {}): string {
  const email = state.values?.email ?? '';
  return accountDocument(frame, {
    title: 'Sign in',
    path: '/account/sign-in',
    children: (
      <>
        <Problem message={state.problem} />
        <form class="account-form" method="post" action="/account/sign-in">
          <ReturnField to={returnTo} />
          <p>
            <label for="email">Email address</label>
            <input id="email" type="email" name="email" required maxLength={254} autocomplete="username" value={email} />
          </p>
          <p>
            <label for="password">Password</label>
            <input id="password" type="password" name="password" required maxLength={1024} autocomplete="current-password" />
          </p>
          <button class="button" type="submit">
            Sign in
          </button>
        </form>
        <p class="account-or">or, without a password</p>
        <Problem message={state.linkProblem} />
        <form class="account-form" method="post" action="/account/sign-in/link">
          <ReturnField to={returnTo} />
          <p>
            <label for="link-email">Email address</label>
            <input id="link-email" type="email" name="email" required maxLength={254} autocomplete="email" value={email} />
          </p>
          <button class="button button-secondary" type="submit">
            Email me a sign-in link
          </button>
        </form>
        <ul class="account-links">
          <li>
            New here? <a href={withReturn('/account/sign-up', returnTo)}>Create an account</a>
          </li>
          <li>
            <a href="/account/reset">Forgot your password?</a>
          </li>
        </ul>
      </>
    ),
  });
}

export function resetRequestPage(frame: Frame, state: FormState = {}): string {
  return accountDocument(frame, {
    title: 'Reset your password',
    path: '/account/reset',
    children: (
      <>
        <p class="account-lead">Tell us the address you signed up with and we will email you a link to choose a new password.</p>
        <Problem message={state.problem} />
        <form class="account-form" method="post" action="/account/reset">
          <p>
            <label for="email">Email address</label>
            <input id="email" type="email" name="email" required maxLength={254} autocomplete="email" value={state.values?.email ?? ''} />
          </p>
          <button class="button" type="submit">
            Email me a link
          </button>
        </form>
        <p>
          <a href="/account/sign-in">Back to sign in</a>
        </p>
      </>
    ),
  });
}

export type SentKind = 'sign-up' | 'sign-in' | 'reset';

const SENT: Record<SentKind, (email: string) => string> = {
  'sign-up': (email) => `We sent a message to ${email}. Open the link in it to confirm your address and finish signing up. The link works for 24 hours.`,
  'sign-in': (email) => `If ${email} has an account here, a sign-in link is on its way to it. The link works once, for 15 minutes.`,
  reset: (email) => `If ${email} has an account here, a link to choose a new password is on its way to it. The link works once, for 15 minutes.`,
};

/**
 * The one answer to a sign-up, link or reset request, whether or not the address has an
 * account: it echoes only what the reader typed, so the page cannot tell the two apart.
 */
export function checkEmailPage(frame: Frame, kind: SentKind, email: string): string {
  return accountDocument(frame, {
    title: 'Check your email',
    path: '/account/sign-in',
    children: (
      <>
        <p>{SENT[kind](email)}</p>
        <p class="account-lead">Nothing arrived after a few minutes? Look in your spam folder, or try again with the address you signed up with.</p>
      </>
    ),
  });
}
