import { kindOf, LAYER_TITLES, LAYERS, type Layer } from '../../src/catalog';
import { componentZones, designTier, displayName, formatDuration, type Design } from '../../src/model';
import { analyzeDesign, SEVERITIES, weakestJourney, type DesignAnalysis, type Finding } from '../../src/engine';
import { COMMITMENT_TITLES, estimateCost, FIRST_PARTY_SOURCES, totalCaption, type CatalogSet, type CostReport, type EstimateOptions } from '../../src/engine/cost';
import { formatAvailability, formatDowntime, formatModelled, formatModelledRange, formatEstimate, formatMoney, formatMoneyDelta, formatNines, formatPercent, formatSigned } from '../../src/engine/format';
import {
  compareDesigns,
  describeCostPerNine,
  recoveryByClass,
  SCENARIO_CLASSES,
  SCENARIO_CLASS_TITLES,
} from '../../src/engine/compare';
import { TARGETS } from '../targets';
import type { GeneratedFile, Generator } from '../types';
import { cell, text } from './markdown';

export interface ProposalOptions {
  /** Price catalogs for the cost section (the caller loads them; generators read no files). */
  catalogs?: CatalogSet;
  /** How to price: imported price books, the commitment profile, local usage. */
  estimate?: EstimateOptions;
  /** The design's analysis and cost report, when the caller has them. */
  analysis?: DesignAnalysis;
  cost?: CostReport;
}

export const PROPOSAL_PATH = 'proposal/proposal.md';

/** Findings described one by one; the rest are counted by rule. */
export const MAX_DETAILED_FINDINGS = 50;
/** Findings whose fix is tried on a copy of the design to say what it would change (a whole analysis and pricing each). */
export const MAX_FIX_EFFECTS = 12;

/** What applying a finding's automatic fix would change: cost, the weakest journey, and its cost per nine. */
function fixEffect(design: Design, analysis: DesignAnalysis, cost: CostReport, finding: Finding, catalogs: CatalogSet, estimate: EstimateOptions): string | null {
  if (!finding.autoFix) return null;
  let fixed: Design;
  try {
    fixed = finding.autoFix.apply(design);
  } catch {
    return null;
  }
  const comparison = compareDesigns([
    { design, analysis, cost },
    { design: fixed, cost: estimateCost(fixed, catalogs, estimate) },
  ]);
  const after = comparison.designs[1]!;
  const delta = after.delta!;
  const parts: string[] = [`${text(finding.autoFix.label)}: ${formatMoneyDelta(delta.monthly.expected, cost.currency)} a month`];
  if (delta.weakest.nines !== null && after.weakest) {
    parts.push(`weakest journey ${formatAvailability(after.weakest.percent)}: ${describeCostPerNine(after.costPerNine, cost.currency)}`);
  }
  const changed = comparison.journeys.flatMap((row) => {
    const d = row.cells[1]?.delta;
    return d && d.trend !== 'same' && d.nines !== null ? [`${text(row.name)} ${formatSigned(d.nines, 2)} nines`] : [];
  });
  if (changed.length > 0) parts.push(`journeys: ${changed.join(', ')}`);
  const recovered = comparison.scenarios.flatMap((row) => {
    const d = row.cells[1]?.delta;
    return d && (d.rtoTrend === 'better' || d.rpoTrend === 'better') ? [`${row.title.toLowerCase()}: RTO ${formatEstimate(row.cells[1]!.rto.seconds)}, RPO ${formatEstimate(row.cells[1]!.rpo.seconds)}`] : [];
  });
  if (recovered.length > 0) parts.push(`recovery: ${recovered.join('; ')}`);
  return parts.join('; ');
}

/**
 * A Markdown proposal for a client, for one design: summary, architecture by layer and region,
 * availability per journey with the arithmetic, recovery per failure scenario against the tier's
 * targets, monthly cost by layer with the sources and dates of prices, open findings with what
 * fixing each buys, and the assumptions. Pure and deterministic (no dates but the prices').
 */
export function generateProposal(design: Design, options: ProposalOptions = {}): GeneratedFile[] {
  const catalogs = options.catalogs ?? [];
  const estimate = options.estimate ?? {};
  const analysis = options.analysis ?? analyzeDesign(design);
  const cost = options.cost ?? estimateCost(design, catalogs, estimate);
  const tier = designTier(design);
  const c = cost.currency;
  const out: string[] = [];
  const open = analysis.findings.filter((f) => !f.suppressed);
  const recovery = recoveryByClass(design, analysis);
  const weakest = weakestJourney(analysis.journeys);
  const floorText = (j: (typeof analysis.journeys)[number]) => (j.percent !== null ? formatAvailability(j.percent) : 'unknown');

  // ---- summary
  out.push(`# Proposal: ${text(design.name)}`, '');
  if (design.description) out.push(`Design brief: ${text(design.description)}`, '');
  out.push('## Summary', '');
  out.push(`- **Service tier:** ${text(tier.id)}: availability ${formatPercent(tier.availability)}, recovery time (RTO) ${formatDuration(tier.rtoSeconds)}, data loss (RPO) ${formatDuration(tier.rpoSeconds)}.`);
  out.push(`- **Footprint:** ${design.components.length} components in ${design.regions.length} region${design.regions.length === 1 ? '' : 's'} (${design.regions.map((r) => `${text(r.name ?? r.id)}: ${text(r.location)}, ${r.role ?? 'primary'}, zones ${r.zones.map(text).join(', ')}`).join('; ')}), on ${design.provider.toUpperCase()}.`);
  out.push(`- **Monthly cost:** ${formatMoney(cost.range.expected, c)} expected (${formatMoney(cost.range.low, c)} to ${formatMoney(cost.range.high, c)} with low to high usage), ${formatMoney(cost.range.expected * 12, c)} a year, at ${COMMITMENT_TITLES[cost.commitment]}; ${text(totalCaption(cost))}.`);
  if (weakest) {
    const m = weakest.modelled;
    out.push(
      m
        ? `- **Availability:** the weakest journey, ${text(weakest.name)}, is modelled at ${formatModelled(m.availability, m.low, m.high).value} (${formatModelledRange(m.availability, m.low, m.high)}; ${formatNines(m.nines)} nines, ${formatDowntime(m.downtimeMinutesPerMonth)} of expected downtime a month) against a target of ${formatPercent(weakest.target)}: ${weakest.meetsTarget ? 'met' : 'not met'}. The providers' SLAs commit to ${floorText(weakest)} for it (the SLA floor, with service credits; not a forecast).`
        : `- **Availability:** the weakest journey, ${text(weakest.name)}, cannot work as designed.`,
    );
  }
  const zone = recovery.zone;
  const region = recovery['primary-region'];
  const backIn = (seconds: number | null) => (seconds === null ? 'no bound on when service returns' : `service back in ${formatDuration(seconds)}`);
  const lost = (seconds: number | null) => (seconds === null ? 'some data cannot be recovered' : `data lost ${formatDuration(seconds)}`);
  if (zone) out.push(`- **Losing a zone:** ${backIn(zone.rto.seconds)} (target ${formatDuration(tier.rtoSeconds)}), ${lost(zone.rpo.seconds)} (target ${formatDuration(tier.rpoSeconds)}).`);
  if (region) out.push(`- **Losing the primary region:** ${backIn(region.rto.seconds)}, ${lost(region.rpo.seconds)}.`);
  out.push(`- **Open findings:** ${open.length === 0 ? 'none' : [...SEVERITIES].reverse().filter((s) => analysis.scorecard.findings[s] > 0).map((s) => `${analysis.scorecard.findings[s]} ${s}`).join(', ')}${analysis.scorecard.suppressed > 0 ? ` (${analysis.scorecard.suppressed} accepted with a reason)` : ''}.`);
  out.push('');

  // ---- architecture
  out.push('## Architecture by layer and region', '', '| Layer | Region | Component | Kind | Placement |', '| --- | --- | --- | --- | --- |');
  const regionName = new Map(design.regions.map((r) => [r.id, `${text(r.name ?? r.id)} (${text(r.location)})`]));
  const rows = design.components.map((component) => {
    const kind = kindOf(component);
    return { layer: kind.layer, region: component.region, component, kind };
  });
  rows.sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || (a.region ?? '').localeCompare(b.region ?? '') || a.component.id.localeCompare(b.component.id));
  for (const row of rows) {
    const zones = row.component.region === undefined ? 'global' : `zones ${componentZones(design, row.component).map(text).join(', ')}`;
    const replicas = row.component.replicas !== undefined && row.component.replicas > 1 ? `, ${row.component.replicas} instances` : '';
    out.push(`| ${LAYER_TITLES[row.layer]} | ${row.component.region === undefined ? 'global' : (regionName.get(row.component.region) ?? text(row.component.region))} | ${cell(displayName(row.component))} (\`${row.component.id}\`) | ${text(row.kind.title)} | ${zones}${replicas} |`);
  }
  out.push('');

  // ---- availability
  out.push('## Availability per journey', '');
  out.push(
    'The modelled availability is the expected figure: each failure (an instance, a zone, a region, a provider service, a release, corrupted data) at its published or assumed rate, lasting as long as this design takes to recover from it; the range comes from the uncertainty of the rates. The SLA floor multiplies the published SLAs of every component a journey cannot do without: what the providers commit to, with service credits, not a forecast.',
    '',
  );
  out.push('| Journey | Modelled availability | Range | Expected downtime a month | SLA floor | Target |', '| --- | ---: | ---: | ---: | ---: | --- |');
  for (const j of analysis.journeys) {
    const m = j.modelled;
    out.push(
      m
        ? `| ${cell(j.name)} | ${formatModelled(m.availability, m.low, m.high).value} | ${formatModelledRange(m.availability, m.low, m.high)} | ${formatDowntime(m.downtimeMinutesPerMonth)} | ${floorText(j)} | ${formatPercent(j.target)} ${j.meetsTarget ? 'met' : 'not met'} |`
        : `| ${cell(j.name)} | cannot work | | | | ${formatPercent(j.target)} not met |`,
    );
  }
  out.push('');
  for (const j of analysis.journeys) {
    const caps = j.modelled?.contributors.slice(0, 3).map((c) => `${text(c.title)} (${formatDowntime(c.minutesPerMonth)} a month)`) ?? [];
    out.push(`- **${text(j.name)}:** ${caps.length > 0 ? `most expected downtime from ${caps.join('; ')}. ` : ''}${text(j.explanation)}`);
  }
  out.push('');

  // ---- recovery
  out.push('## Recovery per failure scenario', '', `Targets of the ${text(tier.id)} tier: RTO ${formatDuration(tier.rtoSeconds)}, RPO ${formatDuration(tier.rpoSeconds)}.`, '');
  out.push('| Scenario | Worst case | RTO | RPO | Against the targets |', '| --- | --- | ---: | ---: | --- |');
  for (const scenarioClass of SCENARIO_CLASSES) {
    const value = recovery[scenarioClass];
    if (!value) {
      out.push(`| ${SCENARIO_CLASS_TITLES[scenarioClass]} | none in this design | | | |`);
      continue;
    }
    const worstCase = value.rto.scenario === value.rpo.scenario ? cell(value.rto.title) : `${cell(value.rto.title)} (RTO); ${cell(value.rpo.title)} (RPO)`;
    out.push(`| ${SCENARIO_CLASS_TITLES[scenarioClass]} | ${worstCase} | ${formatEstimate(value.rto.seconds)} | ${formatEstimate(value.rpo.seconds)} | RTO ${value.meetsRto ? 'met' : 'missed'}, RPO ${value.meetsRpo ? 'met' : 'missed'} |`);
  }
  out.push('');

  // ---- cost
  out.push('## Monthly cost by layer', '', `${cost.provider.toUpperCase()} ${COMMITMENT_TITLES[cost.commitment]}, ${cost.hoursPerMonth} hours a month, expected usage; ${text(totalCaption(cost))}.`, '');
  out.push('| Layer | Monthly |', '| --- | ---: |');
  for (const layer of Object.keys(cost.byLayer) as Layer[]) out.push(`| ${LAYER_TITLES[layer] ?? text(layer)} | ${formatMoney(cost.byLayer[layer] ?? 0, c)} |`);
  out.push(`| **Total** | **${formatMoney(cost.monthly, c)}** |`, '');
  const sources = new Map<string, Set<string>>();
  for (const line of cost.lineItems) {
    if (line.status !== 'priced' || !line.source) continue;
    const label = line.sourceKind !== undefined && !FIRST_PARTY_SOURCES.has(line.sourceKind) ? `${line.source} [not a first-party source: ${line.sourceKind}]` : line.source;
    const dates = sources.get(label) ?? new Set<string>();
    if (line.asOf) dates.add(line.asOf);
    sources.set(label, dates);
  }
  if (sources.size > 0) {
    out.push('Prices and their sources:', '');
    for (const [source, dates] of [...sources].sort(([a], [b]) => a.localeCompare(b))) out.push(`- ${text(source)} (as of ${[...dates].sort().map(text).join(', ')})`);
    out.push('');
  }
  // How each size, traffic figure and commitment was read: the assumptions behind the figures above.
  const ownNotes = (notes: readonly string[]) => notes.filter((n) => !n.startsWith('not a first-party source') && !n.startsWith('uncertain:'));
  const readings = cost.lineItems.filter((line) => line.status === 'priced' && (line.commitment !== undefined || ownNotes(line.notes).length > 0));
  if (readings.length > 0) {
    out.push('How sizes, traffic and commitments were priced:', '');
    for (const line of readings.slice(0, 40)) {
      const notes = ownNotes(line.notes);
      out.push(`- \`${line.componentId}\` ${text(line.what)}: ${text([...(line.commitment ? [line.commitment] : []), ...notes].join('; '))}`);
    }
    if (readings.length > 40) out.push(`- and ${readings.length - 40} more lines (ninesmith cost lists each)`);
    out.push('');
  }
  if (cost.unpriced.length > 0) {
    out.push('Not in the total:', '');
    for (const line of cost.unpriced) out.push(`- \`${line.componentId}\` ${text(line.what)}: ${text(line.reason)}`);
    out.push('');
  }

  // ---- findings
  out.push('## Open findings and what fixing them buys', '');
  if (open.length === 0) out.push('None: every rule passes, or its finding is accepted with a reason.', '');
  // Each fix's effect is a whole analysis and pricing of the fixed design: worth it for the findings a
  // reader acts on first, not for thousands on a generated design (that would take minutes).
  const detailed = open.slice(0, MAX_DETAILED_FINDINGS);
  let effectsTried = 0;
  for (const finding of detailed) {
    out.push(`### ${finding.severity[0]!.toUpperCase()}${finding.severity.slice(1)}: ${text(finding.title)}`, '');
    out.push(text(finding.message), '');
    out.push(`- **Fix:** ${text(finding.fix)}`);
    const effect = finding.autoFix && effectsTried < MAX_FIX_EFFECTS ? fixEffect(design, analysis, cost, finding, catalogs, estimate) : null;
    if (finding.autoFix) effectsTried += 1;
    if (effect) out.push(`- **Applying the suggested change:** ${effect}.`);
    out.push(`- **Components:** ${finding.components.map((id) => `\`${id}\``).join(', ') || 'the whole design'}`, '');
  }
  if (open.length > detailed.length) {
    const rest = new Map<string, { title: string; severity: string; count: number }>();
    for (const finding of open.slice(detailed.length)) {
      const entry = rest.get(finding.rule) ?? { title: finding.title, severity: finding.severity, count: 0 };
      entry.count += 1;
      rest.set(finding.rule, entry);
    }
    out.push(`And ${open.length - detailed.length} more findings, by rule (\`ninesmith validate\` lists each):`, '');
    for (const [rule, entry] of rest) out.push(`- \`${rule}\` (${entry.severity}): ${text(entry.title)}, ${entry.count}`);
    out.push('');
  }

  // ---- assumptions
  out.push('## Assumptions', '');
  for (const a of analysis.assumptions) out.push(`- ${text(a.text)} Source: ${text(a.source)}${a.heuristic ? ' (an order of magnitude, not a measurement)' : ''}.`);
  for (const note of cost.notes) out.push(`- ${text(note)}`);
  const usage = cost.assumptions.filter((u) => u.origin === 'default');
  if (usage.length > 0) out.push(`- Usage not stated in the design is priced at defaults: ${usage.map((u) => `\`${u.componentId}\` ${text(u.label)} ${u.value === null ? 'unset' : `${u.value} ${text(u.unit)}`}`).join('; ')}.`);
  const derived = cost.assumptions.filter((u) => u.origin === 'traffic');
  if (derived.length > 0) out.push(`- Usage derived from the users' stated traffic: ${derived.map((u) => `\`${u.componentId}\` ${text(u.label)} ${u.value === null ? 'unset' : `${u.value.toLocaleString('en-US')} ${text(u.unit)}`}${u.derivation ? ` (${text(u.derivation)})` : ''}`).join('; ')}.`);
  out.push('');

  return [{ path: PROPOSAL_PATH, contents: `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n` }];
}

export const proposalTarget: Generator = {
  ...TARGETS.proposal,
  generate: ({ design, catalogs, estimate }) => generateProposal(design, { catalogs, estimate }),
};
