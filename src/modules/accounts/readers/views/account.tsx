/**
 * /account: who the reader is, their email choices, password and sign-out, and — once the
 * comments module supplies them — their comments with the replies they received.
 */
import { Time } from '../../../site/views/components.js';
import { minPasswordLength } from '../../passwords.js';
import type { User } from '../../service.js';
import type { Consent } from '../consent.js';
import { MAX_NAME_LENGTH } from '../display-name.js';
import type { NotificationPreferences } from '../preferences.js';
import { accountDocument, Notice, Problem, type Frame } from './frame.js';

/** A reply someone wrote to one of the reader's comments. */
export interface AccountReply {
  author: string;
  text: string;
  postedAt: number;
  permalink: string;
}

/** One of the reader's comments, as the comments module will hand it to this page. */
export interface AccountComment {
  storyTitle: string;
  permalink: string;
  text: string;
  postedAt: number;
  replies: AccountReply[];
}

/** A section another module adds to /account (newsletters, reader support): a sentence and one action. */
export interface AccountPanel {
  id: string;
  heading: string;
  text: string;
  action: { label: string; href: string; method: 'get' | 'post' };
}

export type AccountPanelSource = (user: User) => Promise<AccountPanel | null>;

export type AccountForm = 'name' | 'notifications' | 'password';

export interface AccountView {
  user: User;
  hasPassword: boolean;
  preferences: NotificationPreferences;
  consents: Consent[];
  comments: readonly AccountComment[];
  panels: readonly AccountPanel[];
  notice?: string | null;
  /** A refused form: which one, why, and the value typed (not for passwords). */
  problem?: { form: AccountForm; message: string; value?: string } | null;
}

export function accountPage(frame: Frame, view: AccountView): string {
  const { user, problem } = view;
  const problemFor = (form: AccountForm) => (problem?.form === form ? problem.message : null);
  const consent = view.consents.at(-1);
  return accountDocument(frame, {
    title: 'Your account',
    path: '/account',
    children: (
      <>
        <Notice message={view.notice} />
        <dl class="account-facts">
          <dt>Display name</dt>
          <dd>{user.name || '(none yet)'}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          {consent ? (
            <>
              <dt>Agreed to</dt>
              <dd>
                <a href="/terms-of-use">Terms of Use</a>
                {consent.terms !== null ? ` (version ${consent.terms})` : ''} and <a href="/privacy-policy">Privacy Policy</a>
                {consent.privacy !== null ? ` (version ${consent.privacy})` : ''} on <Time ctx={frame.ctx} ms={consent.consentedAt} withTime={false} />
              </dd>
            </>
          ) : null}
        </dl>

        {/* Your comments and replies: filled in by the comments module; until then an empty list. */}
        <section class="account-section account-activity" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Your comments and replies</h2>
          <Activity frame={frame} comments={view.comments} />
        </section>

        <section class="account-section" aria-labelledby="name-heading">
          <h2 id="name-heading">Display name</h2>
          {user.role === 'reader' ? (
            <>
              <Problem message={problemFor('name')} />
              <form class="account-form" method="post" action="/account/name">
                <p>
                  <label for="name">Display name</label>
                  <input id="name" type="text" name="name" required maxLength={MAX_NAME_LENGTH} autocomplete="nickname" value={problem?.form === 'name' ? (problem.value ?? '') : user.name} />
                </p>
                <button class="button" type="submit">
                  Save name
                </button>
              </form>
            </>
          ) : (
            <p>Your name is managed in the newsroom.</p>
          )}
        </section>

        <section class="account-section" aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">Email notifications</h2>
          <Problem message={problemFor('notifications')} />
          <form class="account-form" method="post" action="/account/notifications">
            <input type="hidden" name="sent" value="1" />
            <p>
              <label class="check">
                <input type="checkbox" name="replies" value="on" checked={view.preferences.replyEmails} /> Email me when someone replies to my comment
              </label>
            </p>
            <p>
              <label class="check">
                <input type="checkbox" name="featured" value="on" checked={view.preferences.featuredEmails} /> Email me when my comment is featured
              </label>
            </p>
            <button class="button" type="submit">
              Save choices
            </button>
          </form>
        </section>

        <section class="account-section" aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <Problem message={problemFor('password')} />
          {view.hasPassword ? (
            <form class="account-form" method="post" action="/account/password">
              <p>
                <label for="current">Current password</label>
                <input id="current" type="password" name="current" required maxLength={1024} autocomplete="current-password" />
              </p>
              <p>
                <label for="new-password">New password</label>
                <input id="new-password" type="password" name="password" required minLength={minPasswordLength} maxLength={256} autocomplete="new-password" />
                <span class="field-hint">At least {minPasswordLength} characters. Changing it signs you out everywhere else.</span>
              </p>
              <button class="button" type="submit">
                Change password
              </button>
            </form>
          ) : (
            <p>
              You sign in with links we email you. To set a password, <a href="/account/reset">ask for a password link</a>.
            </p>
          )}
        </section>

        {view.panels.map((panel) => (
          <Panel panel={panel} />
        ))}

        {/* Export, deletion and Do Not Sell or Share: the privacy module's pages. */}
        <section class="account-section" id="your-data" aria-labelledby="data-heading">
          <h2 id="data-heading">Your data</h2>
          <form method="post" action="/account/data/export">
            <p>Download everything we keep about you (your account, comments, email choices, payments) as a JSON file. The download link works for 24 hours.</p>
            <button class="button button-secondary" type="submit">
              Download your data
            </button>
          </form>
          <p>
            <a href="/do-not-sell">Do Not Sell or Share My Personal Information</a>
          </p>
          {user.role === 'reader' ? (
            <p>
              <a href="/account/data/delete">Delete your account</a>
            </p>
          ) : null}
        </section>

        <section class="account-section" aria-labelledby="sign-out-heading">
          <h2 id="sign-out-heading">Sign out</h2>
          <form method="post" action="/account/sign-out">
            <button class="button button-secondary" type="submit">
              Sign out
            </button>
          </form>
        </section>
      </>
    ),
  });
}

function Panel({ panel }: { panel: AccountPanel }) {
  const { action } = panel;
  return (
    <section class="account-section" id={panel.id} aria-labelledby={`${panel.id}-heading`}>
      <h2 id={`${panel.id}-heading`}>{panel.heading}</h2>
      <p>{panel.text}</p>
      {action.method === 'post' ? (
        <form method="post" action={action.href}>
          <button class="button button-secondary" type="submit">
            {action.label}
          </button>
        </form>
      ) : (
        <p>
          <a class="button button-secondary" href={action.href}>
            {action.label}
          </a>
        </p>
      )}
    </section>
  );
}

function Activity({ frame, comments }: { frame: Frame; comments: readonly AccountComment[] }) {
  if (comments.length === 0) return <p class="account-activity-empty">You have not commented yet.</p>;
  return (
    <ol class="account-comments">
      {comments.map((comment) => (
        <li>
          <p>
            On <a href={comment.permalink}>{comment.storyTitle}</a>, <Time ctx={frame.ctx} ms={comment.postedAt} />
          </p>
          <blockquote>{comment.text}</blockquote>
          {comment.replies.length > 0 ? (
            <ul>
              {comment.replies.map((reply) => (
                <li>
                  <a href={reply.permalink}>{reply.author}</a> replied: {reply.text}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
