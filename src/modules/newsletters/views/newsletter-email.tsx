/**
 * A newsletter issue as email: the daily briefing's content (HTML and text), and the footer each
 * recipient gets with their own manage and unsubscribe links. Inline styles only: mail clients
 * ignore stylesheets. Rendered by Preact, so every headline and standfirst is escaped.
 */
import { renderToString } from 'preact-render-to-string';

export interface BriefingItem {
  headline: string;
  standfirst: string;
  section: string;
  url: string;
}

export interface IssueContent {
  subject: string;
  html: string;
  text: string;
}

export function briefingContent(publication: string, dateLabel: string, items: BriefingItem[]): IssueContent {
  const subject = `${publication} daily briefing: ${dateLabel}`;
  const html = renderToString(
    <div style="font-family: Georgia, serif; max-width: 36rem; margin: 0 auto; color: #1a1a1a;">
      <h1 style="font-size: 1.5rem; margin: 0 0 .25rem;">{publication}</h1>
      <p style="margin: 0 0 1.5rem; color: #555;">The daily briefing · {dateLabel}</p>
      {items.map((item) => (
        <div style="margin: 0 0 1.25rem;">
          <p style="margin: 0; font: 600 .75rem sans-serif; text-transform: uppercase; color: #0b5563;">{item.section}</p>
          <h2 style="font-size: 1.2rem; margin: .25rem 0;">
            <a href={item.url} style="color: #1a1a1a;">
              {item.headline}
            </a>
          </h2>
          {item.standfirst ? <p style="margin: 0; color: #333;">{item.standfirst}</p> : null}
        </div>
      ))}
    </div>,
  );
  const text = [
    `${publication} — the daily briefing, ${dateLabel}`,
    '',
    ...items.flatMap((item) => [`${item.section.toUpperCase()}: ${item.headline}`, ...(item.standfirst ? [item.standfirst] : []), item.url, '']),
  ].join('\n');
  return { subject, html, text };
}

export interface FooterLinks {
  listName: string;
  manage: string;
  unsubscribe: string;
}

/** The issue with this recipient's footer: why they get it, and how to stop. */
export function withFooter(content: { html: string; text: string }, links: FooterLinks): { html: string; text: string } {
  const footer = renderToString(
    <p style="font: .8rem sans-serif; color: #666; border-top: 1px solid #ddd; padding-top: 1rem; max-width: 36rem; margin: 2rem auto 0;">
      You receive “{links.listName}” because you subscribed to it. <a href={links.manage}>Choose your newsletters</a> or{' '}
      <a href={links.unsubscribe}>unsubscribe</a>.
    </p>,
  );
  return {
    html: `<!doctype html><html><body>${content.html}${footer}</body></html>`,
    text: `${content.text}\n--\nYou receive “${links.listName}” because you subscribed to it.\nChoose your newsletters: ${links.manage}\nUnsubscribe: ${links.unsubscribe}\n`,
  };
}
