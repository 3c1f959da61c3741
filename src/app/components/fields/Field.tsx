import { useId, type ReactNode } from 'react';
import { useDraft } from './draft';
import type { Reading } from './values';

/**
 * Form controls for panels (the inspector, the design panel, the cost panel). Typed fields share
 * one draft-and-commit behaviour (`useDraft`): they validate on every keystroke, write only valid
 * values, show an invalid draft's message beside the field, and drop it when the field loses focus.
 */

interface FieldFrame {
  testId: string;
  label: string;
  help?: string;
  error?: string | null;
  children: (id: string, describedBy: string) => ReactNode;
  after?: ReactNode;
}

/** A labelled row: the control, its message (test id with `-error-` for `-field-`), then help. */
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
  /** `blur`: write only on leaving the field (Enter), for values whose every keystroke must not be an edit (an id). */
  commitOn?: 'change' | 'blur';
}) {
  const listId = useId();
  const draft = useDraft<string>({
    commitOn: props.commitOn,
    value: props.value,
    read: (text) => {
      const message = props.check?.(text) ?? null;
      return message === null ? { ok: true, value: text } : { ok: false, message };
    },
    commit: props.commit,
    unchanged: (text) => text === props.value,
  });
  const common = {
    value: draft.text,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    'aria-invalid': draft.error !== null,
    onFocus: draft.onFocus,
    onBlur: draft.onBlur,
    onKeyDown: draft.onKeyDown,
  };
  return (
    <Field testId={props.testId} label={props.label} help={props.help} error={draft.error}>
      {(id, describedBy) =>
        props.multiline ? (
          <textarea id={id} rows={3} aria-describedby={describedBy || undefined} {...common} onChange={(e) => draft.onChange(e.target.value)} />
        ) : (
          <>
            <input
              id={id}
              type="text"
              aria-describedby={describedBy || undefined}
              list={props.suggestions ? listId : undefined}
              {...common}
              onChange={(e) => draft.onChange(e.target.value)}
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

export function NumberField(props: {
  testId: string;
  label: string;
  help?: string;
  value: number | null | undefined;
  unit?: string;
  parse: (text: string) => Reading<number | null>;
  check: (value: number | null) => string | null;
  commit: (value: number | null) => void;
  /** For nullable numbers: the label of the "no value" choice (e.g. "Never tested"). */
  nullLabel?: string;
  placeholder?: string;
}) {
  const isNull = props.nullLabel !== undefined && (props.value === null || props.value === undefined);
  const draft = useDraft<number | null>({
    value: props.value === null || props.value === undefined ? '' : String(props.value),
    read: (text) => {
      const parsed = props.parse(text);
      if (!parsed.ok) return parsed;
      const message = props.check(parsed.value);
      return message === null ? parsed : { ok: false, message };
    },
    commit: props.commit,
    unchanged: (value) => value === props.value,
  });
  return (
    <Field
      testId={props.testId}
      label={props.label}
      help={props.help}
      error={draft.error}
      after={
        props.nullLabel !== undefined ? (
          <label className="checkbox-row">
            <input
              type="checkbox"
              data-testid={`${props.testId}-null`}
              checked={isNull}
              onChange={(e) => {
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
            aria-invalid={draft.error !== null}
            value={draft.text}
            placeholder={isNull ? props.nullLabel : props.placeholder}
            onFocus={draft.onFocus}
            onBlur={draft.onBlur}
            onKeyDown={draft.onKeyDown}
            onChange={(e) => draft.onChange(e.target.value)}
          />
          {props.unit && <span className="field-unit">{props.unit}</span>}
        </div>
      )}
    </Field>
  );
}

/**
 * A typed value without a label row, for table cells (tier targets, usage assumptions): the input,
 * with an invalid draft's message under it (test id `<testId>-error`).
 */
export function InlineField<T>(props: {
  testId: string;
  /** The accessible name, since there is no visible label. */
  label: string;
  value: string;
  read: (text: string) => Reading<T>;
  commit: (value: T) => void;
  unchanged?: (value: T) => boolean;
  commitOn?: 'change' | 'blur';
  placeholder?: string;
  numeric?: boolean;
}) {
  const errorId = useId();
  const draft = useDraft<T>(props);
  return (
    <>
      <input
        type="text"
        inputMode={props.numeric ? 'decimal' : undefined}
        aria-label={props.label}
        data-testid={props.testId}
        value={draft.text}
        placeholder={props.placeholder}
        aria-invalid={draft.error !== null}
        aria-describedby={draft.error ? errorId : undefined}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onKeyDown={draft.onKeyDown}
        onChange={(e) => draft.onChange(e.target.value)}
      />
      {draft.error && (
        <div className="field-error" id={errorId} role="alert" data-testid={`${props.testId}-error`}>
          {draft.error}
        </div>
      )}
    </>
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
