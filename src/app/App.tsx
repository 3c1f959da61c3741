import { Suspense, lazy } from 'react';
import { PANELS } from './panels/registry';
import { foldPalette, foldSidePanel, openPalette, openSidePanel, setActivePanel, useStore } from './store';
import { useCanvasPainted } from './canvas-painted';
import './styles.css';

const Canvas = lazy(() => import('./canvas/Canvas'));
const Palette = lazy(() => import('./canvas/Palette'));
const Toolbar = lazy(() => import('./shell/Toolbar'));
const Overlays = lazy(() => import('./shell/Overlays'));
const FileDrop = lazy(() => import('./shell/FileDrop'));

function SidePanels() {
  const activePanel = useStore((state) => state.activePanel);
  const folded = useStore((state) => state.sidePanel !== 'open');
  const active = PANELS.find((panel) => panel.id === activePanel) ?? PANELS[0]!;
  const ActiveComponent = active.component;
  // The panel's frame and tabs paint with the app; its body (the inspector's fields and their
  // checks) loads once the canvas has painted, behind the same placeholder as any panel loading.
  const canvasPainted = useCanvasPainted();
  const loading = <p className="panel-empty">Loading…</p>;
  // Folded, the tabs stay as a rail down the edge: a click on one opens the panel on it.
  return (
    <aside className={`app-panels${folded ? ' is-folded' : ''}`} aria-label="Panels" data-testid="side-panel" data-folded={folded}>
      <div className="panel-rail">
        <button
          className="panel-fold"
          aria-label={folded ? 'Open the side panel' : 'Fold the side panel'}
          title={folded ? 'Open the side panel' : 'Fold the side panel, to give the diagram the room'}
          aria-expanded={!folded}
          data-testid="side-panel-fold"
          onClick={folded ? openSidePanel : foldSidePanel}
        >
          <span aria-hidden="true">{folded ? '«' : '»'}</span>
        </button>
        <div className="panel-tabs" role="tablist" aria-orientation={folded ? 'vertical' : 'horizontal'}>
          {PANELS.map((panel) => (
            <button
              key={panel.id}
              role="tab"
              aria-selected={!folded && panel.id === active.id}
              data-testid={`panel-tab-${panel.id}`}
              onClick={() => setActivePanel(panel.id)}
            >
              {panel.title}
            </button>
          ))}
        </div>
      </div>
      {!folded && (
        <div className="panel-body" role="tabpanel" data-testid={`panel-${active.id}`}>
          {canvasPainted ? (
            <Suspense fallback={loading}>
              <ActiveComponent />
            </Suspense>
          ) : (
            loading
          )}
        </div>
      )}
    </aside>
  );
}

/** The palette, or (folded) a rail that opens it. */
function PaletteFrame() {
  const folded = useStore((state) => state.palette !== 'open');
  return (
    <nav className={`app-palette${folded ? ' is-folded' : ''}`} aria-label="Components" data-testid="palette-frame" data-folded={folded}>
      <div className="palette-header">
        <button
          className="palette-fold"
          aria-expanded={!folded}
          aria-label={folded ? 'Open the components palette' : 'Fold the components palette'}
          title={folded ? 'Open the components palette' : 'Fold the components palette, to give the diagram the room'}
          data-testid="palette-fold"
          onClick={folded ? openPalette : foldPalette}
        >
          <span className="palette-header-title">Components</span>
          <span aria-hidden="true">{folded ? '»' : '«'}</span>
        </button>
      </div>
      {!folded && (
        <div className="palette-body">
          <Suspense fallback={null}>
            <Palette />
          </Suspense>
        </div>
      )}
    </nav>
  );
}

export function App() {
  // Dialogs and notices show nothing at start: they load once the canvas has painted. The drop target
  // loads with the shell: a file dropped before it listens would be opened by the browser in the tab.
  const canvasPainted = useCanvasPainted();
  return (
    <div className="app">
      <header className="app-toolbar">
        <Suspense fallback={null}>
          <Toolbar />
        </Suspense>
      </header>
      <PaletteFrame />
      <main className="app-canvas">
        <Suspense fallback={null}>
          <Canvas />
        </Suspense>
      </main>
      <SidePanels />
      <Suspense fallback={null}>
        <FileDrop />
      </Suspense>
      {canvasPainted && (
        <Suspense fallback={null}>
          <Overlays />
        </Suspense>
      )}
    </div>
  );
}
