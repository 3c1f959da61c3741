/**
 * Design text (names, descriptions, locations, sources) in Markdown, always mid-line: one line, with
 * every character Markdown or HTML could read as syntax written as a character reference, so a
 * hostile name adds no heading, link, table cell, emphasis, code or tag. Ids are safe as they are.
 * (The runbooks generator has the same helper in generators/text.ts; merge to one when both land.)
 */
export function text(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .trim()
      .replace(/[\\`*_[\]<>#|~&]|:(?=\/\/)|^[-+=]/g, (ch) => `&#${ch.charCodeAt(0)};`)
  );
}

/** Text for a table cell: as `text`, never empty (an empty cell shifts nothing, but reads as missing). */
export function cell(value: string): string {
  return text(value) || '&#32;';
}
