/**
 * A stacked bar chart of money per month as server-rendered SVG: no script, no library. It is a
 * picture for sighted readers; the same figures are in the table beside it (aria-describedby).
 */
import type { MonthRow } from '../report.js';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 12, bottom: 36, left: 72 };

export function RevenueChart({ months, format, tableId }: { months: MonthRow[]; format: (minor: number) => string; tableId: string }) {
  const max = Math.max(1, ...months.map((m) => Math.max(0, m.oneTime) + Math.max(0, m.recurring)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, months.length);
  const barW = Math.max(4, step * 0.6);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <figure class="revenue-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="revenue-chart-title" aria-describedby={tableId} width="100%" preserveAspectRatio="xMidYMid meet">
        <title id="revenue-chart-title">Money received per month, one-time and monthly support</title>
        {ticks.map((tick) => (
          <g>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#b8b8b8" stroke-width="1" />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end" font-size="11" fill="currentColor">
              {format(tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = PAD.left + i * step + (step - barW) / 2;
          const recurring = Math.max(0, m.recurring);
          const oneTime = Math.max(0, m.oneTime);
          return (
            <g>
              <rect x={x} y={y(recurring)} width={barW} height={y(0) - y(recurring)} fill="#0b5563">
                <title>{`${m.month}: monthly ${format(m.recurring)}`}</title>
              </rect>
              <rect x={x} y={y(recurring + oneTime)} width={barW} height={y(recurring) - y(recurring + oneTime)} fill="#d97706">
                <title>{`${m.month}: one-time ${format(m.oneTime)}`}</title>
              </rect>
              <text x={x + barW / 2} y={HEIGHT - PAD.bottom + 16} text-anchor="middle" font-size="11" fill="currentColor">
                {shortMonth(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="legend-swatch legend-monthly" /> Monthly <span class="legend-swatch legend-one-time" /> One-time
      </figcaption>
    </figure>
  );
}

/** "2026-11" → "Nov 26": short enough for twelve labels on a phone. */
function shortMonth(key: string): string {
  const [year = 0, month = 1] = key.split('-').map(Number);
  return `${new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15))} ${String(year).slice(2)}`;
}
