import { useMemo, useState } from 'react';
import { effectiveProps, findKind, kindContext, LAYER_TITLES, type ComponentKind, type SlaFigure } from '../../../catalog';
import { CONNECTION_MODES, componentIdProblem, componentSchema, componentZones, connectionSchema, connectionId, displayName, edits, type Component, type Connection, type ConnectionMode, type Design } from '../../../model';
import { renameComponentId, setComponentRegion, setConnectionLabel, setConnectionMode, toggleComponentZone, updateComponent } from '../../commands';
import { useModel, useSelection } from '../../store';
import { NumberField, SelectField, TextField, checkField, parseNumberText } from '../../components/fields';
import { PropControls } from './PropControls';
import { KindIcon } from '../../icons/KindIcon';

const MODE_HELP: Record<ConnectionMode, string> = {
  sync: 'The caller waits for the answer: if the target is down, the caller\'s request fails.',
  async: 'Through a queue or events: the caller goes on when the target is slow or down, and the work is done later.',
  replication: 'Data is copied to the target, which can take over when the source is lost (its failover partner).',
  backup: 'Backups or snapshots are copied to the target: data survives, but restoring takes time.',
};

function SlaNote({ figure }: { figure: SlaFigure | undefined }) {
  if (!figure) return <p className="field-help">No published SLA for this kind as configured.</p>;
  const isUrl = /^https?:\/\//.test(figure.source);
  return (
    <div className="sla" data-testid="inspector-sla">
      <strong>{figure.percent}%</strong> monthly uptime SLA · {figure.service}
      {!figure.verified && (
        <span className="badge warn" data-testid="inspector-sla-unverified" title="From a secondary source, or not re-read against the provider's page">
          not verified
        </span>
      )}
      <div className="muted">
        Source: {isUrl ? <a href={figure.source} target="_blank" rel="noreferrer">{figure.source}</a> : figure.source}
        {figure.asOf && ` (as of ${figure.asOf})`}
      </div>
      {figure.note && <div className="muted">{figure.note}</div>}
    </div>
  );
}

function ZonePicker({ design, component }: { design: Design; component: Component }) {
  const [error, setError] = useState<string | null>(null);
  const region = design.regions.find((r) => r.id === component.region);
  if (!region) return null;
  const zones = componentZones(design, component);
  const toggle = (zone: string) => {
    if (edits.zonesAfterToggle(design, component, zone)?.length === 0) {
      setError('expected at least one zone: a component runs somewhere');
      return;
    }
    setError(null);
    toggleComponentZone(component.id, zone);
  };
  return (
    <div className="field" data-field="inspector-field-zones">
      <span className="field-label">Zones</span>
      <div className="zone-picker" role="group" aria-label="Zones">
        {region.zones.map((zone) => (
          <label key={zone} className="checkbox-row">
            <input type="checkbox" data-testid={`inspector-field-zones-${zone}`} checked={zones.includes(zone)} onChange={() => toggle(zone)} />
            {zone}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="inspector-error-zones">
          {error}
        </p>
      )}
      <p className="field-help">The availability zones of {region.name ?? region.id} this component runs in. Two or more survive the loss of a zone.</p>
    </div>
  );
}

function ComponentInspector({ design, component, kind }: { design: Design; component: Component; kind: ComponentKind }) {
  const effective = useMemo(() => effectiveProps(kind, component), [kind, component]);
  const sla = useMemo(() => kind.slaOf(component, kindContext(design, component)), [kind, component, design]);
  const regional = kind.capabilities.placement !== 'global';
  const regionOptions = [
    ...(kind.capabilities.placement === 'either' ? [{ value: '', label: 'Global (no region)' }] : []),
    ...design.regions.map((r) => ({ value: r.id, label: `${r.name ?? r.id} (${r.location})` })),
  ];
  return (
    <div data-testid="inspector-component" data-component-id={component.id}>
      <div className="panel-section">
        <h3>
          <KindIcon kind={kind.id} size={14} /> {kind.title} · {LAYER_TITLES[kind.layer]}
        </h3>
        <p className="field-help">{kind.description}</p>
      </div>
      <SlaNote figure={sla} />
      <div className="panel-section">
        <TextField
          testId="inspector-field-id"
          label="Id"
          help="What connections, journeys, suppressions and generated code (Terraform names, runbooks) call it. Renaming it updates every reference in the design."
          value={component.id}
          check={(text) => componentIdProblem(design, component.id, text.trim()) ?? null}
          commit={(text) => renameComponentId(component.id, text.trim())}
          commitOn="blur"
        />
        <TextField
          testId="inspector-field-name"
          label="Name"
          help="The name people see on the canvas and in reports."
          value={component.name ?? ''}
          check={(text) => checkField(componentSchema.shape.name, text)}
          commit={(text) => updateComponent(component.id, (c) => ({ ...c, name: text.trim() === '' ? undefined : text }))}
          placeholder={component.id}
        />
        <TextField
          testId="inspector-field-description"
          label="Description"
          help="What it does and who owns it."
          multiline
          value={component.description ?? ''}
          check={(text) => checkField(componentSchema.shape.description, text)}
          commit={(text) => updateComponent(component.id, (c) => ({ ...c, description: text.trim() === '' ? undefined : text }))}
        />
        {regional && (
          <SelectField
            testId="inspector-field-region"
            label="Region"
            help={kind.capabilities.placement === 'either' ? 'A region, or global when it is not tied to one.' : 'The region it runs in.'}
            value={component.region ?? ''}
            options={regionOptions}
            commit={(regionId) => setComponentRegion(component.id, regionId === '' ? undefined : regionId)}
          />
        )}
        {component.region !== undefined && <ZonePicker design={design} component={component} />}
        {component.region !== undefined && (
          <NumberField
            testId="inspector-field-replicas"
            label="Instances"
            help="Instances in all, spread over its zones. With one, losing it stops the component."
            value={component.replicas ?? 1}
            parse={(text) => parseNumberText(text, { type: 'integer' })}
            check={(value) => checkField(componentSchema.shape.replicas, value)}
            commit={(value) => value !== null && updateComponent(component.id, (c) => ({ ...c, replicas: value }))}
          />
        )}
      </div>
      {kind.props.length > 0 && (
        <div className="panel-section" data-testid="inspector-props">
          <h3>Settings</h3>
          <PropControls kind={kind} component={component} design={design} effective={effective} />
        </div>
      )}
    </div>
  );
}

function ConnectionInspector({ design, connection }: { design: Design; connection: Connection }) {
  const from = design.components.find((c) => c.id === connection.from);
  const to = design.components.find((c) => c.id === connection.to);
  const id = connectionId(connection);
  return (
    <div data-testid="inspector-connection" data-connection-id={id}>
      <div className="panel-section">
        <h3>Connection</h3>
        <p>
          {from ? displayName(from) : connection.from} → {to ? displayName(to) : connection.to}
        </p>
      </div>
      <SelectField
        testId="inspector-field-mode"
        label="Mode"
        help={MODE_HELP[connection.mode]}
        value={connection.mode}
        options={CONNECTION_MODES.map((mode) => ({ value: mode, label: mode }))}
        commit={(mode) => setConnectionMode(id, mode as ConnectionMode)}
      />
      <TextField
        testId="inspector-field-label"
        label="Label"
        help="What flows over it (orders API, nightly export)."
        value={connection.label ?? ''}
        check={(text) => checkField(connectionSchema.shape.label, text)}
        commit={(text) => setConnectionLabel(id, text)}
      />
    </div>
  );
}

export default function InspectorPanel() {
  const model = useModel();
  const selection = useSelection();
  const selected = model.components.filter((c) => selection.components.includes(c.id));
  if (selected.length === 1) {
    const component = selected[0]!;
    const kind = findKind(component.kind);
    if (!kind) return <p className="panel-empty">Unknown kind "{component.kind}".</p>;
    return <ComponentInspector key={component.id} design={model} component={component} kind={kind} />;
  }
  if (selected.length > 1) {
    return (
      <div data-testid="inspector-multiple">
        <p>{selected.length} components selected.</p>
        <ul>
          {selected.map((c) => (
            <li key={c.id}>{displayName(c)}</li>
          ))}
        </ul>
        <p className="field-help">Select one component to edit its settings.</p>
      </div>
    );
  }
  const connections = model.connections.filter((c) => selection.connections.includes(connectionId(c)));
  if (connections.length === 1) return <ConnectionInspector key={connectionId(connections[0]!)} design={model} connection={connections[0]!} />;
  return <p className="panel-empty">Select a component or a connection to edit it.</p>;
}
