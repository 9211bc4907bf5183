/** The reader pages' own rules, on top of the site stylesheet (its colours and fonts). */
export const ACCOUNT_CSS = `
.account-page { max-width: 34rem; margin: 0 auto; font-family: var(--sans); }
.account-page h1 { margin: 1rem 0 .5rem; font: 700 clamp(1.75rem, 1.4rem + 1.5vw, 2.5rem)/1.1 var(--serif); letter-spacing: -.01em; }
.account-page h2 { margin: 0 0 .75rem; font: 700 1.25rem/1.2 var(--serif); }
.account-lead { color: var(--ink-2); }
.account-form { margin: 1.25rem 0; }
.account-form p { margin: 0 0 1rem; }
.account-form label { display: block; margin-bottom: .375rem; font: 600 .875rem/1.3 var(--sans); }
.account-form input[type="text"], .account-form input[type="email"], .account-form input[type="password"] { width: 100%; height: 2.75rem; padding: 0 .75rem; border: 1px solid var(--field); border-radius: 4px; background: var(--paper); color: var(--ink); font: 1rem/1 var(--sans); }
.account-form input:focus-visible { outline-offset: 0; border-color: var(--focus); }
.account-form .field-hint { display: block; margin: .25rem 0 0; font-size: .8125rem; color: var(--muted); }
.account-form .check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400; }
.account-form .check input { margin-top: .2rem; width: 1.125rem; height: 1.125rem; }
.account-form .consent { margin-top: .75rem; }
.account-form fieldset { margin: 0 0 1.25rem; padding: 0; border: 0; }
.account-form legend { margin-bottom: .625rem; padding: 0; font: 600 .875rem/1.3 var(--sans); }
.account-form .check strong { display: block; font-weight: 600; }
.account-or { display: flex; align-items: center; gap: .75rem; margin: 1.75rem 0 .5rem; color: var(--muted); font-size: .875rem; }
.account-or::before, .account-or::after { content: ""; flex: 1; border-top: 1px solid var(--rule); }
.account-links { padding: 0; list-style: none; font-size: .9375rem; }
.account-links li { margin: .375rem 0; }
.form-problem { margin: 1rem 0; padding: .625rem .875rem; border-left: 4px solid #b3261e; background: color-mix(in srgb, #b3261e 10%, var(--paper)); }
.form-notice { margin: 1rem 0; padding: .625rem .875rem; border-left: 4px solid var(--link); background: var(--mark); }
.account-section { margin-top: 2rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
.account-facts { display: grid; grid-template-columns: max-content 1fr; gap: .375rem 1rem; margin: 0; }
.account-facts dt { font-weight: 600; }
.account-facts dd { margin: 0; overflow-wrap: anywhere; }
.account-activity-empty { color: var(--muted); }
`;
