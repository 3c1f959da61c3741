/** Design text in Markdown: the model's escaper (src/model/escape.ts), shared with every other output. */
export { markdownText } from '../src/model';

/**
 * The default `name_prefix` of generated resources: the design's slug, at most 16 characters,
 * starting with a letter (RDS, ElastiCache and EKS names must) and without `--`: "2024 Client
 * portal" gives `p-2024-client-po`.
 */
export function defaultNamePrefix(slug: string): string {
  const tidy = slug.replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+/, '');
  const lettered = /^[a-z]/.test(tidy) && !/^(sg-|internal-)/.test(tidy) ? tidy : `p-${tidy}`;
  return lettered.slice(0, 16).replace(/-+$/, '') || 'platform';
}
