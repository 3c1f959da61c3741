import { memo, useState, type KeyboardEvent } from 'react';

/**
 * A label that becomes a text field on double-click (the draw.io and Figma habit). Enter or
 * leaving the field commits, Escape cancels. The field carries `nodrag nowheel` so typing and
 * selecting text inside a node does not drag or zoom the canvas.
 */
export const EditableLabel = memo(function EditableLabel({
  value,
  testId,
  title,
  onCommit,
  className,
}: {
  value: string;
  testId: string;
  title: string;
  onCommit: (next: string) => void;
  /** Placed on the label and on its field alike, so either takes the label's place in its parent's layout. */
  className?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing) {
    return (
      <span
        className={className ? `ns-editable ${className}` : 'ns-editable'}
        data-testid={testId}
        title={`${title} (double-click to rename)`}
        onDoubleClick={(event) => {
          event.stopPropagation();
          setDraft(value);
          setEditing(true);
        }}
      >
        {value}
      </span>
    );
  }
  const finish = (commit: boolean) => {
    setEditing(false);
    if (commit && draft.trim() !== '' && draft !== value) onCommit(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
  };
  return (
    <input
      className={`ns-editable-input nodrag nowheel nopan${className ? ` ${className}` : ''}`}
      data-testid={`${testId}-input`}
      aria-label={title}
      autoFocus
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
});
