/**
 * Helpers shared by the generators' tests: hostile text for property-based tests and a walk over
 * parsed output. Plain TypeScript (no fs), so it obeys the generators' layer rules.
 */
import type { Design } from '../src/model';

/** Fragments that break naive generators: HCL/Helm/YAML/Markdown syntax, control characters, surrogates. */
export const HOSTILE_FRAGMENTS = [
  '${var.secret}',
  '%{ if true }x%{ endif }',
  '$${',
  '%%{',
  '$',
  '%',
  '"',
  '\\',
  '\\"',
  '\n}\nresource "aws_iam_user" "evil" {\n  name = "x"\n',
  '"\n  evil = "1',
  '# comment',
  '\r\n',
  '\t',
  '\u0000',
  '\u2028',
  '\uD800',
  '{{ .Values.secret }}',
  '{{- include "x" . }}',
  'key: value',
  '---\n',
  '- item',
  '&anchor *alias',
  '!!js/function',
  '<script>alert(1)</script>',
  '[link](https://evil.example)',
  '`code`',
  '| table |',
  '**bold**',
  'ℵ ünïcödé 名前 🚀',
  ' ',
  'EOT',
  '<<EOF',
  '\u0085env: [{name: X}]',
  '\u202e',
  '\u200b',
  '\ufeff',
  '$(touch /tmp/pwned)',
  '`id`',
  "'; rm -rf ~; '",
  '1. ',
  '@someone',
  'www.evil.example',
  '=HYPERLINK("https://evil.example")',
] as const;

/** Gives every component, region and journey of `design` a hostile name (and, unless turned off, a hostile region location). */
export function withNames(design: Design, name: (kind: 'component' | 'region' | 'journey' | 'design', index: number) => string, options: { locations?: boolean } = {}): Design {
  return {
    ...design,
    name: name('design', 0).slice(0, 200) || 'x',
    description: name('design', 1).slice(0, 8000),
    regions: design.regions.map((region, index) => ({ ...region, name: name('region', index).slice(0, 200), location: options.locations === false ? region.location : name('region', index).slice(0, 64) || 'x' })),
    components: design.components.map((component, index) => ({ ...component, name: name('component', index).slice(0, 200) })),
    journeys: design.journeys.map((journey, index) => ({ ...journey, name: name('journey', index).slice(0, 200) || 'x' })),
  };
}

/** Every string leaf of a parsed JSON value, with its path. */
export function stringLeaves(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => stringLeaves(item, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) stringLeaves(child, `${path}.${key}`, out);
  return out;
}

/** The shape of a parsed value: keys and array lengths, with every scalar replaced by its type. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, shapeOf(child)]));
  return typeof value;
}
