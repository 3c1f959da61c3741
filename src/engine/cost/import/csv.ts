/**
 * Splits one CSV record into fields (RFC 4180 quoting: "a ""b"" c"). The price-list files this
 * reads have no line breaks inside fields, so a record is a line; that lets a 300 MB AWS file be
 * read a line at a time.
 */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field.replace(/\r$/, ''));
  return fields;
}

/** Attribute names as the JSON and CSV forms of a price list both spell them: "Instance Type" and "instanceType" are "instancetype". */
export const attributeName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
