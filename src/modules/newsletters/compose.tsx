/**
 * An issue written by hand for a list (breaking news, specials): a subject and plain text,
 * paragraphs separated by blank lines. The HTML version is made from the text, escaped by Preact,
 * so nothing an editor types can become markup in a reader's mailbox.
 */
import { renderToString } from 'preact-render-to-string';
import { NewsletterError } from './errors.js';
import type { IssueContent } from './views/newsletter-email.js';

export const MAX_MESSAGE_CHARS = 20_000;

export function composeIssue(input: { subject: string; message: string }, publication: string): IssueContent {
  const subject = input.subject.trim();
  const text = input.message.replace(/\r\n?/gu, '\n').trim();
  if (!subject) throw new NewsletterError('Write a subject.');
  if (/[\r\n\0]/u.test(subject) || subject.length > 200) throw new NewsletterError('The subject is one line of at most 200 characters.');
  if (!text) throw new NewsletterError('Write the message.');
  if (text.length > MAX_MESSAGE_CHARS) throw new NewsletterError(`The message is at most ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters.`);
  const paragraphs = text.split(/\n{2,}/u);
  const html = renderToString(
    <div style="font-family: Georgia, serif; max-width: 36rem; margin: 0 auto; color: #1a1a1a;">
      <p style="margin: 0 0 1rem; font: 600 .8rem sans-serif; color: #0b5563;">{publication}</p>
      <h1 style="font-size: 1.4rem; margin: 0 0 1rem;">{subject}</h1>
      {paragraphs.map((p) => (
        <p style="margin: 0 0 1rem; white-space: pre-line;">{p}</p>
      ))}
    </div>,
  );
  return { subject, html, text: `${subject}\n\n${text}\n` };
}
