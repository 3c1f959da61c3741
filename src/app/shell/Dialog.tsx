import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: focus trap, Escape and the backdrop come with it. */
export function Dialog({ title, testId, onClose, children, wide }: { title: string; testId: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`ns-dialog${wide ? ' ns-dialog-wide' : ''}`}
      data-testid={testId}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      // The canvas's shortcuts listen on the window: Delete or Ctrl+Z in a dialog must not edit
      // the design behind it.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="ns-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ns-icon-button" aria-label="Close" data-testid={`${testId}-close`} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="ns-dialog-body">{children}</div>
    </dialog>
  );
}
