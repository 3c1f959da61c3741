import { useState, type KeyboardEvent } from 'react';
import { useEditGesture } from './edit-gesture';
import type { Reading } from './values';

export interface DraftOptions<T> {
  /** What the document holds, as the field shows it. */
  value: string;
  /** What typed text means: a value to write, or the message for why it is not one. */
  read: (text: string) => Reading<T>;
  commit: (value: T) => void;
  /** True when `value` is what the document already holds: nothing is written then. */
  unchanged?: (value: T) => boolean;
  /**
   * `change` (the default): every valid keystroke is written, and the writes of one focus are one
   * undo step. `blur`: the value is written when the field is left or Enter is pressed (fields whose
   * every write reprices a design); Escape drops the draft.
   */
  commitOn?: 'change' | 'blur';
}

/**
 * The one draft-and-commit behaviour of every typed field: the text typed is a draft, read on every
 * keystroke; a valid value is written (now, or on leaving the field), an invalid one shows its
 * message and is never written, and leaving the field drops what was not written, showing the
 * document's value again.
 */
export function useDraft<T>({ value, read, commit, unchanged, commitOn = 'change' }: DraftOptions<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const gesture = useEditGesture();
  const reading = draft === null ? null : read(draft);
  const write = (candidate: Reading<T>) => {
    if (candidate.ok && !unchanged?.(candidate.value)) commit(candidate.value);
  };
  return {
    text: draft ?? value,
    /** The message for the draft, or null when there is none or it is valid. */
    error: reading && !reading.ok ? reading.message : null,
    onChange: (text: string) => {
      setDraft(text);
      if (commitOn === 'change') write(read(text));
    },
    onFocus: gesture.onFocus,
    onBlur: () => {
      if (commitOn === 'blur' && reading) write(reading);
      setDraft(null);
      gesture.onBlur();
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && event.currentTarget instanceof HTMLInputElement) event.currentTarget.blur();
      if (event.key === 'Escape' && commitOn === 'blur') setDraft(null);
    },
  };
}
