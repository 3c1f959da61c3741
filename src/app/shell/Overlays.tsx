import { Suspense, lazy } from 'react';
import Notices from './Notices';
import { useShell } from './ui-state';

const TemplateGallery = lazy(() => import('./TemplateGallery'));
const LibraryDialog = lazy(() => import('./LibraryDialog'));
const ShareDialog = lazy(() => import('./ShareDialog'));
const ProblemsDialog = lazy(() => import('./ProblemsDialog'));

/** Dialogs and notices, above the working view. Dialogs load when first opened. */
export default function Overlays() {
  const dialog = useShell((state) => state.dialog);
  return (
    <>
      <Suspense fallback={null}>
        {dialog === 'gallery' && <TemplateGallery />}
        {dialog === 'library' && <LibraryDialog />}
        {dialog === 'share' && <ShareDialog />}
        {dialog === 'problems' && <ProblemsDialog />}
      </Suspense>
      <Notices />
    </>
  );
}
