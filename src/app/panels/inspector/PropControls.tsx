import type { ComponentKind, PropSpec } from '../../../catalog';
import type { Component, Design } from '../../../model';
import { setComponentProp } from '../../commands';
import { CheckboxField, NumberField, SelectField, TextField, parseNumberText } from '../../components/fields';
import { checkPropValue, getIn } from './prop-values';

/**
 * The controls of a kind's props, generated from its PropSpec list: numbers with their range and
 * unit, choices, toggles, text with suggestions, region pickers, nested groups (backup), and
 * nullable numbers with their "none" choice. Values shown are the effective ones (the kind's
 * defaults where the file says nothing); writing sets only the prop changed.
 */
interface PropControlProps {
  kind: ComponentKind;
  component: Component;
  design: Design;
  spec: PropSpec;
  path: readonly string[];
  effective: Record<string, unknown>;
}

const NONE = '';

function PropControl({ kind, component, design, spec, path, effective }: PropControlProps) {
  const key = path.join('.');
  const testId = `inspector-field-${key}`;
  const value = getIn(effective, path);
  const check = (candidate: unknown) => checkPropValue(kind, component.props, path, candidate);
  const commit = (candidate: unknown) => {
    if (check(candidate) === null) setComponentProp(component.id, path, candidate);
  };
  switch (spec.type) {
    case 'number':
    case 'integer':
      return (
        <NumberField
          testId={testId}
          label={spec.label}
          help={spec.help}
          unit={spec.unit}
          value={typeof value === 'number' ? value : value === null ? null : undefined}
          nullLabel={spec.nullable ? (spec.nullLabel ?? 'None') : undefined}
          placeholder={spec.min !== undefined || spec.max !== undefined ? `${spec.min ?? ''}–${spec.max ?? ''}` : undefined}
          parse={(text) => parseNumberText(text, spec)}
          check={check}
          commit={commit}
        />
      );
    case 'boolean':
      return <CheckboxField testId={testId} label={spec.label} help={spec.help} value={value === true} commit={commit} />;
    case 'choice':
      return (
        <SelectField
          testId={testId}
          label={spec.label}
          help={spec.help}
          value={typeof value === 'string' ? value : spec.default}
          options={spec.choices}
          commit={commit}
        />
      );
    case 'text':
      return (
        <TextField
          testId={testId}
          label={spec.label}
          help={spec.help}
          value={typeof value === 'string' ? value : ''}
          suggestions={spec.suggestions}
          check={(text) => check(text)}
          commit={commit}
        />
      );
    case 'region': {
      const options = [
        { value: NONE, label: 'None' },
        ...design.regions.filter((r) => r.id !== component.region).map((r) => ({ value: r.id, label: `${r.name ?? r.id} (${r.location})` })),
      ];
      // A reference to the component's own region stays listed so the select shows the truth.
      if (typeof value === 'string' && !options.some((o) => o.value === value)) options.push({ value, label: value });
      return (
        <SelectField
          testId={testId}
          label={spec.label}
          help={spec.help}
          value={typeof value === 'string' ? value : NONE}
          options={options}
          commit={(selected) => setComponentProp(component.id, path, selected === NONE ? undefined : selected)}
        />
      );
    }
    case 'group':
      return (
        <fieldset className="field-group" data-testid={`inspector-group-${key}`}>
          <legend>{spec.label}</legend>
          <p className="field-help">{spec.help}</p>
          {spec.fields.map((field) => (
            <PropControl key={field.key} kind={kind} component={component} design={design} spec={field} path={[...path, field.key]} effective={effective} />
          ))}
        </fieldset>
      );
  }
}

export function PropControls({ kind, component, design, effective }: Omit<PropControlProps, 'spec' | 'path'>) {
  return (
    <>
      {kind.props.map((spec) => (
        <PropControl key={spec.key} kind={kind} component={component} design={design} spec={spec} path={[spec.key]} effective={effective} />
      ))}
    </>
  );
}
