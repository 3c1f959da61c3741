import { terminalText, type Design } from '../../model';
import { COMMITMENT_TITLES, totalCaption, type CostReport, type LineItem } from '../../engine/cost';
import { LineWriter, type TextOutput } from './line-writer';
import { assumptionsThatMatter, assumptionText, isSecondarySource, isSourceNote, layerTitle, money, quantityText, regionLabel, SECONDARY_LEGEND, SECONDARY_MARK, STATUS_LABELS, usageValueText } from './cost-shared';

/** Columns padded to their widest cell, each cell escaped for the terminal first; `(none)` for no rows. */
function table(cells: readonly (readonly string[])[], rightAligned: readonly number[]): string {
  if (cells.length === 0) return '  (none)';
  const rows = cells.map((row) => row.map(terminalText));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (rightAligned.includes(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd()).join('\n');
}

/** Lines for a terminal: `line` escapes what it is given (terminalText), `raw` writes it as it is. */
class TerminalLines extends LineWriter {
  line(text: string): void {
    this.raw(terminalText(text));
  }
}

/** A formatter that makes the text of each figure once: a large design repeats the same few figures thousands of times. */
function memoised(format: (amount: number) => string): (amount: number) => string {
  const made = new Map<number, string>();
  return (amount) => {
    let text = made.get(amount);
    if (text === undefined) {
      text = format(amount);
      made.set(amount, text);
    }
    return text;
  };
}

const NO_LINES: readonly LineItem[] = [];

/**
 * Each component's lines, in the order of report.components. estimateCost lists a component's
 * lines together, components in that order: then they are cut out in one pass. Otherwise they are
 * grouped by component once (filtering every line item for each component is quadratic: 14 s at
 * 20,000 components).
 */
function linesPerComponent(report: CostReport): (readonly LineItem[])[] {
  const items = report.lineItems;
  const perComponent: (readonly LineItem[])[] = [];
  let next = 0;
  for (const component of report.components) {
    const start = next;
    while (next < items.length && items[next]!.componentId === component.id) next++;
    perComponent.push(start === next ? NO_LINES : items.slice(start, next));
  }
  if (next === items.length) return perComponent;
  const byComponent = new Map<string, LineItem[]>();
  for (const line of items) {
    const group = byComponent.get(line.componentId);
    if (group) group.push(line);
    else byComponent.set(line.componentId, [line]);
  }
  return report.components.map((component) => byComponent.get(component.id) ?? NO_LINES);
}

/**
 * The cost report for people at a terminal: totals with what they exclude, roll-ups, each
 * component's lines and their notes, assumptions, notes. Design text is escaped by terminalText.
 * Written to `output` in pieces of whole lines, which together are the report's text.
 */
export function writeCostText(report: CostReport, design: Design, file: string, output: TextOutput): void {
  const c = report.currency;
  const profile = report.profile;
  const amountText = memoised((amount) => money(amount, c));
  const quantityFormats = new Map<string | undefined, (quantity: number) => string>();
  const quantityOf = (quantity: number, unit: string | undefined): string => {
    let format = quantityFormats.get(unit);
    if (format === undefined) {
      format = memoised((figure) => quantityText(figure, unit));
      quantityFormats.set(unit, format);
    }
    return format(quantity);
  };
  const locations = new Map(design.regions.map((r) => [r.id, r.location]));
  const out = new TerminalLines(output);
  out.line(`${file}: ${design.name}`);
  out.line(`Monthly ${money(report.monthly, c)} (${profile}; range ${money(report.range.low, c)} to ${money(report.range.high, c)}), yearly ${money(report.yearly, c)}`);
  out.line(`  ${totalCaption(report)}`);
  out.line(`${report.hoursPerMonth} h a month, ${COMMITMENT_TITLES[report.commitment]}`);
  out.line('');
  out.line('By layer');
  out.raw(table(Object.entries(report.byLayer).map(([layer, amount]) => [`  ${layerTitle(layer)}`, money(amount, c)]), [1]));
  out.line('');
  out.line('By region');
  out.raw(table(Object.entries(report.byRegion).map(([region, amount]) => [`  ${regionLabel(region, locations)}`, money(amount, c)]), [1]));
  out.line('');
  out.line('By component');
  if (report.components.length === 0) out.line('  (none)');
  const linesOf = linesPerComponent(report);
  // A large design's lines share a few thousand notes: each is escaped once, and whether it is the
  // source-kind note (which the mark stands for, see eachLineNote) is asked once: '' for those.
  const noteLines = new Map<string, string>();
  const writeNote = (note: string): void => {
    let text = noteLines.get(note);
    if (text === undefined) {
      text = isSourceNote(note) ? '' : terminalText(`      - ${note}`);
      noteLines.set(note, text);
    }
    if (text !== '') out.raw(text);
  };
  // The components' and lines' rows are 12 MB at 20,000 components: rather than escaping each
  // whole row, each piece that may carry outside text (a line's what, the catalog's units, the
  // currency) is escaped once per distinct text and the row written as it is. The same text:
  // terminalText works character by character (surrogates with their neighbours), and every piece
  // is set between ASCII characters of Ninesmith's own. Ids need no escaping (the format keeps
  // them to [a-z0-9-]).
  const escaped = new Map<string, string>();
  const escape = (text: string): string => {
    let safe = escaped.get(text);
    if (safe === undefined) {
      safe = terminalText(text);
      escaped.set(text, safe);
    }
    return safe;
  };
  const safeAmountText = memoised((amount) => terminalText(amountText(amount)));
  let anySecondary = false;
  report.components.forEach((component, componentIndex) => {
    // The component's total as byComponent has it (cents of the profile, in dollars), without a look-up by its id.
    const amount = component.monthlyCents[profile] / 100;
    const status = component.status === 'priced' ? '' : `  [${STATUS_LABELS[component.status]}]`;
    out.raw(`  ${terminalText(component.id)} (${escape(component.kind)}): ${safeAmountText(amount)}${status}`);
    for (const line of linesOf[componentIndex]!) {
      const secondary = isSecondarySource(line);
      anySecondary ||= secondary;
      const priced = line.status === 'priced';
      const lineAmount = priced ? safeAmountText(line.monthlyCents[profile] / 100) : STATUS_LABELS[line.status];
      const price = priced && line.quantity ? `  ${escape(quantityOf(line.quantity[profile], line.quantityUnit))} x ${line.unitPrice}/${escape(line.priceUnit ?? 'undefined')}${line.uncertain ? ' (uncertain)' : ''}${secondary ? ` ${SECONDARY_MARK}` : ''}` : '';
      out.raw(`    ${escape(line.what)}: ${lineAmount}${price}`);
      // eachLineNote's notes, in its order.
      if (line.commitment) writeNote(`commitment: ${line.commitment}`);
      for (const note of line.notes) writeNote(note);
    }
  });
  if (report.adjustments.length > 0) {
    out.line('');
    out.line('Adjustments');
    for (const a of report.adjustments) out.line(`  ${a.scope} ${a.percent > 0 ? '+' : ''}${a.percent}% (${a.origin}${a.note ? `: ${a.note}` : ''}): ${money(a.effectCents / 100, c)} a month`);
  }
  const assumptions = assumptionsThatMatter(report);
  if (assumptions.length > 0) {
    out.line('');
    out.line('Assumptions the total rests on (defaults and figures derived from traffic; set pricing.usage to change them)');
    const valueText = memoised(usageValueText);
    for (const a of assumptions) out.line(`  - ${assumptionText(a, valueText)}`);
  }
  out.line('');
  out.line('Notes');
  for (const note of report.notes) out.line(`  - ${note}`);
  if (anySecondary) out.line(`  - ${SECONDARY_LEGEND}`);
  out.flush();
}
