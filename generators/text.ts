/** Design text in Markdown: the model's escaper (src/model/escape.ts), shared with every other output. */
export { markdownText } from '../src/model';

/** The default `name_prefix` of generated resources: the design's slug, at most 16 characters. */
export function defaultNamePrefix(slug: string): string {
  return slug.slice(0, 16).replace(/-+$/, '') || 'platform';
}
