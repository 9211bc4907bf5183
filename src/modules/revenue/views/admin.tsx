/** /admin/revenue: money by month with a chart and its table, supporters won and lost, latest payments. */
import type { Staff } from '../../accounts/index.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import { formatMoney } from '../amount.js';
import type { RevenueReport } from '../report.js';
import { RevenueChart } from './chart.js';

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export const REVENUE_ADMIN_CSS = `
.revenue-chart { margin: 1rem 0; max-width: 48rem; }
.revenue-chart svg { display: block; height: auto; }
.legend-swatch { display: inline-block; width: .75rem; height: .75rem; margin: 0 .25rem 0 .75rem; vertical-align: middle; }
.legend-monthly { background: #0b5563; }
.legend-one-time { background: #d97706; }
.revenue-figures { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; padding: 0; list-style: none; }
.revenue-figures strong { display: block; font-size: 1.5rem; }
.staff-table td.num, .staff-table th.num { text-align: right; font-variant-numeric: tabular-nums; }
`;

export function revenuePage(look: Look | null, staff: Staff, report: RevenueReport, options: { testMode: boolean; locale: string; stylesheet: string }): string {
  const money = (minor: number) => formatMoney(minor, report.currency, options.locale);
  const total = report.months.reduce((sum, m) => sum + m.oneTime + m.recurring, 0);
  return adminPage({
    look: look ? { ...look, stylesheets: [...look.stylesheets, options.stylesheet] } : look,
    staff,
    title: 'Revenue',
    active: 'revenue',
    wide: true,
    children: (
      <>
        {options.testMode ? <p class="field-hint">Test mode: no Stripe key is set, so the payments below are simulated ones made on this site.</p> : null}
        <ul class="revenue-figures">
          <li>
            Active supporters <strong>{report.activeSupporters}</strong>
          </li>
          <li>
            Monthly support running <strong>{money(report.monthlyRecurring)}</strong>
          </li>
          <li>
            Last 12 months <strong>{money(total)}</strong>
          </li>
        </ul>
        <h2>By month</h2>
        <RevenueChart months={report.months} format={money} tableId="revenue-table" />
        <table class="staff-table" id="revenue-table">
          <caption>Money received (net of refunds) and supporters, per month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" class="num">One-time</th>
              <th scope="col" class="num">Monthly</th>
              <th scope="col" class="num">Total</th>
              <th scope="col" class="num">New supporters</th>
              <th scope="col" class="num">Cancelled monthly</th>
            </tr>
          </thead>
          <tbody>
            {report.months.map((m) => (
              <tr>
                <th scope="row">{m.month}</th>
                <td class="num">{money(m.oneTime)}</td>
                <td class="num">{money(m.recurring)}</td>
                <td class="num">{money(m.oneTime + m.recurring)}</td>
                <td class="num">{m.newSupporters}</td>
                <td class="num">{m.cancelled}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.otherCurrencyPayments > 0 ? <p class="field-hint">{report.otherCurrencyPayments} payments in other currencies are not in these totals.</p> : null}
        <h2>Latest payments</h2>
        {report.recent.length === 0 ? (
          <p>No payments yet.</p>
        ) : (
          <table class="staff-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Supporter</th>
                <th scope="col">Kind</th>
                <th scope="col" class="num">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Stripe id</th>
              </tr>
            </thead>
            <tbody>
              {report.recent.map((p) => (
                <tr>
                  <td>
                    <time dateTime={new Date(p.paidAt).toISOString()}>{when(p.paidAt)}</time>
                  </td>
                  <td>{p.who}</td>
                  <td>{p.kind === 'recurring' ? 'Monthly' : 'One-time'}</td>
                  <td class="num">{formatMoney(p.amount, p.currency, options.locale)}</td>
                  <td>{p.status === 'paid' ? 'Paid' : `${p.status === 'refunded' ? 'Refunded' : 'Partly refunded'} (${formatMoney(p.refunded, p.currency, options.locale)})`}</td>
                  <td>
                    <code>{p.stripeId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  });
}
