import { markdownCell as escape, markdownCode, markdownText } from '../../model';
import type { DesignComparison } from './types';
import { compareSections, compareVerdicts } from './rows';

/**
 * The comparison as Markdown a consultant can paste into a proposal: one table per section with a
 * column per design, each difference to the first design in parentheses beside its figure, then
 * the verdict per design and the notes the figures rest on. Names, labels and every cell go through
 * the model's Markdown escaper (markdownText where a line's text begins).
 */
export function compareMarkdown(comparison: DesignComparison): string {
  const designs = comparison.designs;
  const out: string[] = [];
  out.push(`# Comparison: ${designs.map((d) => escape(d.name)).join(' vs ')}`, '');
  designs.forEach((d, i) => out.push(`${i + 1}. **${escape(d.name)}** (${markdownCode(d.label)})${i === 0 ? ': every difference in parentheses is against this design' : ''}`));
  out.push('');
  const header = `| | ${designs.map((d, i) => `${i + 1}. ${escape(d.name)}`).join(' | ')} |`;
  const rule = `| --- | ${designs.map(() => '---').join(' | ')} |`;
  for (const section of compareSections(comparison)) {
    out.push(`## ${section.title}`, '', header, rule);
    for (const row of section.rows) {
      const label = row.depth === 0 ? `**${escape(row.label)}**` : `&nbsp;&nbsp;${escape(row.label)}`;
      const cells = row.cells.map((cell, i) => (row.deltas[i] ? `${escape(cell)} (${escape(row.deltas[i]!)})` : escape(cell)));
      out.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  const verdicts = compareVerdicts(comparison);
  if (verdicts.length > 0) {
    out.push('## Is it worth it?', '');
    for (const verdict of verdicts) out.push(`- ${markdownText(verdict)}`);
    out.push('');
  }
  out.push('## Notes', '');
  for (const note of comparison.notes) out.push(`- ${markdownText(note)}`);
  return `${out.join('\n')}\n`;
}
