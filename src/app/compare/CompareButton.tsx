import { Suspense, lazy, useState } from 'react';

const CompareView = lazy(() => import('./CompareView'));

/** The toolbar's Compare button; the compare view (and the engine work it does) loads when first opened. */
export default function CompareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="ns-button" data-testid="toolbar-compare" title="Compare two to four designs side by side" onClick={() => setOpen(true)}>
        Compare
      </button>
      {open && (
        <Suspense fallback={null}>
          <CompareView onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
