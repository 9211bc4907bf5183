/**
 * The emails reader accounts send. Plain text, so every mail program shows the link as it is;
 * each says what the link does, how long it works and what to do if the reader did not ask.
 */
import type { OutgoingEmail } from '../../email/types.js';
import { LINK_LIFETIME_MS } from './links.js';

export interface MessageContext {
  /** The publication's name, for subjects and greetings. */
  publication: string;
  /** Absolute origin of the site, no trailing slash. */
  publicUrl: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
const signInMinutes = minutes(LINK_LIFETIME_MS['sign-in']);
const resetMinutes = minutes(LINK_LIFETIME_MS.reset);
const signUpHours = Math.round(LINK_LIFETIME_MS['sign-up'] / 3_600_000);

export const linkUrl = (ctx: MessageContext, path: string, token: string) => `${ctx.publicUrl}${path}?token=${token}`;

export function verifyEmail(ctx: MessageContext, to: string, name: string, url: string): OutgoingEmail {
  return {
    to,
    category: 'account.verify',
    subject: `Confirm your email address for ${ctx.publication}`,
    text: [
      `Hello ${name},`,
      '',
      `Someone — we hope you — signed up for ${ctx.publication} with this email address. To confirm it and finish creating your account, open this link and press "Confirm":`,
      '',
      url,
      '',
      `The link works once, for ${signUpHours} hours. If you did not sign up, ignore this email: no account is created without it.`,
    ].join('\n'),
  };
}

export function signInEmail(ctx: MessageContext, to: string, url: string): OutgoingEmail {
  return {
    to,
    category: 'account.sign-in',
    subject: `Your sign-in link for ${ctx.publication}`,
    text: [
      `To sign in to ${ctx.publication}, open this link and press "Sign in":`,
      '',
      url,
      '',
      `The link works once, for ${signInMinutes} minutes. If you did not ask for it, ignore this email: nobody can sign in without it.`,
    ].join('\n'),
  };
}

export function resetEmail(ctx: MessageContext, to: string, url: string): OutgoingEmail {
  return {
    to,
    category: 'account.reset',
    subject: `Reset your password for ${ctx.publication}`,
    text: [
      `To choose a new password for your ${ctx.publication} account, open this link:`,
      '',
      url,
      '',
      `The link works once, for ${resetMinutes} minutes. Setting a new password signs you out everywhere else.`,
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

/** Sign-up with an address that has an account: tell its owner, tell the form nothing. */
export function accountExistsEmail(ctx: MessageContext, to: string, signInUrl: string | null): OutgoingEmail {
  const way = signInUrl
    ? [`To sign in without your password, open this link and press "Sign in" (it works once, for ${signInMinutes} minutes):`, '', signInUrl, '']
    : [`Sign in at ${ctx.publicUrl}/account/sign-in`, ''];
  return {
    to,
    category: 'account.exists',
    subject: `You already have an account at ${ctx.publication}`,
    text: [
      `Someone — we hope you — tried to sign up for ${ctx.publication} with this email address, but it already has an account.`,
      '',
      ...way,
      `Forgot your password? Choose a new one at ${ctx.publicUrl}/account/reset`,
      '',
      'If this was not you, ignore this email: nothing has changed.',
    ].join('\n'),
  };
}

/** Staff sign in at the newsroom with their password; emailed links would be a weaker door to it. */
export function staffElsewhereEmail(ctx: MessageContext, to: string): OutgoingEmail {
  return {
    to,
    category: 'account.staff',
    subject: `Signing in to ${ctx.publication}`,
    text: [
      `Someone asked for a sign-in or password-reset link for this address at ${ctx.publication}. This address belongs to a staff account, which signs in with its password at ${ctx.publicUrl}/admin/sign-in.`,
      '',
      'If you have forgotten your password, ask an administrator to reset it. If this was not you, ignore this email.',
    ].join('\n'),
  };
}
