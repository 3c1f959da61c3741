import { QueryClientProvider } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { COMMITMENT_TITLES, COMMITMENTS, COST_PROFILES, estimateCost, totalCaption, type Commitment, type CostProfile, type CostReport, type PriceCatalog, type UsageAssumption } from '../../../engine/cost';
import { priceAdjustmentSchema, pricingSettingsSchema, type Design, type PriceAdjustment } from '../../../model';
import { setCommitment, setPriceAdjustments, setUsageInput } from '../../commands';
import { InlineField, readNumber } from '../../components/fields';
import { selectComponents, useModel } from '../../store';
import { costQueryClient, useCatalog } from './catalogs';
import { formatMoney, LINE_STATUS_LABELS } from '../../../engine/format';
import { LayerChart } from './LayerChart';
import { setLocalAdjustments, useLocalAdjustments } from './local-settings';
import { clearPriceBook, importPriceBookFile, usePriceBooks } from './price-book';
import './cost.css';

export default function CostPanel() {
  return (
    <QueryClientProvider client={costQueryClient}>
      <CostView />
    </QueryClientProvider>
  );
}

function CostView() {
  // The model changes identity only on real edits (never on drags); deferring keeps typing smooth on large designs.
  const design = useDeferredValue(useModel());
  const catalog = useCatalog(design.provider);
  const localAdjustments = useLocalAdjustments();
  const priceBooks = usePriceBooks();
  const [profile, setProfile] = useState<CostProfile | undefined>(undefined);
  const [showAssumptions, setShowAssumptions] = useState(false);
  const report = useMemo(
    () => (catalog.data ? estimateCost(design, [catalog.data.catalog], { adjustments: localAdjustments, imported: priceBooks, ...(profile ? { profile } : {}) }) : undefined),
    [design, catalog.data, localAdjustments, priceBooks, profile],
  );

  if (catalog.isPending) return <p className="panel-empty">Loading {design.provider.toUpperCase()} prices…</p>;
  if (catalog.error || !report) return <p className="cost-error" role="alert">{catalog.error?.message ?? 'No price catalog.'}</p>;
  const currency = report.currency;

  return (
    <div className="cost-panel" data-testid="cost-panel">
      <section className="cost-summary">
        <div className="cost-total-label">Monthly ({report.profile})</div>
        <div className="cost-total" data-testid="cost-total">{formatMoney(report.monthly, currency)}</div>
        <div className="cost-range" data-testid="cost-range">
          range {formatMoney(report.range.low, currency)} to {formatMoney(report.range.high, currency)} · {formatMoney(report.yearly, currency)} a year
        </div>
        <div className={report.excluded.lines > 0 ? 'cost-caption cost-caption-partial' : 'cost-caption'} data-testid="cost-caption">
          {totalCaption(report)}
          {catalog.data?.origin === 'offline copy' ? ' (offline copy of the catalog)' : ''}
        </div>
        <div className="cost-controls">
          <label>
            Profile{' '}
            <select value={report.profile} onChange={(e) => setProfile(e.target.value as CostProfile)} data-testid="cost-profile">
              {COST_PROFILES.map((p) => (
                <option key={p} value={p}>{p}</option>
              ))}
            </select>
          </label>
          <label>
            Commitment{' '}
            <select
              value={report.commitment}
              title={COMMITMENT_TITLES[report.commitment]}
              onChange={(e) => setCommitment(e.target.value as Commitment)}
              data-testid="cost-commitment"
            >
              {COMMITMENTS.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setShowAssumptions((v) => !v)} aria-expanded={showAssumptions} data-testid="cost-assumptions-toggle">
            Assumptions ({report.assumptions.length})
          </button>
        </div>
      </section>

      {showAssumptions && <Assumptions design={design} assumptions={report.assumptions} />}

      <section>
        <h3>By layer</h3>
        <LayerChart byLayer={report.byLayer} currency={currency} />
      </section>

      <section>
        <h3>By region</h3>
        <table className="cost-table" data-testid="cost-regions">
          <tbody>
            {Object.entries(report.byRegion).map(([region, amount]) => (
              <tr key={region}>
                <td>{region}{regionLocation(design, region)}</td>
                <td className="cost-amount">{formatMoney(amount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <ComponentTable report={report} />
      <PriceBookSection books={priceBooks} provider={design.provider} />
      <Adjustments design={design} report={report} localAdjustments={localAdjustments} />

      <section>
        <h3>Notes</h3>
        <ul className="cost-notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function regionLocation(design: Design, regionId: string): string {
  const location = design.regions.find((r) => r.id === regionId)?.location;
  return location ? ` (${location})` : '';
}

function ComponentTable({ report }: { report: CostReport }) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  const rows = useMemo(() => [...report.components].sort((a, b) => b.monthlyCents[report.profile] - a.monthlyCents[report.profile] || a.id.localeCompare(b.id)), [report]);
  const lines = useMemo(() => {
    const byComponent = new Map<string, CostReport['lineItems']>();
    for (const line of report.lineItems) byComponent.set(line.componentId, [...(byComponent.get(line.componentId) ?? []), line]);
    return byComponent;
  }, [report]);
  // Very large designs: show the costliest components; the rest are in the totals.
  const shown = rows.slice(0, 200);
  return (
    <section>
      <h3>By component</h3>
      <table className="cost-table" data-testid="cost-components">
        <tbody>
          {shown.map((component) => (
            <ComponentRow key={component.id} component={component} profile={report.profile} currency={report.currency} lines={lines.get(component.id) ?? []} open={open === component.id} onToggle={() => setOpen(open === component.id ? undefined : component.id)} />
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="cost-meta">{rows.length - shown.length} smaller components not listed; they are in every total.</p>}
    </section>
  );
}

function ComponentRow(props: {
  component: CostReport['components'][number];
  profile: CostProfile;
  currency: string;
  lines: CostReport['lineItems'];
  open: boolean;
  onToggle: () => void;
}) {
  const { component, profile, currency, lines, open, onToggle } = props;
  const amount = component.monthlyCents[profile] / 100;
  return (
    <>
      <tr data-testid={`cost-component-${component.id}`}>
        <td>
          <button type="button" className="cost-link" onClick={onToggle} aria-expanded={open} title="Show the line items">
            {open ? '▾' : '▸'} {component.name}
          </button>{' '}
          <button type="button" className="cost-link cost-muted" onClick={() => selectComponents([component.id], true)} title="Select on the canvas">
            {component.kind}
          </button>
        </td>
        <td className="cost-amount">{component.status === 'priced' ? formatMoney(amount, currency) : <span className={`cost-status cost-status-${component.status}`}>{LINE_STATUS_LABELS[component.status]}</span>}</td>
      </tr>
      {open &&
        lines.map((line, i) => (
          <tr key={i} className="cost-line">
            <td>
              {line.what}
              <div className="cost-muted">
                {line.status === 'priced' && line.quantity
                  ? `${line.quantity[profile].toLocaleString('en-US', { maximumFractionDigits: 2 })} ${line.quantityUnit} × ${line.unitPrice}/${line.priceUnit}${line.uncertain ? ' (uncertain)' : ''} · ${line.asOf?.slice(0, 10) ?? ''}`
                  : line.notes[0]}
              </div>
              {line.commitment && <div className="cost-muted">commitment: {line.commitment}</div>}
              {line.status === 'priced' && line.source && <div className="cost-muted">source: {line.source}</div>}
              {(line.status === 'priced' ? line.notes : line.notes.slice(1)).length > 0 && <div className="cost-muted">{(line.status === 'priced' ? line.notes : line.notes.slice(1)).join(' · ')}</div>}
            </td>
            <td className="cost-amount">{line.status === 'priced' ? formatMoney(line.monthlyCents[profile] / 100, currency) : LINE_STATUS_LABELS[line.status]}</td>
          </tr>
        ))}
    </>
  );
}

function Assumptions({ design, assumptions }: { design: Design; assumptions: readonly UsageAssumption[] }) {
  return (
    <section className="cost-assumptions" data-testid="cost-assumptions">
      <h3>Usage assumptions</h3>
      <p className="cost-meta">Edits are kept in the design (pricing.usage), one undo step each. Low and high scale usage by 0.5 and 2.</p>
      <table className="cost-table">
        <tbody>
          {assumptions.map((a) => (
            <tr key={`${a.componentId}.${a.name}`}>
              <td>
                <span className="cost-muted">{a.componentId}</span> {a.label}
                <div className="cost-muted">{a.origin}{a.derivation ? `: ${a.derivation}` : ''}</div>
              </td>
              <td className="cost-amount">
                <UsageInput assumption={a} design={design} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What one usage figure must be: the format's schema for an entry of pricing.usage. */
const usageValueSchema = pricingSettingsSchema.shape.usage.unwrap().valueType.valueType;

function UsageInput({ assumption, design }: { assumption: UsageAssumption; design: Design }) {
  const fromDesign = design.pricing?.usage?.[assumption.componentId]?.[assumption.name] !== undefined;
  return (
    <span className="cost-usage">
      <InlineField<number | null>
        testId={`cost-usage-${assumption.componentId}-${assumption.name}`}
        label={`${assumption.componentId} ${assumption.label}`}
        value={assumption.value === null ? '' : String(assumption.value)}
        placeholder="not set"
        numeric
        // Every write reprices the design: written when the field is left or Enter is pressed.
        commitOn="blur"
        read={(text) => readNumber(text, { type: 'number' }, usageValueSchema)}
        unchanged={(value) => value === assumption.value}
        commit={(value) => value !== null && setUsageInput(assumption.componentId, assumption.name, value)}
      />{' '}
      <span className="cost-muted">{assumption.unit}</span>
      {fromDesign && (
        <button type="button" className="cost-link" onClick={() => setUsageInput(assumption.componentId, assumption.name, undefined)} title="Back to the default">
          reset
        </button>
      )}
    </span>
  );
}

function PriceBookSection({ books, provider }: { books: readonly PriceCatalog[]; provider: Design['provider'] }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const book = books.find((b) => b.provider === provider);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await importPriceBookFile(file.name, await file.text());
      const skipped = Object.values(result.skipped).reduce((a, b) => a + b, 0);
      setMessage({ text: `Imported ${file.name} (${result.format}): ${result.prices.length} prices, ${result.commitments.length} commitment rates${skipped > 0 ? `; ${skipped} rows left out` : ''}.`, error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section data-testid="cost-price-book">
      <h3>Your price book</h3>
      <p className="cost-meta">
        Import a provider's official price file (an AWS Price List bulk JSON or CSV for a service and region, an Azure Retail Prices API response, a GCP Cloud Billing SKU list) or a CSV of
        negotiated rates (provider, key, region, usd, unit, source, as_of). Imported prices override the bundled ones, name the file as their source, and stay in this browser.
      </p>
      {book ? (
        <ul className="cost-notes" data-testid="cost-price-book-files">
          {(book.imports ?? []).map((file) => (
            <li key={file.file}>
              {file.file} ({file.format}{file.publishedAt ? `, published ${file.publishedAt}` : ''}): {file.prices} prices
            </li>
          ))}
        </ul>
      ) : (
        <p className="cost-meta">No {provider.toUpperCase()} price book: the bundled list prices apply.</p>
      )}
      <div className="cost-controls">
        <input type="file" accept=".json,.csv,application/json,text/csv" aria-label="Import a price file" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="cost-price-book-import" />
        {book && (
          <button type="button" onClick={() => void clearPriceBook(provider)} data-testid="cost-price-book-clear">
            Remove the {provider.toUpperCase()} price book
          </button>
        )}
      </div>
      {message && (
        <p className={message.error ? 'cost-error' : 'cost-meta'} role={message.error ? 'alert' : 'status'} data-testid="cost-price-book-message">
          {message.text}
        </p>
      )}
    </section>
  );
}

function Adjustments({ design, report, localAdjustments }: { design: Design; report: CostReport; localAdjustments: readonly PriceAdjustment[] }) {
  const [scope, setScope] = useState(design.provider as string);
  const [percent, setPercent] = useState('-10');
  const [where, setWhere] = useState<'design' | 'local'>('design');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const designAdjustments = design.pricing?.adjustments ?? [];
  const add = () => {
    const parsed = priceAdjustmentSchema.safeParse({ scope: scope.trim(), percent: Number(percent) });
    if (!parsed.success || percent.trim() === '') {
      setProblem(parsed.success ? 'expected a percentage' : (parsed.error.issues[0]?.message ?? 'invalid adjustment'));
      return;
    }
    setProblem(undefined);
    if (where === 'design') setPriceAdjustments((current) => [...current, parsed.data]);
    else setLocalAdjustments([...localAdjustments, parsed.data]);
  };
  return (
    <section data-testid="cost-adjustments">
      <h3>Adjustments</h3>
      <p className="cost-meta">Discounts (negative) or markups in percent, for a provider (aws) or one service (aws/rds). Local ones stay in this browser and never travel with the design.</p>
      <ul className="cost-notes">
        {report.adjustments.map((a, i) => (
          <li key={`${a.origin}-${i}`}>
            <code>{a.scope}</code> {a.percent > 0 ? '+' : ''}{a.percent}% ({a.origin}{a.note ? `: ${a.note}` : ''}): {formatMoney(a.effectCents / 100, report.currency)} a month{' '}
            <button
              type="button"
              className="cost-link"
              onClick={() => {
                const localIndex = i - designAdjustments.length;
                if (a.origin === 'design') setPriceAdjustments((current) => current.filter((_, j) => j !== i));
                else setLocalAdjustments(localAdjustments.filter((_, j) => j !== localIndex));
              }}
            >
              remove
            </button>
          </li>
        ))}
      </ul>
      <div className="cost-controls">
        <input aria-label="Adjustment scope" value={scope} onChange={(e) => setScope(e.target.value)} size={10} data-testid="cost-adjust-scope" />
        <input aria-label="Adjustment percent" type="number" value={percent} onChange={(e) => setPercent(e.target.value)} style={{ width: '5em' }} data-testid="cost-adjust-percent" />
        <select aria-label="Keep the adjustment" value={where} onChange={(e) => setWhere(e.target.value as 'design' | 'local')}>
          <option value="design">in the design</option>
          <option value="local">in this browser only</option>
        </select>
        <button type="button" onClick={add} data-testid="cost-adjust-add">Add</button>
      </div>
      {problem && <p className="cost-error" role="alert">{problem}</p>}
    </section>
  );
}
