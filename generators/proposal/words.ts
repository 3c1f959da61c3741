import type { Severity } from '../../src/engine';

/**
 * A duration as a client reads it: "about 15 minutes", "about 2 hours". Rounded to the unit that
 * fits, so it agrees with the exact figure (formatDuration) to within that unit.
 */
export function plainDuration(seconds: number): string {
  if (seconds < 1) return 'no time';
  if (seconds < 90) return `${Math.round(seconds)} second${Math.round(seconds) === 1 ? '' : 's'}`;
  const minutes = seconds / 60;
  if (minutes < 90) return `${Math.round(minutes)} minute${Math.round(minutes) === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  if (hours < 36) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** Names joined as a person writes them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A finding's severity as the risk register states it. */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Note',
};

/** First letter upper-case: a sentence that starts with a name. */
export const capitalize = (text: string): string => (text === '' ? text : `${text[0]!.toUpperCase()}${text.slice(1)}`);
