/** The panels' form controls: one draft-and-commit behaviour (`useDraft`) behind every typed field. */
export { Field, TextField, NumberField, InlineField, SelectField, CheckboxField } from './Field';
export { useDraft, type DraftOptions } from './draft';
export { useEditGesture } from './edit-gesture';
export { checkField, parseNumberText, readNumber, type Reading } from './values';
