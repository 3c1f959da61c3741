import { useState } from 'react';
import { findKind } from '../../../catalog';
import {
  BUILT_IN_TIERS,
  PROVIDER_FACTS,
  PROVIDERS,
  REGION_ROLES,
  TENANCIES,
  designSchema,
  displayName,
  durationSchema,
  formatDuration,
  MAX_ZONES_PER_REGION,
  nextRegionLocation,
  nextZoneName,
  percentSchema,
  regionSchema,
  resolveTiers,
  type Design,
  type Journey,
  type Region,
  type TierTargets,
} from '../../../model';
import { addRegion, addZone, removeJourney, removeRegion, removeZone, renameZone, setTierOverride, updateDesignFields, updateRegion, upsertJourney } from '../../commands';
import { useModel } from '../../store';
import { Field, InlineField, SelectField, TextField, checkField } from '../../components/fields';
import { checkJourney, draftOf, type JourneyDraft } from './journey-draft';

const TENANCY_LABELS: Record<string, string> = { shared: 'Shared: tenants share one stack', dedicated: 'Dedicated: a stack per tenant', cells: 'Cells: tenants spread over identical cells' };
const ROLE_LABELS: Record<string, string> = { primary: 'Primary', secondary: 'Secondary (standby)', active: 'Active (active-active)' };

/* ---------- tier ---------- */

function TierCell({ tierId, field, value, placeholder, check, required }: { tierId: string; field: keyof TierTargets; value: string; placeholder: string; check: (text: string) => string | null; required: boolean }) {
  return (
    <td>
      <InlineField<TierTargets[keyof TierTargets] | undefined>
        testId={`design-tier-${tierId}-${field}`}
        label={`${tierId} ${field}`}
        value={value}
        placeholder={placeholder}
        numeric={field === 'availability'}
        read={(text) => {
          const trimmed = text.trim();
          // Empty: the built-in target again; a tier the design defines has no built-in to fall back to.
          if (trimmed === '') return required ? { ok: false, message: 'a tier the design defines needs all three targets' } : { ok: true, value: undefined };
          const message = check(trimmed);
          return message === null ? { ok: true, value: field === 'availability' ? Number(trimmed) : trimmed } : { ok: false, message };
        }}
        unchanged={(target) => String(target ?? '') === value}
        commit={(target) => setTierOverride(tierId, field, target)}
      />
    </td>
  );
}

function TierSection({ design }: { design: Design }) {
  const tiers = resolveTiers(design);
  const ids = Object.keys(tiers);
  const checkAvailability = (text: string) => {
    const value = Number(text);
    return Number.isFinite(value) ? checkField(percentSchema, value) : 'expected a percentage such as 99.95';
  };
  const checkDuration = (text: string) => checkField(durationSchema, text);
  const tierOptions = ids.map((id) => ({ value: id, label: `${id} · ${tiers[id]!.availability}%` }));
  return (
    <section className="panel-section" data-testid="design-tier-section">
      <h3>Service tier</h3>
      <SelectField
        testId="design-field-tier"
        label="Tier"
        help="The targets this design must meet: availability of each journey, and the recovery time (RTO) and data loss (RPO) after a failure."
        value={design.tier}
        options={tierOptions}
        commit={(tier) => updateDesignFields({ tier })}
      />
      <table className="tier-table">
        <thead>
          <tr>
            <th>Tier</th>
            <th>Availability %</th>
            <th>RTO</th>
            <th>RPO</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const override = design.tiers?.[id];
            const builtIn = BUILT_IN_TIERS[id];
            return (
              <tr key={id} data-testid={`design-tier-${id}`} className={id === design.tier ? 'is-current' : undefined}>
                <td>
                  {id === design.tier ? <strong>{id}</strong> : id}
                  {override && builtIn && (
                    <button type="button" className="ns-icon-button" title="Reset to the built-in targets" data-testid={`design-tier-${id}-reset`} onClick={() => (['availability', 'rto', 'rpo'] as const).forEach((f) => setTierOverride(id, f, undefined))}>
                      ↺
                    </button>
                  )}
                </td>
                <TierCell tierId={id} field="availability" required={!builtIn} value={override?.availability !== undefined ? String(override.availability) : ''} placeholder={String(tiers[id]!.availability)} check={checkAvailability} />
                <TierCell tierId={id} field="rto" required={!builtIn} value={override?.rto ?? ''} placeholder={formatDuration(tiers[id]!.rtoSeconds)} check={checkDuration} />
                <TierCell tierId={id} field="rpo" required={!builtIn} value={override?.rpo ?? ''} placeholder={formatDuration(tiers[id]!.rpoSeconds)} check={checkDuration} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-help">Empty cells use the built-in targets shown in grey. Durations: 30s, 15m, 4h, 1d.</p>
    </section>
  );
}

/* ---------- regions ---------- */

function ZoneChip({ region, zone }: { region: Region; zone: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const error =
    draft === null || draft === zone
      ? null
      : region.zones.includes(draft)
        ? `zone "${draft}" exists`
        : checkField(regionSchema.shape.zones.element, draft);
  const commit = () => {
    if (draft !== null && draft !== zone && !error) renameZone(region.id, zone, draft);
    setDraft(null);
  };
  return (
    <span className="chip" data-testid={`design-zone-${region.id}-${zone}`}>
      <input
        aria-label={`Zone ${zone} of ${region.id}`}
        data-testid={`design-zone-${region.id}-${zone}-name`}
        value={draft ?? zone}
        aria-invalid={error !== null}
        title={error ?? 'Rename the zone: components in it follow'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
      <button
        type="button"
        className="ns-icon-button"
        aria-label={`Remove zone ${zone}`}
        data-testid={`design-zone-${region.id}-${zone}-remove`}
        disabled={region.zones.length <= 1}
        title={region.zones.length <= 1 ? 'A region keeps at least one zone' : 'Remove the zone: components only in it move to the first remaining zone'}
        onClick={() => removeZone(region.id, zone)}
      >
        ×
      </button>
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}

function RegionCard({ design, region }: { design: Design; region: Region }) {
  const placed = design.components.filter((c) => c.region === region.id).length;
  return (
    <div className="card" data-testid={`design-region-${region.id}`}>
      <div className="card-header">
        <strong>
          <code>{region.id}</code> · {placed} component{placed === 1 ? '' : 's'}
        </strong>
        <button
          type="button"
          className="ns-button danger"
          data-testid={`design-region-${region.id}-remove`}
          onClick={() => {
            if (placed === 0 || window.confirm(`Remove region "${region.id}" and the ${placed} component${placed === 1 ? '' : 's'} in it? Undo brings them back.`)) removeRegion(region.id);
          }}
        >
          Remove
        </button>
      </div>
      <TextField
        testId={`design-region-${region.id}-name`}
        label="Name"
        value={region.name ?? ''}
        placeholder={region.id}
        check={(text) => checkField(regionSchema.shape.name, text)}
        commit={(text) => updateRegion(region.id, (r) => ({ ...r, name: text.trim() === '' ? undefined : text }))}
      />
      <TextField
        testId={`design-region-${region.id}-location`}
        label="Location"
        help="The provider's region code."
        value={region.location}
        suggestions={PROVIDER_FACTS[design.provider].suggestedRegions}
        check={(text) => checkField(regionSchema.shape.location, text)}
        commit={(text) => updateRegion(region.id, (r) => ({ ...r, location: text }))}
      />
      <SelectField
        testId={`design-region-${region.id}-role`}
        label="Role"
        help="Primary serves traffic; secondary is a standby that takes over; active serves traffic alongside other active regions."
        value={region.role}
        options={REGION_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] ?? role }))}
        commit={(role) => updateRegion(region.id, (r) => ({ ...r, role: role as Region['role'] }))}
      />
      <Field testId={`design-region-${region.id}-zones`} label="Zones" help="Availability zones used in this region. Rename one in place; its components follow.">
        {() => (
          <div className="chip-list">
            {region.zones.map((zone) => (
              <ZoneChip key={zone} region={region} zone={zone} />
            ))}
            <button
              type="button"
              className="ns-button"
              data-testid={`design-region-${region.id}-add-zone`}
              onClick={() => addZone(region.id, nextZoneName(design.provider, region.zones))}
              disabled={region.zones.length >= MAX_ZONES_PER_REGION}
              title={region.zones.length >= MAX_ZONES_PER_REGION ? `A region has at most ${MAX_ZONES_PER_REGION} zones` : undefined}
            >
              + zone
            </button>
          </div>
        )}
      </Field>
    </div>
  );
}

function RegionsSection({ design }: { design: Design }) {
  const [location, setLocation] = useState('');
  const suggestions = PROVIDER_FACTS[design.provider].suggestedRegions;
  const proposed = location.trim() || nextRegionLocation(design.provider, design.regions.map((r) => r.location));
  return (
    <section className="panel-section" data-testid="design-regions">
      <h3>Regions</h3>
      {design.regions.map((region) => (
        <RegionCard key={region.id} design={design} region={region} />
      ))}
      <div className="field-row">
        <input aria-label="Location of the new region" data-testid="design-new-region-location" list="ns-region-locations" placeholder={proposed} value={location} onChange={(e) => setLocation(e.target.value)} />
        <datalist id="ns-region-locations">
          {suggestions.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <button
          type="button"
          className="ns-button"
          data-testid="design-add-region"
          onClick={() => {
            addRegion({ location: proposed });
            setLocation('');
          }}
        >
          Add region
        </button>
      </div>
    </section>
  );
}

/* ---------- journeys ---------- */

function JourneyEditor({ design, journey, onDone }: { design: Design; journey?: Journey; onDone?: () => void }) {
  const [draft, setDraft] = useState<JourneyDraft>(() => draftOf(journey));
  const [touched, setTouched] = useState(false);
  const { journey: valid, errors } = checkJourney(design, draft, journey?.id);
  const shownErrors = touched || journey ? errors : {};
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(journey));
  const entryPoints = design.components.filter((c) => findKind(c.kind)?.capabilities.entryPoint);
  const fromOptions = entryPoints.length > 0 ? entryPoints : design.components;
  const prefix = `journey-${journey?.id ?? 'new'}`;
  const save = () => {
    setTouched(true);
    if (!valid) return;
    upsertJourney(valid, journey?.id);
    if (!journey) setDraft(draftOf(undefined));
    setTouched(false);
    onDone?.();
  };
  return (
    <div className="card" data-testid={prefix}>
      <Field testId={`${prefix}-field-name`} label="Name" error={shownErrors.name}>
        {(id) => <input id={id} data-testid={`${prefix}-field-name`} value={draft.name} aria-invalid={!!shownErrors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <Field testId={`${prefix}-field-from`} label="Starts at" help="The entry point: users or a client system." error={shownErrors.from}>
        {(id) => (
          <select id={id} data-testid={`${prefix}-field-from`} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })}>
            <option value="">Choose…</option>
            {fromOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {displayName(c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field testId={`${prefix}-field-needs`} label="Needs" help="The components that must be reachable from the start for the journey to work." error={shownErrors.needs}>
        {() => (
          <div className="needs-list" role="group" aria-label="Needed components">
            {design.components
              .filter((c) => c.id !== draft.from)
              .map((c) => (
                <label key={c.id} className="checkbox-row">
                  <input
                    type="checkbox"
                    data-testid={`${prefix}-need-${c.id}`}
                    checked={draft.needs.includes(c.id)}
                    onChange={(e) => setDraft({ ...draft, needs: e.target.checked ? [...draft.needs, c.id] : draft.needs.filter((id) => id !== c.id) })}
                  />
                  {displayName(c)}
                </label>
              ))}
          </div>
        )}
      </Field>
      <Field testId={`${prefix}-field-target`} label="Target availability %" help="Empty: the tier's availability." error={shownErrors.target}>
        {(id) => (
          <input
            id={id}
            inputMode="decimal"
            data-testid={`${prefix}-field-target`}
            value={draft.target}
            placeholder={String(resolveTiers(design)[design.tier]?.availability ?? '')}
            aria-invalid={!!shownErrors.target}
            onChange={(e) => setDraft({ ...draft, target: e.target.value })}
          />
        )}
      </Field>
      <div className="ns-dialog-actions start">
        <button type="button" className="ns-button primary" data-testid={`${prefix}-save`} disabled={!dirty} onClick={save}>
          {journey ? 'Save' : 'Add journey'}
        </button>
        {journey && (
          <>
            <button type="button" className="ns-button" disabled={!dirty} onClick={() => setDraft(draftOf(journey))}>
              Revert
            </button>
            <button type="button" className="ns-button danger" data-testid={`${prefix}-remove`} onClick={() => removeJourney(journey.id)}>
              Remove
            </button>
          </>
        )}
        {!journey && onDone && (
          <button type="button" className="ns-button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

function JourneysSection({ design }: { design: Design }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel-section" data-testid="design-journeys">
      <h3>Journeys</h3>
      <p className="field-help">The business transactions that must keep working; availability is computed for each.</p>
      {design.journeys.map((journey) => (
        <details key={journey.id} data-testid={`journey-row-${journey.id}`}>
          <summary>
            {journey.name} <span className="muted">· {journey.needs.length} needed{journey.target !== undefined ? ` · ${journey.target}%` : ''}</span>
          </summary>
          <JourneyEditor key={JSON.stringify(journey)} design={design} journey={journey} />
        </details>
      ))}
      {adding ? (
        <JourneyEditor design={design} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="ns-button" data-testid="design-add-journey" onClick={() => setAdding(true)}>
          + Journey
        </button>
      )}
    </section>
  );
}

/* ---------- panel ---------- */

export default function DesignPanel() {
  const design = useModel();
  return (
    <div data-testid="design-panel">
      <section className="panel-section">
        <h3>Design</h3>
        <TextField
          testId="design-field-name"
          label="Name"
          value={design.name}
          check={(text) => checkField(designSchema.shape.name, text)}
          commit={(name) => updateDesignFields({ name })}
        />
        <TextField
          testId="design-field-description"
          label="Description"
          help="What the design is for and when to use it."
          multiline
          value={design.description ?? ''}
          check={(text) => checkField(designSchema.shape.description, text)}
          commit={(text) => updateDesignFields({ description: text.trim() === '' ? undefined : text })}
        />
        <SelectField
          testId="design-field-provider"
          label="Provider"
          help="The cloud the design runs on: it sets the published SLAs, prices and generated code."
          value={design.provider}
          options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_FACTS[p].label }))}
          commit={(provider) => updateDesignFields({ provider: provider as Design['provider'] })}
        />
        <SelectField
          testId="design-field-tenancy"
          label="Tenancy"
          help="How tenants share the platform; it sets how far one failure or one noisy tenant reaches."
          value={design.tenancy}
          options={TENANCIES.map((t) => ({ value: t, label: TENANCY_LABELS[t] ?? t }))}
          commit={(tenancy) => updateDesignFields({ tenancy: tenancy as Design['tenancy'] })}
        />
      </section>
      <TierSection design={design} />
      <RegionsSection design={design} />
      <JourneysSection design={design} />
    </div>
  );
}
