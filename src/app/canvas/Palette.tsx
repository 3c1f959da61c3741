import { memo, useDeferredValue, useMemo, useState, type DragEvent } from 'react';
import { LAYER_TITLES, type ComponentKind } from '../../catalog';
import type { Provider } from '../../model';
import { addComponentOfKind } from '../commands';
import { selectComponents, useStore } from '../store';
import { canvasBridge } from './canvas-bridge';
import { NODE_HEIGHT, NODE_WIDTH, placementAt } from './geometry';
import './canvas.css';
import { KindIcon } from '../icons/KindIcon';
import { paletteGroups, serviceName } from './palette-search';

export const KIND_MIME = 'application/x-ninesmith-kind';

/**
 * Adds a component where the user is looking: at the middle of the view, into the region and
 * zone there; a regional kind with no region in view goes to the first region's first zone.
 */
export function addKindAtViewCenter(kind: ComponentKind): string | undefined {
  const bridge = canvasBridge();
  const centre = bridge?.viewportCenter() ?? { x: 0, y: 0 };
  const regions = bridge?.regions() ?? [];
  const hit = kind.capabilities.placement === 'global' ? undefined : placementAt(regions, centre);
  if (hit) {
    return addComponentOfKind(kind.id, { region: hit.region, zones: hit.zone ? [hit.zone] : undefined }, { x: Math.round(centre.x - NODE_WIDTH / 2), y: Math.round(centre.y - NODE_HEIGHT / 2) });
  }
  const first = regions[0];
  if (kind.capabilities.placement === 'regional' && first) {
    const column = first.zones[0];
    // Below what the first region holds (the region grows to take it in), brought into view.
    const added = addComponentOfKind(kind.id, { region: first.region.id, zones: column ? [column.zone] : undefined }, { x: Math.round(column?.x ?? first.x), y: Math.round(first.y + first.height) });
    if (added) selectComponents([added], true);
    return added;
  }
  return addComponentOfKind(kind.id, {}, { x: Math.round(centre.x - NODE_WIDTH / 2), y: Math.round(centre.y - NODE_HEIGHT / 2) });
}

const PaletteItem = memo(function PaletteItem({ kind, provider }: { kind: ComponentKind; provider: Provider }) {
  const service = serviceName(kind, provider);
  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(KIND_MIME, kind.id);
    event.dataTransfer.setData('text/plain', kind.title);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li
      className="ns-palette-item"
      data-testid={`palette-item-${kind.id}`}
      draggable
      onDragStart={onDragStart}
      onClick={() => addKindAtViewCenter(kind)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          addKindAtViewCenter(kind);
        }
      }}
      tabIndex={0}
      role="button"
      title={`${kind.description} Drag onto the canvas, or click to add.`}
    >
      <span className="ns-palette-icon" aria-hidden="true">
        <KindIcon kind={kind.id} size={18} />
      </span>
      <span className="ns-palette-text">
        <span className="ns-palette-title">{kind.title}</span>
        {service && (
          <span className="ns-palette-service" data-testid={`palette-service-${kind.id}`}>
            {service}
          </span>
        )}
        <span className="ns-palette-description">{kind.description}</span>
      </span>
    </li>
  );
});

/**
 * The component palette: searchable by title, description, keywords and each provider's service
 * names, grouped by layer, each kind shown with the design's provider's name for it.
 */
export default function Palette() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  // Only the provider: the palette does not re-render on other edits.
  const provider = useStore((state) => state.model.provider);
  const groups = useMemo(() => paletteGroups(deferred), [deferred]);
  return (
    <div className="ns-palette" data-testid="palette">
      <input
        className="ns-palette-search"
        data-testid="palette-search"
        type="search"
        placeholder="Search components or services (Lambda, Cosmos)…"
        aria-label="Search components"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {groups.length === 0 && <p className="ns-palette-empty">No component matches “{query}”.</p>}
      {groups.map((group) => (
        <section key={group.layer} className="ns-palette-group" aria-label={LAYER_TITLES[group.layer]}>
          <h3>{LAYER_TITLES[group.layer]}</h3>
          <ul>
            {group.kinds.map((kind) => (
              <PaletteItem key={kind.id} kind={kind} provider={provider} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
