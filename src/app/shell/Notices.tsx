import { useEffect } from 'react';
import { clearNotice, useStore } from '../store';

const INFO_MS = 6000;

/** The notice of `notify()`: information fades after a few seconds, an error stays until closed. */
export default function Notices() {
  const notice = useStore((state) => state.notice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(clearNotice, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice" data-kind={notice.kind}>
      <div>
        <strong data-testid="notice-title">{notice.title}</strong>
        {notice.details && notice.details.length > 0 && (
          <ul>
            {notice.details.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="ns-icon-button" aria-label="Dismiss" data-testid="notice-close" onClick={clearNotice}>
        ×
      </button>
    </div>
  );
}
