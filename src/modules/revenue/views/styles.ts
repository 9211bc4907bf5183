/** The support pages' own rules, on top of the site stylesheet (its colours, fonts and buttons). */
export const SUPPORT_CSS = `
.support-page { max-width: 40rem; margin: 0 auto; padding: 0 0 3rem; font-family: var(--sans); }
.support-page h1 { margin: 1rem 0 .5rem; font: 700 clamp(1.75rem, 1.4rem + 1.5vw, 2.5rem)/1.1 var(--serif); letter-spacing: -.01em; }
.support-page h2 { margin: 1.5rem 0 .75rem; font: 700 1.25rem/1.2 var(--serif); }
.support-lead { color: var(--ink-2); font-size: 1.0625rem; }
.test-mode-banner { margin: 1rem 0; padding: .75rem 1rem; border: 2px dashed #b45309; border-radius: 4px; background: #fff7ed; color: #7c2d12; font-weight: 600; }
@media (prefers-color-scheme: dark) { .test-mode-banner { background: #2a1a0c; color: #fed7aa; } }
.support-form fieldset { margin: 0 0 1.25rem; padding: 0; border: 0; }
.support-form legend { margin-bottom: .5rem; font: 700 1rem/1.3 var(--sans); }
.choice-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(4.5rem, 1fr)); gap: .5rem; }
.choice { position: relative; }
.choice input { position: absolute; opacity: 0; inset: 0; margin: 0; }
.choice span { display: flex; align-items: center; justify-content: center; min-height: 3rem; padding: .5rem; border: 2px solid var(--rule-2); border-radius: 4px; background: var(--paper); font: 600 1.0625rem/1.2 var(--sans); cursor: pointer; }
.choice input:checked + span { border-color: var(--link); background: var(--mark); color: var(--ink); }
.choice input:focus-visible + span { outline: 3px solid var(--focus); outline-offset: 2px; }
.custom-amount label { display: block; margin: .75rem 0 .375rem; font: 600 .875rem/1.3 var(--sans); }
.custom-amount .money { display: flex; align-items: center; gap: .5rem; }
.support-form .custom-amount input { width: 100%; max-width: 12rem; height: 2.75rem; padding: 0 .75rem; border: 1px solid var(--field); border-radius: 4px; background: var(--paper); color: var(--ink); font: 1.0625rem/1 var(--sans); }
.support-form .field-hint, .support-fine { margin: .375rem 0 0; font-size: .8125rem; color: var(--muted); }
.support-form .button { width: 100%; min-height: 3rem; font-size: 1.0625rem; }
.support-form input[type="email"], .support-form input[type="text"] { width: 100%; height: 2.75rem; padding: 0 .75rem; border: 1px solid var(--field); border-radius: 4px; background: var(--paper); color: var(--ink); font: 1rem/1 var(--sans); }
.support-form p { margin: 0 0 1rem; }
.support-form p label { display: block; margin-bottom: .375rem; font: 600 .875rem/1.3 var(--sans); }
.form-problem { padding: .75rem 1rem; border-left: 4px solid #b91c1c; background: #fef2f2; color: #7f1d1d; }
.form-notice { padding: .75rem 1rem; border-left: 4px solid var(--link); background: var(--mark); }
@media (prefers-color-scheme: dark) { .form-problem { background: #2b1313; color: #fecaca; } }
.support-summary { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 1rem 0; }
.support-summary dt { font-weight: 600; }
.support-summary dd { margin: 0; }
.support-actions-row { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
.support-actions-row form { margin: 0; }
@media (min-width: 700px) { .support-form .button { width: auto; min-width: 16rem; } }
`;
