import { formatEstimate } from '../../../engine/format';
import { setWhatIf, useModel, useSelection, useStore, type WhatIf } from '../../store';
import { useAnalysis } from '../findings/analysis';
import '../findings/findings.css';

const NO_FAILURE: WhatIf = { failedComponents: [], failedZones: [], failedRegions: [] };

function toggle<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] {
  return list.some((x) => same(x, item)) ? list.filter((x) => !same(x, item)) : [...list, item];
}

function update(change: (whatIf: WhatIf) => WhatIf) {
  const next = change(useStore.getState().whatIf ?? NO_FAILURE);
  const empty = next.failedComponents.length === 0 && next.failedZones.length === 0 && next.failedRegions.length === 0;
  setWhatIf(empty ? null : next);
}

/**
 * What-if mode: fail zones, regions or components with a click. The canvas greys out what is down
 * (through the analysis publisher's annotations), and this panel shows each journey red or green
 * with the estimated RTO, and the data at risk (RPO).
 */
export default function WhatIfPanel() {
  const model = useModel();
  const selection = useSelection();
  const whatIf = useStore((state) => state.whatIf) ?? NO_FAILURE;
  const scenario = useAnalysis((state) => state.whatIf);
  const names = new Map(model.components.map((c) => [c.id, c.name ?? c.id]));
  return (
    <div className="ns-whatif-panel">
      <p className="muted">Fail a zone, a region or components to see what goes down, which journeys survive and how long recovery takes.</p>
      {model.regions.map((region) => (
        <section key={region.id}>
          <h3>
            {region.name ?? region.id} ({region.location})
          </h3>
          <div className="ns-whatif-targets">
            <button
              type="button"
              className="ns-button"
              aria-pressed={whatIf.failedRegions.includes(region.id)}
              data-testid={`whatif-region-${region.id}`}
              onClick={() => update((w) => ({ ...w, failedRegions: toggle(w.failedRegions, region.id, (a, b) => a === b) }))}
            >
              Whole region
            </button>
            {region.zones.map((zone) => (
              <button
                key={zone}
                type="button"
                className="ns-button"
                aria-pressed={whatIf.failedZones.some((z) => z.region === region.id && z.zone === zone)}
                data-testid={`whatif-zone-${region.id}-${zone}`}
                onClick={() => update((w) => ({ ...w, failedZones: toggle(w.failedZones, { region: region.id, zone }, (a, b) => a.region === b.region && a.zone === b.zone) }))}
              >
                Zone {zone}
              </button>
            ))}
          </div>
        </section>
      ))}
      <div className="ns-whatif-targets">
        <button
          type="button"
          className="ns-button"
          disabled={selection.components.length === 0}
          data-testid="whatif-fail-selected"
          onClick={() => update((w) => ({ ...w, failedComponents: [...new Set([...w.failedComponents, ...selection.components])] }))}
        >
          Fail selected components
        </button>
        <button type="button" className="ns-button" data-testid="whatif-clear" disabled={whatIf === NO_FAILURE} onClick={() => setWhatIf(null)}>
          Clear
        </button>
      </div>
      {whatIf.failedComponents.length > 0 && (
        <p>
          Failed:{' '}
          {whatIf.failedComponents.map((id) => (
            <button key={id} type="button" className="ns-link" title="Bring it back" onClick={() => update((w) => ({ ...w, failedComponents: w.failedComponents.filter((x) => x !== id) }))}>
              {names.get(id) ?? id} ✕{' '}
            </button>
          ))}
        </p>
      )}
      {scenario && (
        <section data-testid="whatif-result">
          <h3>{scenario.title}</h3>
          <p data-testid="whatif-summary">
            Down: {scenario.downComponents.length > 0 ? scenario.downComponents.map((id) => names.get(id) ?? id).join(', ') : 'nothing'}. Estimated RTO{' '}
            <strong data-testid="whatif-rto">{formatEstimate(scenario.rtoSeconds)}</strong>, RPO <strong data-testid="whatif-rpo">{formatEstimate(scenario.rpoSeconds)}</strong>.
          </p>
          {scenario.journeys.map((journey) => {
            const state = !journey.up ? 'is-down' : journey.servedByFailover ? 'is-failover' : 'is-up';
            return (
              <div key={journey.id} className={`ns-whatif-journey ${state}`} data-testid={`whatif-journey-${journey.id}`} data-state={journey.up ? 'up' : 'down'}>
                <span className="ns-dot" aria-hidden="true" />
                <span>
                  {journey.name}: {journey.up ? (journey.servedByFailover ? `up after failover (${journey.failovers.map((f) => `${f.component} → ${f.partner}`).join(', ')})` : 'up') : `down (${journey.missing.join(', ')} unreachable)`}
                  {journey.rtoSeconds !== 0 && `, back in ${formatEstimate(journey.rtoSeconds)}`}
                </span>
              </div>
            );
          })}
          {scenario.assumptions.length > 0 && (
            <details>
              <summary>Assumptions</summary>
              <ul className="ns-terms">
                {scenario.assumptions.map((a) => (
                  <li key={a.id}>
                    {a.text} <em>({a.heuristic ? 'heuristic; ' : ''}{a.source})</em>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </div>
  );
}
