/** The moderation pages' own rules, served as a small stylesheet beside the admin one (no inline styles under the CSP). */
export const MODERATION_CSS = `
.moderation-tabs ul { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.moderation-tabs a { display: inline-block; padding: .375rem .75rem; border: 1px solid var(--rule); border-radius: 4px; text-decoration: none; }
.moderation-tabs a[aria-current=page] { background: var(--ink); color: var(--paper, #fff); border-color: var(--ink); }
.moderation-keys { font-size: .875rem; color: var(--muted, #555); }
.moderation-keys kbd { font: 600 .8125rem/1 var(--mono, monospace); padding: .125rem .375rem; border: 1px solid var(--rule-2, #999); border-radius: 3px; }
.moderation-queue { list-style: none; margin: 0; padding: 0; }
.moderation-item { display: grid; gap: 1rem; padding: 1rem; margin-bottom: 1rem; border: 1px solid var(--rule); border-radius: 4px; }
@media (min-width: 60rem) { .moderation-item { grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); } }
.moderation-item.is-current, .moderation-item:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
.moderation-head { font-size: .9375rem; }
.moderation-body { margin: .75rem 0; overflow-wrap: anywhere; }
.moderation-body blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid var(--rule); }
.moderation-reasons h3, .moderation-reports h3, .reader-history h3 { font-size: .9375rem; margin: .5rem 0 .25rem; }
.moderation-reasons ul, .moderation-reports ul { margin: 0 0 .5rem; padding-left: 1.25rem; font-size: .875rem; }
.moderation-featured { background: #fff3cd; border-color: #b08800; }
.moderation-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.moderation-actions input[name=note] { min-width: 12rem; }
.reader-history { font-size: .875rem; padding: .75rem; background: var(--tint); border-radius: 4px; }
.reader-history .reader-recent { padding-left: 1.25rem; margin: .5rem 0; }
.reader-history .reader-recent li { margin-bottom: .25rem; overflow-wrap: anywhere; }
.reader-standing[data-standing=banned], .reader-standing[data-standing=suspended] { color: #b3261e; font-weight: 600; }
.reader-standing[data-standing=warned] { color: #7a5d00; font-weight: 600; }
.reader-actions textarea, .reader-actions select, .reader-actions input { width: 100%; }
`;
