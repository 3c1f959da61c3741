import { useMemo, useState } from 'react';
import { currentDocument } from '../store';
import { shareLink } from '../persistence/share-link';
import { Dialog } from './Dialog';
import { closeDialog } from './ui-state';

/** A link that carries the whole design in its fragment: whoever opens it gets a copy in their library. */
export default function ShareDialog() {
  const link = useMemo(() => shareLink(window.location.href, currentDocument()), []);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog title="Share as a link" testId="share-dialog" onClose={closeDialog}>
      {link.ok && link.url ? (
        <>
          <p>
            The link holds a copy of this design ({link.url.length.toLocaleString('en-US')} characters). Whoever opens it gets the copy as a new design in their
            library; later edits on either side are not shared. The design travels in the part after <code>#</code>, which browsers do not send to any server.
          </p>
          <div className="share-row">
            <input readOnly className="share-url" data-testid="share-link-url" value={link.url} onFocus={(event) => event.currentTarget.select()} aria-label="Link" />
            <button type="button" className="ns-button primary" data-testid="share-link-copy" onClick={() => void copy(link.url!)}>
              Copy
            </button>
          </div>
          {copied === 'yes' && <p className="ok">Copied to the clipboard.</p>}
          {copied === 'failed' && <p className="field-error">The browser did not allow copying; select the link and copy it by hand.</p>}
        </>
      ) : (
        <p className="field-error" data-testid="share-link-error">
          This design cannot be shared as a link: {link.ok ? 'unknown error' : link.message}.
        </p>
      )}
    </Dialog>
  );
}
