import { useState } from 'react';
import { SEVERITIES, formatEstimate, formatModelled, formatModelledRange, formatPercent, type Assumption, type DesignAnalysis, type Finding, type JourneyAvailability, type Severity } from '../../../engine';
import { formatDuration } from '../../../model';
import { addSuppression, applyPatch, removeSuppressions } from '../../commands';
import { selectComponents } from '../../store';
import { useAnalysis } from './analysis';
import './findings.css';


/** The design against its tier: what a CTO reads first. */
export function Scorecard({ analysis }: { analysis: DesignAnalysis }) {
  const card = analysis.scorecard;
  const availability = card.availability;
  const row = (label: string, value: string, ok: boolean | null, testId: string, title?: string) => (
    <div className={`ns-score ${ok === true ? 'is-ok' : ok === false ? 'is-bad' : 'is-unknown'}`} data-testid={testId} title={title}>
      <span className="ns-score-label">{label}</span>
      <span className="ns-score-value">{value}</span>
    </div>
  );
  return (
    <section className="ns-scorecard" data-testid="scorecard" aria-label="Scorecard">
      <h3>
        Tier {card.tier.id}: {formatPercent(card.tier.availability)}, RTO {formatDuration(card.tier.rtoSeconds)}, RPO {formatDuration(card.tier.rpoSeconds)}
      </h3>
      {row(
        'Weakest journey (modelled)',
        availability.percent === null ? (availability.journey ? 'cannot work' : 'no journeys') : `${formatModelled(availability.percent, availability.low, availability.high).value} / ${formatPercent(availability.target)}`,
        availability.meets,
        'score-availability',
        availability.journey
          ? `${availability.journey}: expected availability from failure rates and this design's recovery times${availability.low !== null && availability.high !== null ? `, ${formatModelledRange(availability.percent, availability.low, availability.high)}` : ''}`
          : undefined,
      )}
      {availability.journey && availability.percent !== null && (
        <div className="ns-score is-unknown" data-testid="score-floor" title="What the providers' SLAs commit to, with service credits: not a forecast">
          <span className="ns-score-label">Its SLA floor</span>
          <span className="ns-score-value">{availability.floor === null ? 'unknown' : formatPercent(availability.floor)}</span>
        </div>
      )}
      {row('Zone loss RTO', `${formatEstimate(card.zoneRto.seconds)} / ${formatDuration(card.zoneRto.targetSeconds)}`, card.zoneRto.meets, 'score-zone-rto', card.zoneRto.scenario ?? undefined)}
      {row('Region loss RTO', `${formatEstimate(card.regionRto.seconds)} / ${formatDuration(card.regionRto.targetSeconds)}`, card.regionRto.meets, 'score-region-rto', card.regionRto.scenario ?? undefined)}
      {row('Worst RPO', `${formatEstimate(card.rpo.seconds)} / ${formatDuration(card.rpo.targetSeconds)}`, card.rpo.meets, 'score-rpo', card.rpo.scenario ?? undefined)}
      <div className="ns-score-counts" data-testid="score-findings">
        {[...SEVERITIES].reverse().map((severity) => (
          <span key={severity} className={`ns-count ns-severity-${severity}`} title={severity}>
            {card.findings[severity]} {severity}
          </span>
        ))}
        {card.suppressed > 0 && <span className="ns-count">{card.suppressed} suppressed</span>}
      </div>
    </section>
  );
}

function SuppressForm({ finding, onDone }: { finding: Finding; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const component = finding.components[0];
  return (
    <form
      className="ns-suppress-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return;
        addSuppression({ rule: finding.rule, ...(component ? { component } : {}), reason: reason.trim() });
        onDone();
      }}
    >
      <input
        autoFocus
        data-testid="suppress-reason"
        placeholder="Why this does not apply (kept in every report)"
        value={reason}
        maxLength={2000}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="ns-button" disabled={reason.trim() === ''} data-testid="suppress-confirm">
        Suppress
      </button>
      <button type="button" className="ns-button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const [suppressing, setSuppressing] = useState(false);
  const key = `${finding.rule}-${finding.components.join('-') || 'design'}`;
  return (
    <li className={`ns-finding${finding.suppressed ? ' is-suppressed' : ''}`} data-testid={`finding-${key}`} data-rule={finding.rule}>
      <button type="button" className="ns-finding-head" onClick={() => finding.components.length > 0 && selectComponents(finding.components, true)} title="Select and zoom to the components">
        <span className={`ns-dot ns-severity-${finding.severity}`} aria-hidden="true" />
        <span className="ns-finding-title">{finding.title}</span>
      </button>
      <p className="ns-finding-message">{finding.message}</p>
      <p className="ns-finding-fix">
        <strong>Fix:</strong> {finding.fix}
      </p>
      {finding.suppressed ? (
        <p className="ns-finding-suppressed">
          Suppressed: {finding.suppressed.reason}{' '}
          <button
            type="button"
            className="ns-link"
            onClick={() => removeSuppressions(finding.rule, finding.components)}
          >
            Unsuppress
          </button>
        </p>
      ) : suppressing ? (
        <SuppressForm finding={finding} onDone={() => setSuppressing(false)} />
      ) : (
        <div className="ns-finding-actions">
          {finding.autoFix && (
            <button type="button" className="ns-button" data-testid="apply-fix" onClick={() => applyPatch(finding.autoFix!.apply)} title="One undoable step">
              {finding.autoFix.label}
            </button>
          )}
          <button type="button" className="ns-button" data-testid="suppress" onClick={() => setSuppressing(true)}>
            Suppress…
          </button>
        </div>
      )}
    </li>
  );
}

function Sources({ assumptions, testId }: { assumptions: readonly Assumption[]; testId: string }) {
  return (
    <ul className="ns-sources" data-testid={testId}>
      {assumptions.map((a) => (
        <li key={a.id}>
          {a.text} <span className="muted">Source: {a.source}{a.heuristic ? ' (an order of magnitude, not a measurement)' : ''}.</span>
        </li>
      ))}
    </ul>
  );
}

function JourneyRow({ journey }: { journey: JourneyAvailability }) {
  const ok = journey.meetsTarget;
  const modelled = journey.modelled;
  return (
    <details className={`ns-journey ${ok ? 'is-ok' : 'is-bad'}`} data-testid={`journey-${journey.id}`}>
      <summary>
        {journey.name}:{' '}
        {modelled ? (
          <>
            <strong data-testid={`journey-${journey.id}-modelled`}>{formatModelled(modelled.availability, modelled.low, modelled.high).value}</strong> modelled{' '}
            <span className="muted" data-testid={`journey-${journey.id}-range`}>
              ({formatModelledRange(modelled.availability, modelled.low, modelled.high)})
            </span>
            , SLA floor <span data-testid={`journey-${journey.id}-floor`}>{journey.percent === null ? 'unknown' : formatPercent(journey.percent)}</span>, target {formatPercent(journey.target)}
          </>
        ) : (
          <>cannot work, target {formatPercent(journey.target)}</>
        )}
      </summary>
      {modelled ? (
        <>
          <p>
            About {modelled.downtimeMinutesPerMonth} min of expected downtime a month. What caps it:
          </p>
          <ol className="ns-contributors" data-testid={`journey-${journey.id}-contributors`}>
            {modelled.contributors.slice(0, 5).map((c) => (
              <li key={c.scenario} data-scenario={c.scenario}>
                {c.title}: {c.minutesPerMonth} min/month <span className="muted">({c.components.join(', ')})</span>
              </li>
            ))}
          </ol>
          <details className="ns-figure-sources" data-testid={`journey-${journey.id}-modelled-sources`}>
            <summary>Modelled availability: rates, durations and sources</summary>
            <Sources assumptions={modelled.assumptions} testId={`journey-${journey.id}-modelled-assumptions`} />
          </details>
        </>
      ) : (
        <p className="ns-explanation">{journey.explanation}</p>
      )}
      <details className="ns-figure-sources" data-testid={`journey-${journey.id}-floor-sources`}>
        <summary>SLA floor: what the providers' SLAs commit to, with service credits, not a forecast</summary>
        <p className="ns-explanation">{journey.explanation}</p>
        <ul className="ns-terms">
          {journey.terms.map((term) => (
            <li key={term.component}>
              {term.name}: {term.percent !== undefined ? formatPercent(term.percent) : 'unknown'} ({term.role}) — {term.note}
            </li>
          ))}
        </ul>
      </details>
    </details>
  );
}

/** Live findings grouped by severity, the scorecard, and every journey's availability with its workings. */
export default function FindingsPanel() {
  const { analysis, error, elapsedMs } = useAnalysis();
  if (error) return <p className="panel-empty">The checks failed: {error}</p>;
  if (!analysis) return <p className="panel-empty">Checking…</p>;
  const groups = [...SEVERITIES].reverse().map((severity: Severity) => [severity, analysis.findings.filter((f) => f.severity === severity)] as const);
  return (
    <div className="ns-findings-panel">
      <Scorecard analysis={analysis} />
      {analysis.findings.length === 0 && <p className="panel-empty">No findings.</p>}
      {groups.map(([severity, findings]) =>
        findings.length === 0 ? null : (
          <section key={severity} className="ns-findings-group" data-testid={`findings-${severity}`}>
            <h3>
              <span className={`ns-dot ns-severity-${severity}`} aria-hidden="true" /> {severity} ({findings.length})
            </h3>
            <ul>
              {findings.map((finding) => (
                <FindingItem key={`${finding.rule}|${finding.components.join(',')}|${finding.message}`} finding={finding} />
              ))}
            </ul>
          </section>
        ),
      )}
      {analysis.journeys.length > 0 && (
        <section className="ns-findings-group">
          <h3>Journeys</h3>
          {analysis.journeys.map((journey) => (
            <JourneyRow key={journey.id} journey={journey} />
          ))}
        </section>
      )}
      <p className="muted ns-footnote">
        Checked in {elapsedMs.toFixed(0)} ms. Modelled figures are expectations from failure rates and this design's recovery times, not measurements; SLA floors are what the providers commit to. Open a journey to see what caps it and every source.
      </p>
    </div>
  );
}
