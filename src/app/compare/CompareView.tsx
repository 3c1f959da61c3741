import { QueryClientProvider } from '@tanstack/react-query';
import { useDeferredValue, useState, type ReactNode } from 'react';
import type { Provider } from '../../model';
import { formatDuration } from '../../model';
import { SEVERITIES } from '../../engine';
import { COMMITMENTS, type Commitment, type PriceCatalog } from '../../engine/cost';
import { formatAvailability, formatDowntime, formatModelled, formatModelledRange, formatDurationDelta, formatEstimate, formatMoney, formatMoneyDelta, formatNines, formatSigned } from '../../engine/format';
import {
  MAX_COMPARED,
  compareMarkdown,
  describeCostPerNine,
  shortCostPerNine,
  type ComparedDesign,
  type CostPerNine,
  type DesignComparison,
  type Trend,
  type CompareEntry,
} from '../../engine/compare';
import { costQueryClient, useCatalog } from '../panels/cost/catalogs';
import { useLocalAdjustments } from '../panels/cost/local-settings';
import { usePriceBooks } from '../panels/cost/price-book';
import { Dialog } from '../shell/Dialog';
import { notify } from '../store';
import { OPEN_DESIGN, useChoices, useChosenDesigns, type Choice } from './choices';
import { useComparison } from './use-comparison';
import { OptionsProposalButtons } from './OptionsProposalButtons';
import './compare.css';

export default function CompareView({ onClose }: { onClose: () => void }) {
  return (
    <QueryClientProvider client={costQueryClient}>
      <Dialog title="Compare designs" testId="compare-view" onClose={onClose} wide>
        <CompareBody />
      </Dialog>
    </QueryClientProvider>
  );
}

const NONE = '';

function useCatalogs(): { catalogs: Partial<Record<Provider, PriceCatalog>>; errors: Partial<Record<Provider, string>> } {
  // The three catalogs together are under 100 kB and cached for the session (shared with the cost
  // panel): asking for all three keeps the hooks unconditional; a design uses only its provider's.
  const aws = useCatalog('aws');
  const azure = useCatalog('azure');
  const gcp = useCatalog('gcp');
  const catalogs: Partial<Record<Provider, PriceCatalog>> = {};
  const errors: Partial<Record<Provider, string>> = {};
  for (const [provider, query] of [['aws', aws], ['azure', azure], ['gcp', gcp]] as const) {
    if (query.data) catalogs[provider] = query.data.catalog;
    if (query.error) errors[provider] = query.error.message;
  }
  return { catalogs, errors };
}

function CompareBody() {
  const [slots, setSlots] = useState<string[]>(() => [OPEN_DESIGN, ...new Array<string>(MAX_COMPARED - 1).fill(NONE)]);
  // Per slot: a commitment profile to price it under ('' = the design's own), so one design can be set beside itself.
  const [slotCommitments, setSlotCommitments] = useState<string[]>(() => new Array<string>(MAX_COMPARED).fill(''));
  const priceBooks = usePriceBooks();
  const choices = useChoices();
  const chosenKeys = slots.filter((key) => key !== NONE);
  const chosenCommitments = slots.flatMap((key, i) => (key === NONE ? [] : [(slotCommitments[i] || undefined) as Commitment | undefined]));
  const chosen = useChosenDesigns(chosenKeys);
  const { catalogs, errors } = useCatalogs();
  const adjustments = useLocalAdjustments();
  const labels = chosenKeys.map((key) => choices.find((c) => c.key === key)?.label ?? key);
  const designs = chosen.map((c) => (c.status === 'ready' ? c.design : undefined));
  // The pickers answer at once; the comparison follows in a deferred render.
  // One deferred value per slot (at most four): the array itself is new on every render.
  const deferredDesigns = [useDeferredValue(designs[0]), useDeferredValue(designs[1]), useDeferredValue(designs[2]), useDeferredValue(designs[3])];
  const stale = deferredDesigns.some((design, i) => design !== designs[i]);
  const result = useComparison(deferredDesigns, labels, catalogs, adjustments, priceBooks, chosenCommitments);
  const problems = chosen.flatMap((c, i) => (c.status === 'error' ? [`${labels[i]}: ${c.message}`] : []));
  for (const design of designs) if (design && errors[design.provider]) problems.push(errors[design.provider]!);

  return (
    <div className="compare-view">
      <p className="muted">
        Put two to four designs side by side. Differences are against the first. Availability is modelled (expected, from failure rates and each design's recovery times), with the SLA floor beside it; “per added nine” is the extra monthly cost divided by the modelled nines gained.
      </p>
      <div className="compare-pickers">
        {slots.map((key, i) => (
          <label key={i}>
            <span>{i === 0 ? 'First (baseline)' : `Design ${i + 1}`}</span>
            <select
              value={key}
              data-testid={`compare-slot-${i}`}
              onChange={(event) => setSlots((current) => current.map((k, j) => (j === i ? event.target.value : k)))}
            >
              <option value={NONE}>{i < 2 ? 'Choose a design…' : '(none)'}</option>
              <ChoiceOptions choices={choices} />
            </select>
            <select
              value={slotCommitments[i]}
              aria-label={`Commitment profile of ${i === 0 ? 'the first design' : `design ${i + 1}`}`}
              data-testid={`compare-commitment-${i}`}
              onChange={(event) => setSlotCommitments((current) => current.map((c, j) => (j === i ? event.target.value : c)))}
            >
              <option value="">its own pricing</option>
              {COMMITMENTS.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {problems.length > 0 && (
        <ul className="compare-problems" role="alert" data-testid="compare-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {result.status === 'ready' ? (
        <ComparisonTable comparison={result.comparison} stale={stale} entries={result.entries} />
      ) : (
        <p className="muted" data-testid="compare-status">
          {result.status === 'error' ? result.message : chosen.some((c) => c.status === 'loading') ? 'Loading designs…' : result.reason}
        </p>
      )}
    </div>
  );
}

function ChoiceOptions({ choices }: { choices: readonly Choice[] }) {
  const groups = ['Open design', 'Library', 'Templates'] as const;
  return (
    <>
      {groups.map((group) => {
        const items = choices.filter((c) => c.group === group);
        return items.length === 0 ? null : (
          <optgroup key={group} label={group}>
            {items.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

// ---- the table -----------------------------------------------------------------------------

function Delta({ text, trend }: { text: string; trend: Trend }) {
  if (text === '') return null;
  return <span className={`compare-delta trend-${trend === 'n/a' ? 'na' : trend}`}>{text}</span>;
}

/** Fewer is better for cost: "worse" reads as red even when the figure went up. */
function costTrend(d: ComparedDesign): Trend {
  return d.delta?.monthlyTrend ?? 'n/a';
}

function nineTrend(value: CostPerNine): Trend {
  switch (value.kind) {
    case 'cheaper-and-better':
      return 'better';
    case 'worse':
      return 'worse';
    case 'no-gain':
      return value.extraMonthly > 0 ? 'worse' : 'same';
    default:
      return 'n/a';
  }
}

/** The comparison as the Markdown of `ninesmith compare --format markdown`, for a proposal. */
async function copyMarkdown(comparison: DesignComparison): Promise<void> {
  try {
    await navigator.clipboard.writeText(compareMarkdown(comparison));
    notify('info', 'Comparison copied as Markdown');
  } catch (error) {
    notify('error', 'The comparison could not be copied', [error instanceof Error ? error.message : String(error)]);
  }
}

function Section({ title, columns, children }: { title: string; columns: number; children: ReactNode }) {
  return (
    <tbody>
      <tr className="compare-section">
        <th colSpan={columns + 1} scope="colgroup">
          {title}
        </th>
      </tr>
      {children}
    </tbody>
  );
}

function ComparisonTable({ comparison, stale, entries }: { comparison: DesignComparison; stale: boolean; entries?: readonly CompareEntry[] }) {
  const designs = comparison.designs;
  const columns = designs.length;
  return (
    <div className={`compare-scroll${stale ? ' compare-stale' : ''}`} aria-busy={stale}>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th />
            {designs.map((d) => (
              <th key={d.index} scope="col" data-testid={`compare-design-${d.index}`}>
                {d.name}
                <small className="muted">
                  {d.label !== d.name ? `${d.label} · ` : ''}
                  {d.index === 0 ? 'baseline' : `vs ${designs[0]!.name}`}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <Section title="Cost (on-demand list prices, expected usage)" columns={columns}>
          <tr>
            <th scope="row">Monthly</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-monthly-${d.index}`} data-value={d.cost.monthly.expected}>
                <strong>{formatMoney(d.cost.monthly.expected, d.cost.currency)}</strong>
                {d.delta && (
                  <Delta
                    trend={costTrend(d)}
                    text={d.delta.monthlyTrend === 'n/a' ? 'not comparable' : `${formatMoneyDelta(d.delta.monthly.expected, d.cost.currency)}${d.delta.monthlyPercent === null ? '' : ` (${formatSigned(d.delta.monthlyPercent, 1, '%')})`}`}
                  />
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="sub">Range (low to high usage)</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-range-${d.index}`}>
                {formatMoney(d.cost.monthly.low, d.cost.currency)} to {formatMoney(d.cost.monthly.high, d.cost.currency)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Yearly</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-yearly-${d.index}`} data-value={d.cost.yearly.expected}>
                {formatMoney(d.cost.yearly.expected, d.cost.currency)}
                {d.delta && d.delta.monthlyTrend !== 'n/a' && <Delta trend={costTrend(d)} text={formatMoneyDelta(d.delta.yearly.expected, d.cost.currency)} />}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="sub">Prices as of · lines not priced</th>
            {designs.map((d) => (
              <td key={d.index} className="muted">
                {d.cost.asOf} · {d.cost.unpricedLines}
              </td>
            ))}
          </tr>
        </Section>
        <Section title="What each added nine costs (modelled availability)" columns={columns}>
          <tr>
            <th scope="row">Weakest journey</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-weakest-${d.index}`} data-value={d.weakest?.percent ?? ''}>
                {d.weakest ? (
                  <>
                    {d.weakest.name}: <strong>{formatModelled(d.weakest.percent, d.weakest.low, d.weakest.high).value}</strong> modelled ({formatNines(d.weakest.nines)} nines), {formatDowntime(d.weakest.downtimeMinutesPerMonth)} expected down a month
                    <small className="muted compare-floor">SLA floor {d.weakest.floor === null ? 'unknown' : formatAvailability(d.weakest.floor)}</small>
                  </>
                ) : (
                  'no journeys'
                )}
                {d.delta && d.delta.weakest.nines !== null && <Delta trend={d.delta.weakest.trend} text={`${formatSigned(d.delta.weakest.nines, 2)} nines`} />}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Per added nine</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-cost-per-nine-${d.index}`} data-kind={d.costPerNine.kind} title={describeCostPerNine(d.costPerNine, d.cost.currency)}>
                <span className={`trend-${nineTrend(d.costPerNine) === 'n/a' ? 'na' : nineTrend(d.costPerNine)}`}>{shortCostPerNine(d.costPerNine, d.cost.currency)}</span>
              </td>
            ))}
          </tr>
        </Section>
        <Section title="Availability per journey (modelled from failure rates; SLA floor beside it)" columns={columns}>
          {comparison.journeys.map((row) => (
            <tr key={row.id} data-testid={`compare-journey-${row.id}`}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, i) => (
                <td key={i} data-testid={`compare-journey-${row.id}-${i}`} data-value={cell?.percent ?? ''}>
                  {cell ? (
                    <>
                      <strong>{formatModelled(cell.percent, cell.low, cell.high).value}</strong> modelled{' '}
                      <span className="muted" data-testid={`compare-journey-${row.id}-${i}-range`}>
                        ({formatModelledRange(cell.percent, cell.low, cell.high)})
                      </span>{' '}
                      · {formatNines(cell.nines)} nines · {formatDowntime(cell.downtimeMinutesPerMonth)}/mo
                      <small className="muted compare-floor" data-testid={`compare-journey-${row.id}-${i}-floor`} title={cell.floorReason ?? "What the providers' SLAs commit to, with service credits: not a forecast"}>
                        SLA floor {cell.floor === null ? 'unknown' : formatAvailability(cell.floor)}
                      </small>
                      {cell.contributors.length > 0 && (
                        <small className="muted compare-caps" data-testid={`compare-journey-${row.id}-${i}-caps`}>
                          Capped by: {cell.contributors.map((c) => `${c.title} (${formatDowntime(c.minutesPerMonth)})`).join('; ')}
                        </small>
                      )}
                      <span className={cell.meetsTarget ? 'compare-target ok' : 'compare-target missed'}>
                        target {cell.target}% {cell.meetsTarget ? 'met' : 'missed'}
                      </span>
                      {cell.delta && cell.delta.nines !== null && <Delta trend={cell.delta.trend} text={`${formatSigned(cell.delta.nines, 2)} nines, ${formatSigned(cell.delta.downtimeMinutesPerMonth ?? 0, 1, ' min')}`} />}
                      {cell.costPerNine.kind !== 'baseline' && (
                        <span className="compare-per-nine" title={describeCostPerNine(cell.costPerNine, designs[i]!.cost.currency)}>
                          {shortCostPerNine(cell.costPerNine, designs[i]!.cost.currency)}
                        </span>
                      )}
                    </>
                  ) : (
                    <span className="muted">missing in this design</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </Section>
        <Section title="Recovery (worst estimate per failure scenario class)" columns={columns}>
          {comparison.scenarios.map((row) => (
            <tr key={row.class}>
              <th scope="row">{row.title}</th>
              {row.cells.map((cell, i) => (
                <td key={i} data-testid={`compare-scenario-${row.class}-${i}`} data-rto={cell?.rto.seconds ?? ''} data-rpo={cell?.rpo.seconds ?? ''}>
                  {cell ? (
                    <>
                      <span className={cell.meetsRto ? 'ok' : 'missed'}>RTO {formatEstimate(cell.rto.seconds)}</span> ·{' '}
                      <span className={cell.meetsRpo ? 'ok' : 'missed'}>RPO {formatEstimate(cell.rpo.seconds)}</span>
                      <small className="muted compare-scenario-title">{cell.rto.title}</small>
                      {cell.delta && (
                        <>
                          <Delta trend={cell.delta.rtoTrend} text={`RTO ${formatDurationDelta(cell.delta.rtoSeconds, cell.delta.rtoTrend)}`} />
                          <Delta trend={cell.delta.rpoTrend} text={`RPO ${formatDurationDelta(cell.delta.rpoSeconds, cell.delta.rpoTrend)}`} />
                        </>
                      )}
                    </>
                  ) : (
                    <span className="muted">no such scenario</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className="sub">Tier targets</th>
            {designs.map((d) => (
              <td key={d.index} className="muted">
                {d.tier.id}: {d.tier.availability}%, RTO {formatDuration(d.tier.rtoSeconds)}, RPO {formatDuration(d.tier.rpoSeconds)}
              </td>
            ))}
          </tr>
        </Section>
        <Section title="Open findings and size" columns={columns}>
          <tr>
            <th scope="row">Findings</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-findings-${d.index}`} data-value={d.openFindings}>
                {[...SEVERITIES].reverse().map((severity) => (
                  <span key={severity} className={`compare-severity sev-${severity}`} title={severity}>
                    {d.findings[severity]} {severity}
                  </span>
                ))}
                {d.delta && <Delta trend={d.delta.findingsTrend} text={d.delta.findingsTrend === 'same' ? '' : d.delta.findingsTrend === 'better' ? 'fewer severe findings' : 'more severe findings'} />}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Components · regions · zones</th>
            {designs.map((d) => (
              <td key={d.index} data-testid={`compare-size-${d.index}`} data-components={d.counts.components} data-regions={d.counts.regions}>
                {d.counts.components} · {d.counts.regions} · {d.counts.zones}
                {d.delta && <Delta trend="n/a" text={`${formatSigned(d.delta.components, 0)} · ${formatSigned(d.delta.regions, 0)} · ${formatSigned(d.delta.zones, 0)}`} />}
              </td>
            ))}
          </tr>
        </Section>
      </table>
      {designs.length > 1 && (
        <section className="compare-verdicts" data-testid="compare-verdicts">
          <h3>
            Is it worth it?{' '}
            <button type="button" className="ns-button" data-testid="compare-copy-markdown" onClick={() => void copyMarkdown(comparison)}>
              Copy as Markdown
            </button>
            {entries && <OptionsProposalButtons entries={entries} />}
          </h3>
          {designs.slice(1).map((d) => (
            <p key={d.index}>
              <strong>{d.name}</strong>: {d.delta && d.delta.monthlyTrend !== 'n/a' ? `${formatMoneyDelta(d.delta.monthly.expected, d.cost.currency)} a month against ${designs[0]!.name}. ` : ''}
              {d.weakest ? `Weakest journey by modelled availability (${d.weakest.name}): ${describeCostPerNine(d.costPerNine, d.cost.currency)}.` : ''}
            </p>
          ))}
          <ul className="muted compare-notes">
            {comparison.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

