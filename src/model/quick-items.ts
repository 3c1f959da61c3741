import { CONNECTION_MODES, ID_PATTERN, MAX_ZONES_PER_REGION } from './format-constants';
import type { Component, Connection, LayoutPoint } from './schema';

/**
 * Readers for the items a large design has thousands of (components, connections, layout points)
 * that give what componentSchema, connectionSchema and layoutPointSchema give, for an item that
 * certainly fits, without zod's machinery (two objects per field checked, an issue list per value):
 * reading 20,000 components and 26,000 connections through zod was about a fifth of reading the
 * file. Anything they are not sure of (a wrong value, an unknown or undefined field, an object
 * that is not plain) gives undefined, and the schema reads that item itself, so what is refused and
 * how it is described stay the schema's. What they accept they build as zod does: a new object,
 * its fields in the schema's order, defaults filled in, absent optional fields left out.
 */

const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** An object as JSON or YAML gives it: own enumerable string keys only, on the ordinary prototype. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !Array.isArray(value);
}

/** How many enumerable keys the object has, or -1 when one of them is `__proto__` (zod's records skip it) or has no value. */
function definedKeyCount(value: Record<string, unknown>): number {
  let count = 0;
  for (const key in value) {
    if (key === '__proto__' || value[key] === undefined) return -1;
    count += 1;
  }
  return count;
}

/**
 * Whether the object's keys come in the order of `order`, each of them one of it. An item the
 * reader's own parse made afresh, whose keys already come as the schema puts them, is kept rather
 * than copied: at 20,000 components a copy of every item was a few megabytes more for the
 * collector to move while the rest of the file was read.
 */
function keysInOrder(value: Record<string, unknown>, order: readonly string[]): boolean {
  let at = 0;
  for (const key in value) {
    while (at < order.length && order[at] !== key) at += 1;
    if (at === order.length) return false;
    at += 1;
  }
  return true;
}

const COMPONENT_KEYS = ['id', 'kind', 'name', 'description', 'region', 'zones', 'replicas', 'props'] as const;
const CONNECTION_KEYS = ['from', 'to', 'mode', 'label'] as const;
const LAYOUT_POINT_KEYS = ['x', 'y'] as const;

const isDisplayText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** A number zod's z.number() takes (finite) that is a safe integer in [min, max], as `.int().min().max()` checks. */
const isWholeNumber = (value: unknown, min: number, max: number): value is number => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * componentSchema's reading of `value`, or undefined when the schema should read it itself. With
 * `owned` (the value is the caller's own, made by its parse and held nowhere else), a value that is
 * already what the schema would make comes back itself.
 */
export function quickComponent(value: unknown, owned = false): Component | undefined {
  if (!isPlainRecord(value)) return undefined;
  const { id, kind, name, description, region, zones, replicas, props } = value;
  if (!isId(id) || !isId(kind)) return undefined;
  const component: Component = { id, kind };
  let fields = 2;
  if (name !== undefined) {
    if (!isDisplayText(name, 200)) return undefined;
    component.name = name;
    fields += 1;
  }
  if (description !== undefined) {
    if (!isDisplayText(description, 4000)) return undefined;
    component.description = description;
    fields += 1;
  }
  if (region !== undefined) {
    if (!isId(region)) return undefined;
    component.region = region;
    fields += 1;
  }
  if (zones !== undefined) {
    if (!Array.isArray(zones) || zones.length === 0 || zones.length > MAX_ZONES_PER_REGION) return undefined;
    for (let index = 0; index < zones.length; index += 1) {
      if (typeof zones[index] !== 'string') return undefined;
    }
    component.zones = owned ? (zones as string[]) : zones.slice();
    fields += 1;
  }
  if (replicas !== undefined) {
    if (!isWholeNumber(replicas, 1, 100000)) return undefined;
    component.replicas = replicas;
    fields += 1;
  }
  if (props !== undefined) {
    // z.record(z.string(), z.unknown()): a new object with the same keys in the same order, values as they are.
    if (!isPlainRecord(props)) return undefined;
    if (owned) {
      for (const key in props) if (key === '__proto__') return undefined;
      component.props = props;
    } else {
      const copy: Record<string, unknown> = {};
      for (const key in props) {
        if (key === '__proto__') return undefined;
        copy[key] = props[key];
      }
      component.props = copy;
    }
    fields += 1;
  }
  // Any other field (strictObject refuses it), or a field whose value is undefined: the schema's to describe.
  if (definedKeyCount(value) !== fields) return undefined;
  return owned && keysInOrder(value, COMPONENT_KEYS) ? (value as Component) : component;
}

const isConnectionMode = (value: unknown): value is Connection['mode'] => typeof value === 'string' && (CONNECTION_MODES as readonly string[]).includes(value);

/** connectionSchema's reading of `value`, or undefined when the schema should read it itself; `owned` as for quickComponent. */
export function quickConnection(value: unknown, owned = false): Connection | undefined {
  if (!isPlainRecord(value)) return undefined;
  const { from, to, mode, label } = value;
  if (!isId(from) || !isId(to)) return undefined;
  let fields = 2;
  if (mode !== undefined) {
    if (!isConnectionMode(mode)) return undefined;
    fields += 1;
  }
  const connection: Connection = { from, to, mode: mode ?? 'sync' };
  if (label !== undefined) {
    if (!isDisplayText(label, 200)) return undefined;
    connection.label = label;
    fields += 1;
  }
  if (definedKeyCount(value) !== fields) return undefined;
  // Without a mode the schema adds its default.
  return owned && mode !== undefined && keysInOrder(value, CONNECTION_KEYS) ? (value as Connection) : connection;
}

/** layoutPointSchema's reading of `value`, or undefined when the schema should read it itself; `owned` as for quickComponent. */
export function quickLayoutPoint(value: unknown, owned = false): LayoutPoint | undefined {
  if (!isPlainRecord(value)) return undefined;
  const { x, y } = value;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  if (definedKeyCount(value) !== 2) return undefined;
  return owned && keysInOrder(value, LAYOUT_POINT_KEYS) ? (value as LayoutPoint) : { x, y };
}

/** idSchema's check, for the keys of the layout. */
export const isQuickId = isId;
