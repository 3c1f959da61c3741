import { terminalText } from '../../model';
import type { DesignComparison } from '../../engine/compare';
import { compareSections, compareVerdicts } from '../../engine/compare';

/** Columns padded to their widest cell, each escaped for the terminal first; the first column holds the labels. */
function table(cells: readonly (readonly string[])[]): string[] {
  const rows = cells.map((row) => row.map(terminalText));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col]!)).join('   ').trimEnd());
}

/**
 * The comparison for a terminal: one column per design, each figure's difference to the first
 * design on a "vs first" line under it, then what each design buys for its money, then notes.
 */
export function compareText(comparison: DesignComparison): string {
  const rows: string[][] = [];
  const blank = comparison.designs.map(() => '');
  rows.push(['', ...comparison.designs.map((d, i) => (i === 0 ? `${d.label} (first)` : d.label))]);
  rows.push(['', ...comparison.designs.map((d) => d.name)]);
  const sectionStarts = new Map<number, string>();
  for (const section of compareSections(comparison)) {
    rows.push(['', ...blank]);
    sectionStarts.set(rows.length, section.title);
    rows.push([section.title, ...blank]);
    for (const row of section.rows) {
      rows.push([`${'  '.repeat(row.depth + 1)}${row.label}`, ...row.cells]);
      if (row.deltas.some((delta) => delta !== '')) rows.push([`${'  '.repeat(row.depth + 2)}vs first`, ...row.deltas]);
    }
  }
  // Section titles span the table instead of widening the label column.
  const lines = table(rows.map((row, i) => (sectionStarts.has(i) ? ['', ...blank] : row)));
  for (const [i, title] of sectionStarts) lines[i] = terminalText(title);
  const out = [...lines];
  const verdicts = compareVerdicts(comparison);
  if (verdicts.length > 0) out.push('', 'Against the first design', ...verdicts.map((v) => `  ${terminalText(v)}`));
  out.push('', 'Notes', ...comparison.notes.map((n) => `  ${terminalText(n)}`));
  return `${out.join('\n')}\n`;
}
