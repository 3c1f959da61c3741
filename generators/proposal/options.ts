import { designTier, type Design } from '../../src/model';
import type { DesignAnalysis } from '../../src/engine';
import type { CatalogSet, CostReport, EstimateOptions } from '../../src/engine/cost';
import { compareDesigns, describeCostPerNine, SCENARIO_CLASS_TITLES, type ComparedDesign, type DesignComparison } from '../../src/engine/compare';
import { formatEstimate, formatModelled, formatModelledRange, formatMoney, formatPercent } from '../../src/engine/format';
import { renderDiagramSvg } from '../../src/diagram';
import { coverOf, MAX_DIAGRAM_COMPONENTS, proposalFacts, survivalSentence, type ProposalFacts } from './build';
import type { Block, Inline, ProposalDocument, ProposalSection, TableRow } from './document';
import { ReferenceList, SLA_REFERENCES } from './references';
import { joinNames, SEVERITY_WORDS } from './words';
import { SCENARIO_CLASSES } from '../../src/engine/compare';

export interface ProposalOption {
  design: Design;
  /** What to call the option; default "Option A: <design name>". */
  label?: string;
  analysis?: DesignAnalysis;
  cost?: CostReport;
}

const text = (value: string): Inline => ({ text: value });
const strong = (value: string): Inline => ({ text: value, strong: true });

/** Whether an option meets every journey's target and the tier's recovery targets for a zone and a region. */
function meetsEverything(facts: ProposalFacts): boolean {
  if (facts.analysis.journeys.some((j) => !j.meetsTarget)) return false;
  return (['zone', 'primary-region'] as const).every((k) => {
    const cell = facts.recovery[k];
    return !cell || (cell.meetsRto && cell.meetsRpo);
  });
}

/**
 * The recommended option: the cheapest that meets every target; when none does, the one closest to
 * its targets (the weakest journey's modelled availability), the cheaper on a tie. With the reason.
 */
export function recommendOption(facts: readonly ProposalFacts[], comparison: DesignComparison): { index: number; reason: string } {
  const monthly = (i: number) => comparison.designs[i]!.cost.monthly.expected;
  const meeting = facts.map((f, i) => (meetsEverything(f) ? i : -1)).filter((i) => i >= 0);
  if (meeting.length > 0) {
    const index = meeting.reduce((best, i) => (monthly(i) < monthly(best) ? i : best));
    return {
      index,
      reason: meeting.length === 1 ? 'it is the only option that meets every availability and recovery target' : `it meets every availability and recovery target, and is the cheapest of the ${meeting.length} options that do`,
    };
  }
  const margin = (i: number) => {
    const w = comparison.designs[i]!.weakest;
    return w?.percent === null || w?.percent === undefined ? -Infinity : w.percent - w.target;
  };
  const index = facts.map((_, i) => i).reduce((best, i) => (margin(i) > margin(best) || (margin(i) === margin(best) && monthly(i) < monthly(best)) ? i : best));
  return { index, reason: 'no option meets every target; it comes closest to its availability target' };
}

function optionLabel(design: ComparedDesign, recommended: boolean): string {
  return `${design.label}${recommended ? ' (recommended)' : ''}`;
}

/** A total that leaves unpriced lines out is a lower bound, and says so wherever it is quoted. */
function atLeast(design: ComparedDesign, amount: number): string {
  return `${design.cost.excludedLines > 0 ? 'at least ' : ''}${formatMoney(amount, design.cost.currency)}`;
}

function unpricedNote(design: ComparedDesign): string {
  const lines = design.cost.excludedLines;
  return lines > 0 ? ` (${lines} line${lines === 1 ? '' : 's'} not priced)` : '';
}

/** What a failure class costs an option, in words: no "back in unbounded" where nothing bounds it. */
function recoveryWords(rtoSeconds: number | null, rpoSeconds: number | null): string {
  const back = rtoSeconds === null ? 'nothing to recover to until the provider restores it' : `back in ${formatEstimate(rtoSeconds)}`;
  const loss = rpoSeconds === null ? 'any data not copied elsewhere lost' : `data loss up to ${formatEstimate(rpoSeconds)}`;
  return `${back}, ${loss}`;
}

/**
 * What the options are for: the client when the cover names one, else the name the designs share
 * before their first comma ("Client portal, single region" and "Client portal, two regions"), else
 * the designs' names.
 */
function optionsSubject(designs: readonly { name: string; proposal?: { client?: string } }[]): string {
  const client = designs.find((d) => d.proposal?.client)?.proposal?.client;
  if (client) return client;
  const heads = new Set(designs.map((d) => d.name.split(',')[0]!.trim()));
  const [head] = heads;
  return heads.size === 1 && head ? head : joinNames(designs.map((d) => d.name));
}

/**
 * One proposal presenting two to four designs as options side by side: cost, modelled availability,
 * recovery, cost per added nine and risks, each option's diagram and what it survives, the
 * recommended option marked and the reason given. Pure and deterministic.
 */
export function buildOptionsProposal(options: readonly ProposalOption[], settings: { catalogs?: CatalogSet; estimate?: EstimateOptions } = {}): ProposalDocument {
  const letters = 'ABCD';
  const facts = options.map((o) => proposalFacts(o.design, { ...settings, ...(o.analysis ? { analysis: o.analysis } : {}), ...(o.cost ? { cost: o.cost } : {}) }));
  const comparison = compareDesigns(options.map((o, i) => ({ design: o.design, label: o.label ?? `Option ${letters[i]}: ${o.design.name}`, analysis: facts[i]!.analysis, cost: facts[i]!.cost })));
  const recommended = recommendOption(facts, comparison);
  const chosen = recommended.index;
  const excluded = comparison.designs[chosen]!.cost.excludedLines;
  // A cheaper option whose total leaves lines out may not be cheaper: say so beside the reason.
  const reason = `${recommended.reason}${excluded > 0 ? ` (its cost is a lower bound: ${excluded} line${excluded === 1 ? ' is' : 's are'} not priced)` : ''}`;
  const designs = comparison.designs;
  const references = new ReferenceList();
  const columns = [{ title: '' }, ...designs.map((d, i) => ({ title: optionLabel(d, i === chosen) }))];
  const row = (label: string, cells: (d: ComparedDesign, i: number) => string): TableRow => ({ cells: [label, ...designs.map(cells)] });
  const weakestText = (d: ComparedDesign) => (d.weakest && d.weakest.percent !== null ? `${formatModelled(d.weakest.percent, d.weakest.low, d.weakest.high).value} (${d.weakest.name})` : 'cannot work');
  const recoveryText = (i: number, k: (typeof SCENARIO_CLASSES)[number]) => {
    const cell = facts[i]!.recovery[k];
    return cell ? recoveryWords(cell.rto.seconds, cell.rpo.seconds) : 'none in this design';
  };
  const openHigh = (i: number) => facts[i]!.analysis.findings.filter((f) => !f.suppressed && (f.severity === 'high' || f.severity === 'critical')).length;
  const sideBySide: TableRow[] = [
    row('Monthly cost', (d) => `${atLeast(d, d.cost.monthly.expected)}${unpricedNote(d)}`),
    row('Monthly range', (d) => `${atLeast(d, d.cost.monthly.low)} to ${atLeast(d, d.cost.monthly.high)}`),
    row('Yearly cost', (d) => atLeast(d, d.cost.yearly.expected)),
    row('Weakest journey, modelled', weakestText),
    row('Its SLA floor', (d) => (d.weakest?.floor !== null && d.weakest?.floor !== undefined ? formatPercent(d.weakest.floor) : 'unknown')),
    row('Availability target', (d) => `${formatPercent(d.tier.availability)} (${d.tier.id})`),
    ...SCENARIO_CLASSES.filter((k) => k !== 'component').map((k) => row(SCENARIO_CLASS_TITLES[k], (_d, i) => recoveryText(i, k))),
    row('Cost per added nine', (d) => describeCostPerNine(d.costPerNine, d.cost.currency)),
    row('Open risks', (d, i) => `${d.openFindings} (${openHigh(i)} high or critical)`),
    row('Accepted risks', (d) => String(d.suppressedFindings)),
    row('Components, regions', (d) => `${d.counts.components}, ${d.counts.regions}`),
  ];
  const journeyRows: TableRow[] = comparison.journeys.map((j) => ({
    cells: [j.name, ...j.cells.map((cell) => (cell ? (cell.percent === null ? 'cannot work' : `${formatModelled(cell.percent, cell.low, cell.high).value} (${formatModelledRange(cell.percent, cell.low, cell.high)})`) : 'not in this option'))],
  }));
  const best = designs[chosen]!;
  const summary: Block[] = [
    {
      kind: 'paragraph',
      content: [
        text(`This proposal compares ${designs.length} ways to build the platform. `),
        strong(`Recommendation: ${best.label}`),
        text(`, because ${reason}. It is expected to cost ${atLeast(best, best.cost.monthly.expected)} a month, with its weakest journey modelled at ${weakestText(best)}.`),
      ],
    },
    {
      kind: 'figures',
      items: designs.map((d, i) => ({ label: optionLabel(d, i === chosen), value: atLeast(d, d.cost.monthly.expected), detail: `a month${unpricedNote(d)}; weakest journey ${weakestText(d)}` })),
    },
  ];
  if (comparison.notes.length > 0) summary.push({ kind: 'list', items: comparison.notes.map((n) => [text(n)]) });
  const sla = SLA_REFERENCES[options[0]!.design.provider];
  const slaCite = sla ? references.cite(sla) : undefined;
  const sections: ProposalSection[] = [
    { id: 'summary', title: 'Executive summary', appendix: false, blocks: summary },
    {
      id: 'options',
      title: 'The options side by side',
      appendix: false,
      blocks: [
        { kind: 'table', columns, rows: sideBySide.map((r) => r) },
        {
          kind: 'paragraph',
          content: [
            text('Modelled availability is what to expect from each kind of failure at its rate, for as long as the option takes to recover; the SLA floor is what the providers commit to with service credits'),
            { text: '', ...(slaCite !== undefined ? { cite: slaCite } : {}) },
            text(', not a forecast. Cost per added nine compares each option with the first.'),
          ],
        },
        { kind: 'heading', text: 'Availability per journey' },
        { kind: 'table', columns: [{ title: 'Journey' }, ...columns.slice(1)], rows: journeyRows },
      ],
    },
    ...designs.map((d, i): ProposalSection => {
      const f = facts[i]!;
      const survival = SCENARIO_CLASSES.map((k) => survivalSentence(f, k)).filter((s): s is string => s !== null);
      const open = f.analysis.findings.filter((x) => !x.suppressed);
      const accepted = f.analysis.findings.filter((x) => x.suppressed);
      const blocks: Block[] = [];
      if (d.name !== d.label && f.design.description) blocks.push({ kind: 'paragraph', content: [text(f.design.description)] });
      if (f.design.components.length <= MAX_DIAGRAM_COMPONENTS) blocks.push({ kind: 'diagram', svg: renderDiagramSvg(f.design), caption: `Figure ${i + 1}. ${d.label}.` });
      if (survival.length > 0) blocks.push({ kind: 'heading', text: 'What it survives' }, { kind: 'list', items: survival.map((s) => [text(s)]) });
      blocks.push({ kind: 'heading', text: `Risks: ${open.length} open, ${accepted.length} accepted` });
      if (open.length > 0) blocks.push({ kind: 'list', items: open.slice(0, 8).map((x) => [strong(`${SEVERITY_WORDS[x.severity]}: `), text(`${x.title}. ${x.fix}`)]) });
      if (open.length > 8) blocks.push({ kind: 'paragraph', content: [text(`And ${open.length - 8} more open risks.`)] });
      if (accepted.length > 0) blocks.push({ kind: 'list', items: accepted.slice(0, 8).map((x) => [strong('Accepted: '), text(`${x.title}, because "${x.suppressed!.reason}"`)]) });
      return { id: `option-${i + 1}`, title: optionLabel(d, i === chosen), appendix: false, blocks };
    }),
    {
      id: 'next-steps',
      title: 'Next steps',
      appendix: false,
      blocks: [
        {
          kind: 'list',
          items: [
            [text(`Choose an option: ${best.label} is recommended because ${reason}.`)],
            [text(`Settle the open high and critical risks of the chosen option (${openHigh(chosen)} for ${best.label}); a full proposal of that design gives each with what fixing it changes.`)],
            [text(`Agree the ${joinNames([...new Set(options.map((o) => designTier(o.design).id))])} service tier${new Set(options.map((o) => o.design.tier)).size === 1 ? '' : 's'} and the journeys' targets with the business owners.`)],
          ],
        },
      ],
    },
  ];
  const title = `Options: ${joinNames(options.map((o) => o.design.name))}`;
  return { title, cover: { ...coverOf(options[chosen]!.design, `Platform options: ${designs.length} designs compared`), title: `Platform options for ${optionsSubject(options.map((o) => o.design))}` }, sections, references: references.references };
}
