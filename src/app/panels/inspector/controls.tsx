import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { beginGesture, endGesture } from '../../store';

/**
 * Form controls for panels. Text and number fields validate on every keystroke and write only
 * valid values; the writes of one focus (typing a name) are one undo step, like a drag; an
 * invalid draft shows its message beside the field and is dropped when the field loses focus.
 */

/** Makes everything written while a field has focus one undo step. */
export function useEditGesture() {
  const active = useRef(false);
  useEffect(
    () => () => {
      if (active.current) {
        active.current = false;
        endGesture();
      }
    },
    [],
  );
  return {
    onFocus: () => {
      if (!active.current) {
        active.current = true;
        beginGesture();
      }
    },
    onBlur: () => {
      if (active.current) {
        active.current = false;
        endGesture();
      }
    },
  };
}

interface FieldFrame {
  testId: string;
  label: string;
  help?: string;
  error?: string | null;
  children: (id: string, describedBy: string) => ReactNode;
  after?: ReactNode;
}

export function Field({ testId, label, help, error, children, after }: FieldFrame) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="field" data-field={testId}>
      <label htmlFor={id}>{label}</label>
      {children(id, [error ? errorId : '', help ? helpId : ''].filter(Boolean).join(' '))}
      {error && (
        <p className="field-error" id={errorId} role="alert" data-testid={testId.replace('-field-', '-error-')}>
          {error}
        </p>
      )}
      {after}
      {help && (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}

export function TextField(props: {
  testId: string;
  label: string;
  help?: string;
  value: string;
  /** The message for an invalid text, or null when it may be written. */
  check?: (text: string) => string | null;
  commit: (text: string) => void;
  multiline?: boolean;
  suggestions?: readonly string[];
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const gesture = useEditGesture();
  const listId = useId();
  const shown = draft ?? props.value;
  const error = draft !== null ? (props.check?.(draft) ?? null) : null;
  const onChange = (text: string) => {
    setDraft(text);
    if (!(props.check?.(text) ?? null) && text !== props.value) props.commit(text);
  };
  const common = {
    value: shown,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    'aria-invalid': error !== null,
    onFocus: gesture.onFocus,
    onBlur: () => {
      setDraft(null);
      gesture.onBlur();
    },
  };
  return (
    <Field testId={props.testId} label={props.label} help={props.help} error={error}>
      {(id, describedBy) =>
        props.multiline ? (
          <textarea id={id} rows={3} aria-describedby={describedBy || undefined} {...common} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <>
            <input
              id={id}
              type="text"
              aria-describedby={describedBy || undefined}
              list={props.suggestions ? listId : undefined}
              {...common}
              onChange={(e) => onChange(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
            {props.suggestions && (
              <datalist id={listId}>
                {props.suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            )}
          </>
        )
      }
    </Field>
  );
}

/** Parses what was typed: a value to check and write, or the message for why it is not a value. */
export type NumberReading = { ok: true; value: number | null } | { ok: false; message: string };

export function NumberField(props: {
  testId: string;
  label: string;
  help?: string;
  value: number | null | undefined;
  unit?: string;
  parse: (text: string) => NumberReading;
  check: (value: number | null) => string | null;
  commit: (value: number | null) => void;
  /** For nullable numbers: the label of the "no value" choice (e.g. "Never tested"). */
  nullLabel?: string;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const gesture = useEditGesture();
  const isNull = props.nullLabel !== undefined && (props.value === null || props.value === undefined);
  const stored = props.value === null || props.value === undefined ? '' : String(props.value);
  const shown = draft ?? stored;
  const reading = draft !== null ? props.parse(draft) : null;
  const error = reading ? (reading.ok ? props.check(reading.value) : reading.message) : null;
  return (
    <Field
      testId={props.testId}
      label={props.label}
      help={props.help}
      error={error}
      after={
        props.nullLabel !== undefined ? (
          <label className="checkbox-row">
            <input
              type="checkbox"
              data-testid={`${props.testId}-null`}
              checked={isNull}
              onChange={(e) => {
                setDraft(null);
                if (e.target.checked) props.commit(null);
                else if (!props.check(0)) props.commit(0);
              }}
            />
            {props.nullLabel}
          </label>
        ) : null
      }
    >
      {(id, describedBy) => (
        <div className="field-row">
          <input
            id={id}
            type="text"
            inputMode="decimal"
            data-testid={props.testId}
            aria-describedby={describedBy || undefined}
            aria-invalid={error !== null}
            value={shown}
            placeholder={isNull ? props.nullLabel : props.placeholder}
            onFocus={gesture.onFocus}
            onBlur={() => {
              setDraft(null);
              gesture.onBlur();
            }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            onChange={(e) => {
              const text = e.target.value;
              setDraft(text);
              const parsed = props.parse(text);
              if (parsed.ok && !props.check(parsed.value) && parsed.value !== props.value) props.commit(parsed.value);
            }}
          />
          {props.unit && <span className="field-unit">{props.unit}</span>}
        </div>
      )}
    </Field>
  );
}

export function SelectField(props: {
  testId: string;
  label: string;
  help?: string;
  value: string;
  options: readonly { value: string; label: string }[];
  commit: (value: string) => void;
  error?: string | null;
}) {
  return (
    <Field testId={props.testId} label={props.label} help={props.help} error={props.error}>
      {(id, describedBy) => (
        <select id={id} data-testid={props.testId} aria-describedby={describedBy || undefined} value={props.value} onChange={(e) => props.commit(e.target.value)}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField(props: { testId: string; label: string; help?: string; value: boolean; commit: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="field" data-field={props.testId}>
      <label className="checkbox-row" htmlFor={id}>
        <input id={id} type="checkbox" data-testid={props.testId} checked={props.value} onChange={(e) => props.commit(e.target.checked)} />
        {props.label}
      </label>
      {props.help && <p className="field-help">{props.help}</p>}
    </div>
  );
}
