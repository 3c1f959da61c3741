import { kindOf, LAYER_TITLES, LAYERS, type Layer } from '../../src/catalog';
import { componentZones, designTier, displayName, formatDuration, type Design } from '../../src/model';
import { analyzeDesign, graphOf, weakestJourney, type DesignAnalysis, type Finding, type FailureScenario } from '../../src/engine';
import { COMMITMENT_TITLES, estimateCost, totalCaption, type CatalogSet, type CostReport, type EstimateOptions, type SourceKind } from '../../src/engine/cost';
import { formatAvailability, formatDowntime, formatEstimate, formatModelled, formatModelledRange, formatMoney, formatNines, formatPercent } from '../../src/engine/format';
import { recoveryByClass, SCENARIO_CLASSES, SCENARIO_CLASS_TITLES, type ScenarioCell, type ScenarioClass } from '../../src/engine/compare';
import { renderDiagramSvg } from '../../src/diagram';
import type { GeneratedFile } from '../types';
import type { Block, Inline, ProposalCover, ProposalDocument, ProposalSection, TableRow } from './document';
import { codeCounts, codeCountsOfUtf8, type CodeCounts } from './code-counts';
import { fixEffects, type FixEffect } from './fix-effects';
import { runbookBlocks } from './runbook-blocks';
import { assumptionReferences, priceReference, ReferenceList, SLA_REFERENCES } from './references';
import { capitalize, joinNames, plainDuration, SEVERITY_WORDS } from './words';

export interface ProposalOptions {
  /** Price catalogs for the cost section (the caller loads them; generators read no files). */
  catalogs?: CatalogSet;
  /** How to price: imported price books, the commitment profile, local usage. */
  estimate?: EstimateOptions;
  /** The design's analysis and cost report, when the caller has them. */
  analysis?: DesignAnalysis;
  cost?: CostReport;
  /**
   * The runbooks and infrastructure code delivered with the proposal, for its appendices: the files,
   * or what the appendices read of them (`proposalAppendices`), which lets a caller let go of the files first.
   */
  appendices?: readonly GeneratedFile[] | ProposalAppendices;
  /**
   * The design's diagram as `proposalDiagram` draws it, when the caller has drawn it already (the
   * command line, to turn it into a picture while the rest of the proposal is made).
   */
  diagram?: string;
}

/** Findings described one by one in the risk register; the rest are counted by title. */
export const MAX_DETAILED_FINDINGS = 50;
/** Components listed one by one in the architecture table; the rest are counted by layer. */
export const MAX_LISTED_COMPONENTS = 80;
/**
 * The largest design whose diagram the proposal draws: past it, a page cannot show a component's
 * name at a readable size (and drawing it would be most of the proposal's time); `ninesmith diagram` draws it whole.
 */
export const MAX_DIAGRAM_COMPONENTS = 300;
/** Runbooks given in full in the appendix; the rest are listed by title. */
export const MAX_RUNBOOKS_IN_FULL = 12;
/**
 * The runbook text the appendix quotes in all, in characters (about 25 printed pages): on a large
 * design one runbook alone can run to hundreds of pages, which no client reads in a proposal; those
 * are listed, and delivered whole in runbooks/.
 */
export const MAX_RUNBOOK_CHARACTERS = 60_000;
/**
 * The Terraform README the appendix quotes, in characters (about 8 printed pages): on a large design
 * its list of inputs runs to hundreds of pages (one line per service's image), and setting it in the
 * PDF and Word files was most of their time. Past this the quote stops at a line and says how much of
 * the README, delivered whole in terraform/README.md, it leaves out.
 */
export const MAX_README_CHARACTERS = 20_000;

const text = (value: string): Inline => ({ text: value });
const strong = (value: string): Inline => ({ text: value, strong: true });
const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

/** Everything the proposal of one design says, computed once: the sections draw on it. */
export interface ProposalFacts {
  readonly design: Design;
  readonly analysis: DesignAnalysis;
  readonly cost: CostReport;
  readonly recovery: Record<ScenarioClass, ScenarioCell | null>;
  readonly journeyName: (id: string) => string;
  readonly scenario: (id: string) => FailureScenario | undefined;
}

export function proposalFacts(design: Design, options: ProposalOptions = {}): ProposalFacts {
  const analysis = options.analysis ?? analyzeDesign(design);
  // Priced from the graph the analysis made (kept among the last few): the what-ifs read it too, so it is no extra work.
  const cost = options.cost ?? estimateCost(design, options.catalogs ?? [], { ...options.estimate, graph: graphOf(design) });
  const names = new Map(design.journeys.map((j) => [j.id, j.name]));
  return {
    design,
    analysis,
    cost,
    recovery: recoveryByClass(design, analysis),
    journeyName: (id) => names.get(id) ?? id,
    // Asked a few times a proposal (the worst case of each class of failure): a search, not a map of 25,000 scenarios at 20,000 components.
    scenario: (id) => {
      const { scenarios } = analysis;
      // The last of the same id, as a map from them would give.
      for (let k = scenarios.length - 1; k >= 0; k -= 1) if (scenarios[k]!.id === id) return scenarios[k];
      return undefined;
    },
  };
}

export function coverOf(design: Design, subtitle: string): ProposalCover {
  const settings = design.proposal ?? {};
  const logo = settings.logo ? /^data:(image\/(?:png|jpeg));base64,(.*)$/.exec(settings.logo) : null;
  return {
    title: design.name,
    subtitle,
    ...(settings.client ? { client: settings.client } : {}),
    ...(settings.consultant ? { consultant: settings.consultant } : {}),
    ...(settings.date ? { date: settings.date } : {}),
    ...(settings.version ? { version: settings.version } : {}),
    ...(logo ? { logo: { mime: logo[1] as 'image/png' | 'image/jpeg', base64: logo[2]! } } : {}),
  };
}

// ---- what the design survives, in business terms ------------------------------------------

/** "if the primary region is lost" for each class of failure. */
const IF_LOST: Readonly<Record<ScenarioClass, string>> = {
  zone: 'If an availability zone is lost',
  component: 'If the most critical single component fails',
  'primary-region': 'If the primary region is lost',
  corruption: 'If data is corrupted or deleted by mistake',
};

/** One sentence per class of failure: which journeys stop, for how long, and what must be re-entered. */
export function survivalSentence(facts: ProposalFacts, scenarioClass: ScenarioClass): string | null {
  const cell = facts.recovery[scenarioClass];
  if (!cell) return null;
  const scenario = facts.scenario(cell.rto.scenario);
  const broken = (scenario?.brokenJourneys ?? []).map(facts.journeyName);
  const failedOver = (scenario?.failedOverJourneys ?? []).map(facts.journeyName);
  const lead = `${IF_LOST[scenarioClass]} (worst case: ${scenario?.title ?? cell.rto.title})`;
  // The figures of that one failure (the class's worst data loss may come from another: the table shows both).
  const rto = scenario ? scenario.rtoSeconds : cell.rto.seconds;
  const rpo = scenario ? scenario.rpoSeconds : cell.rpo.seconds;
  const loss = rpo === null ? 'some data cannot be recovered at all' : rpo === 0 ? 'no data is lost' : `up to ${plainDuration(rpo)} of entries must be re-entered`;
  if (broken.length === 0 && failedOver.length === 0) {
    return `${lead}, every journey keeps working; ${loss}.`;
  }
  const stopped = joinNames([...broken, ...failedOver]);
  const verb = broken.length + failedOver.length === 1 ? 'stops' : 'stop';
  const duration = rto === null ? 'with no bound on when it comes back' : `for about ${plainDuration(rto)}`;
  const how = failedOver.length > 0 && broken.length === 0 ? ' until the standby takes over' : '';
  return `${lead}, ${stopped} ${verb} ${duration}${how}, and ${loss}.`;
}

// ---- the risk register ----------------------------------------------------------------------

/** A missed availability target is never a note, whatever the rule's own severity. */
function registerSeverity(finding: Finding): string {
  if (finding.rule === 'availability-below-target' && (finding.severity === 'info' || finding.severity === 'low')) return SEVERITY_WORDS.high;
  return SEVERITY_WORDS[finding.severity];
}

function riskRegister(facts: ProposalFacts, effects: ReadonlyMap<Finding, FixEffect>): Block[] {
  const { analysis, design } = facts;
  const open = analysis.findings.filter((f) => !f.suppressed);
  const accepted = analysis.findings.filter((f) => f.suppressed);
  const blocks: Block[] = [
    paragraph(
      text(
        'Open risks are what a review of the design found and nobody has decided on; accepted risks are those the client chose to live with, each with the reason given; fixed items are risks accepted earlier that the design no longer has.',
      ),
    ),
  ];
  blocks.push({ kind: 'heading', text: `Open risks (${open.length})` });
  if (open.length === 0) blocks.push(paragraph(text('None: every check passes, or its risk is accepted with a reason.')));
  else {
    const rows: TableRow[] = open.slice(0, MAX_DETAILED_FINDINGS).map((finding, i) => {
      const effect = effects.get(finding);
      return {
        cells: [
          String(i + 1),
          registerSeverity(finding),
          `${finding.title}. ${finding.message}`,
          `${finding.fix}${effect ? ` Applying the suggested change (${effect.label}): ${effect.summary}.` : ''}`,
        ],
      };
    });
    blocks.push({ kind: 'table', columns: [{ title: '#', numeric: true }, { title: 'Severity' }, { title: 'Risk' }, { title: 'What to do' }], rows });
    if (open.length > MAX_DETAILED_FINDINGS) {
      const rest = new Map<string, { severity: string; count: number }>();
      for (const finding of open.slice(MAX_DETAILED_FINDINGS)) {
        const entry = rest.get(finding.title) ?? { severity: registerSeverity(finding), count: 0 };
        entry.count += 1;
        rest.set(finding.title, entry);
      }
      blocks.push(paragraph(text(`And ${open.length - MAX_DETAILED_FINDINGS} more of the same kinds, each listed by "ninesmith validate":`)));
      blocks.push({ kind: 'list', items: [...rest].map(([title, entry]) => [text(`${title} (${entry.severity.toLowerCase()}): ${entry.count} more`)]) });
    }
  }
  blocks.push({ kind: 'heading', text: `Accepted risks (${accepted.length})` });
  if (accepted.length === 0) blocks.push(paragraph(text('None: the client has not accepted any risk the review found.')));
  else {
    blocks.push({
      kind: 'table',
      columns: [{ title: 'Risk' }, { title: 'Where' }, { title: 'Reason given for accepting it' }],
      rows: accepted.slice(0, MAX_DETAILED_FINDINGS).map((finding) => ({ cells: [finding.title, componentNames(design, finding.components), finding.suppressed!.reason] })),
    });
    if (accepted.length > MAX_DETAILED_FINDINGS) blocks.push(paragraph(text(`And ${accepted.length - MAX_DETAILED_FINDINGS} more accepted risks in the design's suppressions.`)));
  }
  // A suppression that matches no finding any more: the risk it accepted is gone from the design.
  const fixed = (design.suppressions ?? []).filter((s) => !analysis.findings.some((f) => f.rule === s.rule && f.suppressed && (s.component === undefined || f.components.includes(s.component))));
  blocks.push({ kind: 'heading', text: `Fixed (${fixed.length})` });
  if (fixed.length === 0) blocks.push(paragraph(text('No risk accepted earlier has since been designed out.')));
  else blocks.push({ kind: 'list', items: fixed.map((s) => [text(`${s.component ? `${componentNames(design, [s.component])}: ` : ''}a risk accepted earlier ("${s.reason}") no longer applies: the design now passes that check.`)]) });
  return blocks;
}

function componentNames(design: Design, ids: readonly string[]): string {
  if (ids.length === 0) return 'the whole design';
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const names = ids.slice(0, 6).map((id) => {
    const component = byId.get(id);
    return component ? displayName(component) : id;
  });
  return `${names.join(', ')}${ids.length > 6 ? ` and ${ids.length - 6} more` : ''}`;
}

// ---- the sections -----------------------------------------------------------------------------

function summarySection(facts: ProposalFacts, effects: ReadonlyMap<Finding, FixEffect>): ProposalSection {
  const { design, analysis, cost } = facts;
  const tier = designTier(design);
  const c = cost.currency;
  const weakest = weakestJourney(analysis.journeys);
  const open = analysis.findings.filter((f) => !f.suppressed);
  const serious = open.filter((f) => f.severity === 'critical' || f.severity === 'high' || registerSeverity(f) === SEVERITY_WORDS.high);
  const missed = analysis.journeys.filter((j) => !j.meetsTarget);
  const rtoMissed = SCENARIO_CLASSES.filter((k) => k !== 'component' && facts.recovery[k] && (!facts.recovery[k]!.meetsRto || !facts.recovery[k]!.meetsRpo));
  const blocks: Block[] = [];
  if (design.description) blocks.push(paragraph(text(design.description)));
  const footprint = `${design.components.length} components in ${design.regions.length} region${design.regions.length === 1 ? '' : 's'} on ${design.provider.toUpperCase()}`;
  blocks.push(
    paragraph(
      text(`This proposal describes ${design.name}: ${footprint}, built for the ${tier.id} service tier (availability target ${formatPercent(tier.availability)}, back in service within ${plainDuration(tier.rtoSeconds)} of a failure, losing at most ${plainDuration(tier.rpoSeconds)} of data). It is expected to cost `),
      strong(`${formatMoney(cost.monthly, c)} a month`),
      text(` (${formatMoney(cost.range.low, c)} to ${formatMoney(cost.range.high, c)} depending on usage; ${formatMoney(cost.yearly, c)} a year) at ${COMMITMENT_TITLES[cost.commitment]}.`),
    ),
  );
  const items: { label: string; value: string; detail: string }[] = [{ label: 'Monthly cost', value: formatMoney(cost.monthly, c), detail: `${formatMoney(cost.range.low, c)} to ${formatMoney(cost.range.high, c)}` }];
  if (weakest?.modelled) {
    const m = weakest.modelled;
    items.push({ label: `Availability (${weakest.name})`, value: formatModelled(m.availability, m.low, m.high).value, detail: `target ${formatPercent(weakest.target)}: ${weakest.meetsTarget ? 'met' : 'not met'}` });
  }
  const region = facts.recovery['primary-region'] ?? facts.recovery.zone;
  if (region) items.push({ label: facts.recovery['primary-region'] ? 'Primary region lost' : 'Zone lost', value: formatEstimate(region.rto.seconds), detail: `data loss up to ${formatEstimate(region.rpo.seconds)}` });
  items.push({ label: 'Open risks', value: String(open.length), detail: `${serious.length} high or critical; ${analysis.scorecard.suppressed} accepted` });
  blocks.push({ kind: 'figures', items });

  // The recommendation: what stands between this design and its targets, in order of weight.
  const recommendation: Inline[] = [strong('Recommendation: ')];
  if (serious.length === 0 && missed.length === 0 && rtoMissed.length === 0) {
    recommendation.push(text(`proceed with this design. Every journey meets its availability target and recovery meets the ${tier.id} tier's targets${open.length > 0 ? `; the ${open.length} remaining open risk${open.length === 1 ? ' is' : 's are'} minor and listed in the risk register` : ''}.`));
  } else {
    const reasons: string[] = [];
    if (missed.length > 0) reasons.push(`${joinNames(missed.map((j) => j.name))} ${missed.length === 1 ? 'misses its' : 'miss their'} availability target`);
    if (rtoMissed.length > 0) reasons.push(`recovery from ${joinNames(rtoMissed.map((k) => SCENARIO_CLASS_TITLES[k].toLowerCase().replace(/^worst /, 'the worst ')))} misses the tier's targets`);
    if (serious.length > 0) reasons.push(`${serious.length} open risk${serious.length === 1 ? ' is' : 's are'} high or critical`);
    const withFix = serious.filter((f) => effects.has(f)).slice(0, 3);
    recommendation.push(text(`proceed once the design is changed: ${reasons.join('; ')}. ${withFix.length > 0 ? `The first changes to make: ${withFix.map((f) => effects.get(f)!.label).join('; ')}. ` : ''}The risk register lists each with what fixing it changes.`));
  }
  blocks.push(paragraph(...recommendation));
  const survival = SCENARIO_CLASSES.map((k) => survivalSentence(facts, k)).filter((s): s is string => s !== null);
  if (survival.length > 0) blocks.push({ kind: 'list', items: survival.map((s) => [text(s)]) });
  return { id: 'summary', title: 'Executive summary', appendix: false, blocks };
}

/** The diagram SVG of the proposal's architecture section; none for a design too large to draw legibly on a page. */
export function proposalDiagram(design: Design): string | undefined {
  return design.components.length <= MAX_DIAGRAM_COMPONENTS ? renderDiagramSvg(design) : undefined;
}

function architectureSection(facts: ProposalFacts, drawn: string | undefined): ProposalSection {
  const { design } = facts;
  const regionName = new Map(design.regions.map((r) => [r.id, `${r.name ?? r.id} (${r.location}, ${r.role ?? 'primary'})`]));
  // localeCompare's own order, from one collator rather than one made per comparison; each layer's place looked up once.
  const collate = new Intl.Collator().compare;
  const rows = design.components.map((component) => {
    const kind = kindOf(component);
    return { component, kind, layer: LAYERS.indexOf(kind.layer), region: component.region ?? '' };
  });
  const listed = firstInOrder(rows, MAX_LISTED_COMPONENTS, (a, b) => a.layer - b.layer || collate(a.region, b.region) || collate(a.component.id, b.component.id));
  const diagram = design.components.length <= MAX_DIAGRAM_COMPONENTS ? (drawn ?? renderDiagramSvg(design)) : undefined;
  const blocks: Block[] = [
    diagram !== undefined
      ? { kind: 'diagram', svg: diagram, caption: `Figure 1. ${design.name}: regions, zones, components and the connections between them.` }
      : paragraph(text(`The design has ${design.components.length} components, too many to draw legibly on a page: "ninesmith diagram" draws it whole, as SVG, PNG or a draw.io file.`)),
    paragraph(text(`Regions: ${design.regions.map((r) => `${regionName.get(r.id)}, zones ${r.zones.join(', ')}`).join('; ') || 'none'}.`)),
  ];
  blocks.push({
    kind: 'table',
    columns: [{ title: 'Layer' }, { title: 'Component' }, { title: 'Kind' }, { title: 'Where' }],
    rows: listed.map(({ component, kind }) => {
      const where = component.region === undefined ? 'global' : `${regionName.get(component.region) ?? component.region}, zones ${componentZones(design, component).join(', ')}`;
      const replicas = component.replicas !== undefined && component.replicas > 1 ? `, ${component.replicas} instances` : '';
      return { cells: [LAYER_TITLES[kind.layer], displayName(component), kind.title, `${where}${replicas}`] };
    }),
  });
  if (rows.length > listed.length) {
    // The components not listed, counted by layer in the layers' order (the order the listed ones are in).
    const unlisted = LAYERS.map(() => 0);
    for (const { layer } of rows) unlisted[layer]! += 1;
    for (const { layer } of listed) unlisted[layer]! -= 1;
    const counts = LAYERS.flatMap((layer, index) => (unlisted[index]! > 0 ? [`${unlisted[index]} ${LAYER_TITLES[layer].toLowerCase()}`] : []));
    blocks.push(paragraph(text(`And ${rows.length - listed.length} more components: ${counts.join(', ')}.`)));
  }
  return { id: 'architecture', title: 'The design', appendix: false, blocks };
}

/**
 * The first `count` of `items` in the order `compare` gives, as a stable sort would put them: the
 * architecture table lists 80 of up to tens of thousands of components, and sorting them all (two
 * collator comparisons a step) was most of the section's time.
 */
function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (count <= 0) return first;
  for (const item of items) {
    // Past every one kept, or equal to the last (an earlier item comes first among equals): not among the first.
    if (first.length === count && compare(item, first[count - 1]!) >= 0) continue;
    // After every kept item it does not come before, as a stable sort keeps equals in their order.
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, first[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    first.splice(low, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}

function availabilitySection(facts: ProposalFacts, references: ReferenceList): ProposalSection {
  const { analysis, design } = facts;
  const sla = SLA_REFERENCES[design.provider];
  const slaCite = sla ? references.cite(sla) : undefined;
  const blocks: Block[] = [
    paragraph(
      text('The modelled availability is what to expect: each kind of failure (an instance, a zone, a region, a provider service, a release, corrupted data) at its published or assumed rate, lasting as long as this design takes to recover from it. The range comes from the uncertainty of those rates. The SLA floor multiplies the published SLAs of everything a journey cannot do without'),
      { text: '', ...(slaCite !== undefined ? { cite: slaCite } : {}) },
      text(': what the providers commit to with service credits, not a forecast.'),
    ),
    {
      kind: 'table',
      columns: [{ title: 'Journey' }, { title: 'Modelled', numeric: true }, { title: 'Range', numeric: true }, { title: 'Downtime a month', numeric: true }, { title: 'SLA floor', numeric: true }, { title: 'Target' }],
      rows: analysis.journeys.map((j) => {
        const m = j.modelled;
        const floor = j.percent !== null ? formatAvailability(j.percent) : 'unknown';
        return m
          ? { cells: [j.name, formatModelled(m.availability, m.low, m.high).value, formatModelledRange(m.availability, m.low, m.high), formatDowntime(m.downtimeMinutesPerMonth), floor, `${formatPercent(j.target)}: ${j.meetsTarget ? 'met' : 'not met'}`] }
          : { cells: [j.name, 'cannot work', '', '', floor, `${formatPercent(j.target)}: not met`] };
      }),
    },
  ];
  const caps = analysis.journeys.map((j): Inline[] => {
    const top = j.modelled?.contributors.slice(0, 3) ?? [];
    const floor = j.percent === null ? `its SLA floor is unknown${j.floorReason ? ` (${j.floorReason})` : ''}` : `its SLA floor is ${formatAvailability(j.percent)} (${formatNines(j.nines)} nines)`;
    return [strong(`${j.name}: `), text(top.length > 0 ? `what caps it is ${joinNames(top.map((c) => `${c.title.toLowerCase()} (${formatDowntime(c.minutesPerMonth)} a month)`))}; ${floor}.` : `${floor}.`)];
  });
  if (caps.length > 0) blocks.push({ kind: 'list', items: caps });
  if (analysis.journeys.length === 0) blocks.push(paragraph(text('The design names no user journeys, so no availability is modelled: add the journeys users take to see it.')));
  return { id: 'availability', title: 'Availability', appendix: false, blocks };
}

function recoverySection(facts: ProposalFacts): ProposalSection {
  const tier = designTier(facts.design);
  const rows: TableRow[] = SCENARIO_CLASSES.map((k) => {
    const cell = facts.recovery[k];
    if (!cell) return { cells: [SCENARIO_CLASS_TITLES[k], 'none in this design', '', '', ''] };
    const worst = cell.rto.scenario === cell.rpo.scenario ? cell.rto.title : `${cell.rto.title} (time); ${cell.rpo.title} (data)`;
    return { cells: [SCENARIO_CLASS_TITLES[k], worst, formatEstimate(cell.rto.seconds), formatEstimate(cell.rpo.seconds), `time ${cell.meetsRto ? 'met' : 'missed'}, data ${cell.meetsRpo ? 'met' : 'missed'}`] };
  });
  return {
    id: 'recovery',
    title: 'Recovery against the service tier',
    appendix: false,
    blocks: [
      paragraph(text(`The ${tier.id} tier asks for service back within ${formatDuration(tier.rtoSeconds)} (the recovery time objective, RTO) and at most ${formatDuration(tier.rpoSeconds)} of data lost (the recovery point objective, RPO). For each kind of failure, the worst case in this design:`)),
      { kind: 'table', columns: [{ title: 'Failure' }, { title: 'Worst case' }, { title: 'RTO', numeric: true }, { title: 'RPO', numeric: true }, { title: 'Against the tier' }], rows },
    ],
  };
}

function costSection(facts: ProposalFacts, references: ReferenceList): ProposalSection {
  const { cost } = facts;
  const c = cost.currency;
  const layerRange = new Map<string, { low: number; high: number }>();
  for (const component of cost.components) {
    const entry = layerRange.get(component.layer) ?? { low: 0, high: 0 };
    entry.low += component.monthlyCents.low / 100;
    entry.high += component.monthlyCents.high / 100;
    layerRange.set(component.layer, entry);
  }
  const rows: TableRow[] = (Object.keys(cost.byLayer) as Layer[]).map((layer) => {
    const range = layerRange.get(layer);
    return { cells: [LAYER_TITLES[layer] ?? layer, formatMoney(cost.byLayer[layer] ?? 0, c), range ? `${formatMoney(range.low, c)} to ${formatMoney(range.high, c)}` : ''] };
  });
  rows.push({ cells: ['Total', formatMoney(cost.monthly, c), `${formatMoney(cost.range.low, c)} to ${formatMoney(cost.range.high, c)}`], emphasis: true });
  const blocks: Block[] = [
    paragraph(text(`${cost.provider.toUpperCase()} prices at ${COMMITMENT_TITLES[cost.commitment]}, ${cost.hoursPerMonth} hours a month; ${totalCaption(cost)}. The range runs from low to high usage.`)),
    { kind: 'table', columns: [{ title: 'Layer' }, { title: 'Monthly', numeric: true }, { title: 'Range', numeric: true }], rows },
  ];
  const committed = cost.lineItems.filter((line) => line.status === 'priced' && line.commitment !== undefined);
  if (committed.length > 0) blocks.push(paragraph(text(`Commitments: ${committed.length} line${committed.length === 1 ? '' : 's'} priced under ${COMMITMENT_TITLES[cost.commitment]}; the other lines stay on-demand (a commitment does not cover them).`)));
  // Each price source once, cited by number: the references section says what each is.
  const cites = new Map<number, string[]>();
  // Lines share a few sources: each source and kind is made a reference and cited once (a 5,000-component design has about 20,000 priced lines).
  const citeOf = new Map<SourceKind | undefined, Map<string, number>>();
  for (const line of cost.lineItems) {
    if (line.status !== 'priced' || !line.source) continue;
    let ofKind = citeOf.get(line.sourceKind);
    if (ofKind === undefined) citeOf.set(line.sourceKind, (ofKind = new Map()));
    let n = ofKind.get(line.source);
    if (n === undefined) ofKind.set(line.source, (n = references.cite(priceReference(line.source, line.sourceKind))));
    const dates = cites.get(n) ?? [];
    if (line.asOf && !dates.includes(line.asOf)) dates.push(line.asOf);
    cites.set(n, dates);
  }
  if (cites.size > 0) {
    blocks.push(paragraph(text('Prices come from these sources, with the date of each price:')));
    blocks.push({ kind: 'list', items: [...cites].sort(([a], [b]) => a - b).map(([n, dates]) => [{ text: `${references.references[n - 1]!.title}, as of ${dates.sort().join(', ') || 'an unstated date'}`, cite: n }]) });
  }
  return { id: 'cost', title: 'Cost', appendix: false, blocks };
}

function assumptionsSection(facts: ProposalFacts, references: ReferenceList): ProposalSection {
  const { analysis, cost } = facts;
  const items: Inline[][] = analysis.assumptions.map((a) => {
    const cited = assumptionReferences(a.source).map((r) => references.cite(r));
    return [text(`${a.text}${a.heuristic ? ' (an order of magnitude, not a measurement)' : ''}`), ...cited.map((n) => ({ text: '', cite: n }))];
  });
  for (const note of cost.notes) items.push([text(note)]);
  const usage = cost.assumptions.filter((u) => u.origin === 'default');
  if (usage.length > 0) items.push([text(`Usage the design does not state is priced at defaults: ${usage.slice(0, 30).map((u) => `${u.componentId} ${u.label} ${u.value === null ? 'unset' : `${u.value.toLocaleString('en-US')} ${u.unit}`}`).join('; ')}${usage.length > 30 ? `; and ${usage.length - 30} more` : ''}.`)]);
  const derived = cost.assumptions.filter((u) => u.origin === 'traffic');
  if (derived.length > 0) items.push([text(`Usage derived from the users' stated traffic: ${derived.slice(0, 30).map((u) => `${u.componentId} ${u.label} ${u.value === null ? 'unset' : `${u.value.toLocaleString('en-US')} ${u.unit}`}${u.derivation ? ` (${u.derivation})` : ''}`).join('; ')}${derived.length > 30 ? `; and ${derived.length - 30} more` : ''}.`)]);
  const exclusions: Inline[][] = [
    [text('Taxes, the provider\'s support plan, software licences and the team\'s own time are not in the cost.')],
    ...cost.unpriced.slice(0, 40).map((line) => [text(`Not in the total: ${line.componentId} ${line.what}: ${line.reason || line.status}.`)]),
  ];
  if (cost.unpriced.length > 40) exclusions.push([text(`And ${cost.unpriced.length - 40} more lines not in the total ("ninesmith cost" lists each).`)]);
  return {
    id: 'assumptions',
    title: 'Assumptions and exclusions',
    appendix: false,
    blocks: [{ kind: 'heading', text: 'Assumptions' }, { kind: 'list', items }, { kind: 'heading', text: 'Exclusions' }, { kind: 'list', items: exclusions }],
  };
}

function nextStepsSection(facts: ProposalFacts, effects: ReadonlyMap<Finding, FixEffect>, appendices: ProposalAppendices): ProposalSection {
  const { design, analysis, cost } = facts;
  const open = analysis.findings.filter((f) => !f.suppressed);
  const steps: Inline[][] = [];
  const first = open.filter((f) => f.severity === 'critical' || f.severity === 'high').slice(0, 5);
  if (first.length > 0) steps.push([text(`Decide on the high and critical risks: ${joinNames(first.map((f) => (effects.get(f)?.label ?? f.title).replace(/\.$/, '')))}${open.length > first.length ? `, then the other ${open.length - first.length} open risks` : ''}. For each, change the design or accept it with a stated reason.`)]);
  else if (open.length > 0) steps.push([text(`Review the ${open.length} open risk${open.length === 1 ? '' : 's'} in the register and change the design or accept each with a stated reason.`)]);
  const usage = cost.assumptions.filter((u) => u.origin === 'default').length;
  if (usage > 0) steps.push([text(`Confirm the ${usage} usage figure${usage === 1 ? '' : 's'} priced at defaults, so the cost rests on expected traffic and storage.`)]);
  const untested = design.regions.filter((r) => (r.role ?? 'primary') !== 'primary' && (r.failoverTestedDays === undefined || r.failoverTestedDays === null));
  if (untested.length > 0) steps.push([text(`Exercise a failover to ${joinNames(untested.map((r) => r.name ?? r.id))}: it has never been tested.`)]);
  if (appendices.deliversRunbooks) steps.push([text('Name an owner and an on-call rota in each runbook (Appendix A), and rehearse the region and database runbooks.')]);
  if (appendices.deliversTerraform) steps.push([text('Fill in the values the infrastructure code asks for (Appendix B, terraform/README.md), plan it in a test account, then apply it.')]);
  steps.push([text('Agree the service tier and the journeys\' targets with the business owners, then sign off the design.')]);
  return { id: 'next-steps', title: 'Next steps', appendix: false, blocks: [{ kind: 'list', items: steps }] };
}

/** The lines of `text` (as many as splitting it at each newline gives), counted without copying it: the Terraform files run to megabytes. */
function lineCount(text: string): number {
  let count = 1;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) count += 1;
  return count;
}

/** The README as preformatted text, cut at a line past MAX_README_CHARACTERS with a note of what is left out. */
function readmeBlocks(contents: string): Block[] {
  const whole = contents.trimEnd();
  if (whole.length <= MAX_README_CHARACTERS) return [{ kind: 'preformatted', text: whole }];
  const cut = whole.lastIndexOf('\n', MAX_README_CHARACTERS);
  const quoted = whole.slice(0, cut > 0 ? cut : MAX_README_CHARACTERS);
  const omitted = lineCount(whole) - lineCount(quoted);
  return [
    { kind: 'preformatted', text: quoted },
    paragraph(text(`The README goes on for ${omitted.toLocaleString('en-US')} more line${omitted === 1 ? '' : 's'} (mostly inputs to fill in), not printed here: read them in terraform/README.md.`)),
  ];
}

/**
 * What the proposal reads of the runbooks and infrastructure code delivered with it: each runbook's
 * title, the text of those its appendix gives in full, each code file's counts and the Terraform
 * README. A few hundred kilobytes where the files run to a hundred megabytes at 20,000 components:
 * the command line writes the files and lets go of them before it builds the proposal.
 */
export interface ProposalAppendices {
  /** Every runbook but the README, in order; `contents` for those given in full. */
  readonly runbooks: readonly { readonly path: string; readonly title: string; readonly contents?: string }[];
  readonly code: readonly { readonly path: string; readonly counts: CodeCounts }[];
  readonly readme?: string;
  readonly deliversRunbooks: boolean;
  readonly deliversTerraform: boolean;
}

/** What the appendices read of `files` (see ProposalAppendices). */
export function proposalAppendices(files: readonly GeneratedFile[]): ProposalAppendices {
  const runbookFiles = files.filter((f) => f.path.startsWith('runbooks/') && f.path !== 'runbooks/README.md' && typeof f.contents === 'string');
  let budget = MAX_RUNBOOK_CHARACTERS;
  const runbooks = runbookFiles.map((file, i) => {
    const fits = i < MAX_RUNBOOKS_IN_FULL && file.contents.length <= budget;
    if (fits) budget -= file.contents.length;
    const title = /^# (.*)$/m.exec(file.contents)?.[1] ?? file.path;
    return fits ? { path: file.path, title, contents: file.contents } : { path: file.path, title };
  });
  const codeFiles = files.filter((f) => f.path.startsWith('terraform/') || f.path.startsWith('helm/'));
  // Bytes when the file has them: reading `contents` would decode a Terraform file of tens of megabytes.
  const code = codeFiles.map((file) => ({ path: file.path, counts: file.utf8 ? codeCountsOfUtf8(file.utf8) : codeCounts(typeof file.contents === 'string' ? file.contents : '') }));
  const readme = codeFiles.find((f) => f.path === 'terraform/README.md');
  return {
    runbooks,
    code,
    ...(readme && typeof readme.contents === 'string' ? { readme: readme.contents } : {}),
    deliversRunbooks: files.some((f) => f.path.startsWith('runbooks/')),
    deliversTerraform: files.some((f) => f.path.startsWith('terraform/')),
  };
}

function appendixSections(appendices: ProposalAppendices): ProposalSection[] {
  const sections: ProposalSection[] = [];
  const { runbooks } = appendices;
  if (runbooks.length > 0) {
    const inFull = runbooks.filter((runbook) => runbook.contents !== undefined);
    const listed = runbooks.filter((runbook) => runbook.contents === undefined);
    const blocks: Block[] = [
      paragraph(text(`${runbooks.length} runbook${runbooks.length === 1 ? '' : 's'}, one per failure the design can suffer, are delivered with this proposal in runbooks/. ${listed.length === 0 ? 'Each is given in full here.' : inFull.length === 0 ? 'They are too long to print here, and are listed.' : `${inFull.length} are given in full here; the others, listed, are too many or too long to print.`}`)),
    ];
    for (const runbook of inFull) blocks.push({ kind: 'heading', text: runbook.title }, ...runbookBlocks(runbook.contents!.replace(/^# .*\n+/, ''), runbook.path));
    if (listed.length > 0) blocks.push({ kind: 'list', items: listed.map((runbook) => [text(`${runbook.title} (${runbook.path})`)]) });
    sections.push({ id: 'appendix-runbooks', title: 'Appendix A. Runbooks', appendix: true, blocks });
  }
  const { code, readme } = appendices;
  if (code.length > 0) {
    const rows: TableRow[] = code.map(({ path, counts: { lines, resources } }) => ({ cells: [path, String(lines), resources > 0 ? `${resources} resource${resources === 1 ? '' : 's'}` : ''] }));
    const blocks: Block[] = [
      paragraph(text('The infrastructure code that builds this design is delivered with the proposal. Its files:')),
      { kind: 'table', columns: [{ title: 'File' }, { title: 'Lines', numeric: true }, { title: 'Contents' }], rows },
    ];
    if (readme !== undefined) blocks.push({ kind: 'heading', text: 'terraform/README.md' }, ...readmeBlocks(readme));
    sections.push({ id: 'appendix-code', title: 'Appendix B. Infrastructure code', appendix: true, blocks });
  }
  return sections;
}

/**
 * The proposal of one design for a client: cover, executive summary with the recommendation, the
 * diagram, what the design survives, availability, recovery, cost, the risk register, assumptions
 * and exclusions, next steps, references, and the runbooks and infrastructure code as appendices.
 * Pure and deterministic: no date but the design's own and the prices'.
 */
export function buildProposal(design: Design, options: ProposalOptions = {}): ProposalDocument {
  const facts = proposalFacts(design, options);
  const references = new ReferenceList();
  const effects = fixEffects(facts, options);
  const given = options.appendices ?? [];
  const appendices = isFileList(given) ? proposalAppendices(given) : given;
  const sections: ProposalSection[] = [
    summarySection(facts, effects),
    architectureSection(facts, options.diagram),
    availabilitySection(facts, references),
    recoverySection(facts),
    costSection(facts, references),
    { id: 'risks', title: 'Risk register', appendix: false, blocks: riskRegister(facts, effects) },
    assumptionsSection(facts, references),
    nextStepsSection(facts, effects, appendices),
    ...appendixSections(appendices),
  ];
  return { title: `Proposal: ${design.name}`, cover: coverOf(design, 'Platform design proposal'), sections, references: references.references };
}

function isFileList(appendices: readonly GeneratedFile[] | ProposalAppendices): appendices is readonly GeneratedFile[] {
  return Array.isArray(appendices);
}

export { capitalize };
