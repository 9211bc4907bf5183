/**
 * The comments section's stylesheet, served as its own fingerprinted asset (the site's
 * stylesheet belongs to the site). It reads the site's custom properties for colours and type.
 */
export const COMMENTS_CSS = `
.comments-count { margin: -.5rem 0 1rem; font: .875rem/1.4 var(--sans); color: var(--muted); }
.comments-notice { margin: 0 0 1rem; padding: .625rem .875rem; border-left: 3px solid var(--deco); background: var(--tint); font: .9375rem/1.45 var(--sans); }
.comments-closed { margin: 0 0 1rem; font: .9375rem/1.45 var(--sans); color: var(--muted); }
.comment-form { display: grid; gap: .5rem; margin: 0 0 .75rem; font-family: var(--sans); }
.comment-form label { font-weight: 600; }
.comment-form textarea { width: 100%; min-height: 6rem; padding: .625rem .75rem; border: 1px solid var(--field); border-radius: 4px; background: var(--paper); color: var(--ink); font: 1rem/1.45 var(--sans); resize: vertical; }
.comment-form .button { justify-self: start; }
.comment-form-hint, .comment-form-replying { margin: 0; font-size: .8125rem; color: var(--muted); }
.comment-form-error { margin: 0; padding-left: .5rem; border-left: 3px solid #d93025; color: var(--ink); font-weight: 600; }
.comments-sort { display: flex; gap: 1rem; margin: 1rem 0; font: .875rem/1.4 var(--sans); }
.comments-sort a[aria-current="true"] { color: var(--ink); font-weight: 700; text-decoration: none; }
.comment-thread, .comment-replies, .comment-list { margin: 0; padding: 0; list-style: none; }
.comment-entry { padding: 1rem 0; border-top: 1px solid var(--rule); }
.comment-replies > li { margin-top: .875rem; padding-left: .875rem; border-left: 2px solid var(--rule); }
.comment-replies > .comment-depth-2 { margin-left: 1.25rem; }
.comment-replies > .comment-depth-3 { margin-left: 2.5rem; }
.comment-head { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: baseline; font: .875rem/1.4 var(--sans); }
.comment-author { font-weight: 700; }
.comment-badge { margin-left: .4rem; font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .4rem; border: 1px solid currentColor; border-radius: 999px; color: var(--accent, #0b5563); }
.comment-replying, .comment-edited, .comment-time { color: var(--muted); }
.comment-time { text-decoration: none; }
.comment-time:hover { text-decoration: underline; }
.comment-body { margin: .375rem 0; overflow-wrap: anywhere; }
.comment-body p { margin: 0 0 .5rem; }
.comment-body blockquote { margin: 0 0 .5rem; padding-left: .75rem; border-left: 3px solid var(--rule-2); color: var(--ink-2); }
.comment-deleted { color: var(--muted); font-style: italic; }
.comment-actions { display: flex; gap: 1rem; font: .8125rem/1.4 var(--sans); color: var(--muted); }
.comment-featured { padding: .75rem; background: var(--tint); }
.comments-featured { margin: 1rem 0; }
.comments-featured h3 { margin: 0 0 .5rem; font: 700 1rem/1.3 var(--sans); }
.comment-more-replies, .comments-more { margin: .75rem 0 0; font: .875rem/1.4 var(--sans); }
.comments-focus { margin: 0 0 1.5rem; padding-bottom: 1rem; border-bottom: 2px solid var(--ink); }
.card-comments { white-space: nowrap; }
.card-comments::before { content: "\\00B7" / ""; margin: 0 .4em; }
`;
