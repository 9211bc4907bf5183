/**
 * What each goal hands back: rows of figures (with the target beside each figure it is judged
 * by), free-form notes, and raw data for the JSON file. Printing lives here so every goal's
 * table looks the same.
 */

export interface Row {
  metric: string;
  value: string;
  /** Empty when the figure is context, not a goal. */
  target: string;
  /** null: not judged (context or informational). */
  met: boolean | null;
}

export interface Section {
  id: string;
  title: string;
  rows: Row[];
  notes: string[];
  data: Record<string, unknown>;
}

export function row(metric: string, value: string, target = '', met: boolean | null = null): Row {
  return { metric, value, target, met };
}

export function skipped(id: string, title: string, reason: string): Section {
  return { id, title, rows: [row('skipped', reason)], notes: [], data: { skipped: reason } };
}

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'yes' : 'NO');

export function formatTable(headers: string[], cells: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

export function formatSection(section: Section): string {
  const table = formatTable(
    ['Metric', 'Value', 'Target', 'Met'],
    section.rows.map((r) => [r.metric, r.value, r.target, verdict(r.met)]),
  );
  const notes = section.notes.map((n) => `  note: ${n}`);
  return [`\n== ${section.title} ==`, table, ...notes].join('\n');
}

/** Every judged row of every section, one table: the page a reader looks at first. */
export function formatSummary(sections: Section[]): string {
  const judged = sections.flatMap((s) => s.rows.filter((r) => r.met !== null).map((r) => [s.id, r.metric, r.value, r.target, verdict(r.met)]));
  const missed = judged.filter((r) => r[4] === 'NO').length;
  return [
    '\n== Summary: targets ==',
    formatTable(['Goal', 'Metric', 'Value', 'Target', 'Met'], judged),
    missed === 0 ? 'All targets met.' : `${missed} target(s) NOT met.`,
  ].join('\n');
}
