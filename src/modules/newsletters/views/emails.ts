/** The messages of the sign-up flow, as plain text (they carry one link each; nothing to style). */
import type { OutgoingEmail } from '../../email/types.js';
import type { NewsletterList } from '../lists.js';

const names = (lists: NewsletterList[]) => lists.map((l) => `“${l.name}”`).join(', ');

export function confirmEmail(to: string, publication: string, lists: NewsletterList[], link: string): OutgoingEmail {
  return {
    to,
    subject: `Confirm your subscription to ${publication}`,
    text: [
      'Hello,',
      '',
      `Someone — we hope you — asked to receive ${names(lists)} from ${publication} at this address.`,
      '',
      'To confirm, open this link and press the button (it works once, for 24 hours):',
      link,
      '',
      'If this was not you, ignore this message: nothing will be sent to you.',
      '',
      `— ${publication}`,
    ].join('\n'),
    category: 'newsletter.confirm',
  };
}

export function alreadySubscribedEmail(to: string, publication: string, lists: NewsletterList[], manage: string): OutgoingEmail {
  return {
    to,
    subject: `You already receive ${publication}'s newsletters`,
    text: [
      'Hello,',
      '',
      `Someone asked to sign this address up for ${names(lists)} from ${publication}. You already receive it, so nothing has changed.`,
      '',
      'Choose your newsletters or unsubscribe here:',
      manage,
      '',
      `— ${publication}`,
    ].join('\n'),
    category: 'newsletter.already',
  };
}
