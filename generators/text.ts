/**
 * Design text (names, descriptions, locations) in Markdown, always placed mid-line: one line, with
 * every character that Markdown or HTML could read as inline syntax written as a character
 * reference, so a hostile name can add no heading, link, table cell, emphasis, code or tag.
 * Ids are safe as they are.
 */
export function markdownText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .trim()
      // `(`, `)` and `!` stay as they are: with `[` and `]` written as references they cannot form a link or an image.
      .replace(/[\\`*_[\]<>#|~&]|:(?=\/\/)|^[-+=]/g, (ch) => `&#${ch.charCodeAt(0)};`)
  );
}

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
