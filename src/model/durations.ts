/**
 * Durations in design files are written the way people say them: `30s`, `15m`, `4h`, `1d`,
 * or combinations such as `1h30m`. Internally every duration is a whole number of seconds.
 */
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
type DurationUnit = keyof typeof UNIT_SECONDS;

const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?[smhd])+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)([smhd])/g;

/** Parses `15m`, `4h`, `1h30m` into seconds; returns undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION_PATTERN.test(trimmed)) return undefined;
  let seconds = 0;
  for (const match of trimmed.matchAll(DURATION_PART)) {
    seconds += Number(match[1]) * UNIT_SECONDS[match[2] as DurationUnit];
  }
  return Math.round(seconds);
}

/** Formats seconds as the shortest exact duration string (`900` -> `15m`, `5400` -> `1h30m`). */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return 'unbounded';
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_SECONDS[unit];
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
