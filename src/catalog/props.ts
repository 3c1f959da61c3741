import type { Component } from '../model';
import type { PropSpec } from './types';

/** What these helpers need of a kind: its prop specs. */
type WithProps = { readonly props: readonly PropSpec[] };

function defaultsOf(specs: readonly PropSpec[]): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.type === 'group') defaults[spec.key] = defaultsOf(spec.fields);
    else if ('default' in spec && spec.default !== undefined) defaults[spec.key] = spec.default;
  }
  return defaults;
}

const defaultsCache = new WeakMap<WithProps, Record<string, unknown>>();

/** The kind's defaults for every prop that has one (groups as nested objects). */
export function propDefaults(kind: WithProps): Readonly<Record<string, unknown>> {
  let defaults = defaultsCache.get(kind);
  if (!defaults) {
    defaults = defaultsOf(kind.props);
    defaultsCache.set(kind, defaults);
  }
  return defaults;
}

function mergeWithDefaults(specs: readonly PropSpec[], defaults: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  // Every component's props are merged when it is first analysed: no list of entries made per call,
  // and a key's spec looked up only for the values that can be a group's.
  const keys = Object.keys(given);
  for (let k = 0; k < keys.length; k += 1) {
    const key = keys[k]!;
    const value = given[key];
    // The spec looked up along the list without a closure (one a value, for every component analysed).
    let spec: PropSpec | undefined;
    if (value !== null && typeof value === 'object') {
      for (let s = 0; s < specs.length; s += 1) {
        if (specs[s]!.key === key) {
          spec = specs[s];
          break;
        }
      }
    }
    if (spec?.type === 'group') {
      merged[key] = mergeWithDefaults(spec.fields, (defaults[key] as Record<string, unknown>) ?? {}, value as Record<string, unknown>);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/** A component's props as the engine reads them: what the file says, over the kind's defaults. */
export function effectiveProps(kind: WithProps, component: Pick<Component, 'props'>): Record<string, unknown> {
  return mergeWithDefaults(kind.props, propDefaults(kind) as Record<string, unknown>, component.props ?? {});
}

/** Finds a prop spec by path (`['backup', 'retentionDays']`). */
export function findPropSpec(kind: WithProps, path: readonly string[]): PropSpec | undefined {
  let specs: readonly PropSpec[] = kind.props;
  let found: PropSpec | undefined;
  for (const key of path) {
    found = specs.find((spec) => spec.key === key);
    if (!found) return undefined;
    specs = found.type === 'group' ? found.fields : [];
  }
  return found;
}

/** Every region-reference prop path of a kind, for reference checks. */
export function regionPropPaths(kind: WithProps): string[][] {
  const paths: string[][] = [];
  const walk = (specs: readonly PropSpec[], prefix: string[]) => {
    for (const spec of specs) {
      if (spec.type === 'region') paths.push([...prefix, spec.key]);
      if (spec.type === 'group') walk(spec.fields, [...prefix, spec.key]);
    }
  };
  walk(kind.props, []);
  return paths;
}
