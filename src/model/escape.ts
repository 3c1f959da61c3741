/**
 * Design text (names, descriptions, locations, journey names, suppression reasons) is whatever a
 * person or a hostile file typed. Every output writes it through the one escaper for that output,
 * here, so a name can never end a comment, start a key, open a link, move a terminal's cursor or
 * run a command where it is pasted. Ids need none of this: the format restricts them to `[a-z0-9-]`.
 *
 * Plain TypeScript at the bottom of the layers, so the model, catalog, engine, generators, the
 * command line and the app share it.
 */

/** Lone UTF-16 surrogates: they cannot be written as UTF-8, and YAML and HCL parsers refuse them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every character that some consumer treats as the end of a line: the C0 breaks, NEL (U+0085,
 * a line break for YAML 1.1 and its parsers: libyaml, go-yaml, PyYAML), and the Unicode line and
 * paragraph separators (line breaks for YAML 1.1 and for JavaScript source).
 */
export const LINE_BREAKS = /[\n\v\f\r\u0085\u2028\u2029]/;

/**
 * Characters that are not text: C0 and C1 controls (C1 includes NEL and the 8-bit CSI that
 * terminals read as an escape sequence), DEL, the line and paragraph separators, and the
 * non-characters U+FFFE and U+FFFF.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFFFE\uFFFF]/;

/**
 * Invisible characters that change how text around them reads: bidirectional overrides, embeddings
 * and isolates (Trojan Source), zero-width space, word joiner and invisible operators, the byte
 * order mark and tag characters. Zero-width joiner and non-joiner stay: scripts and emoji need them.
 */
const INVISIBLE = /[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/;

/** Text with lone surrogates replaced by U+FFFD, so it can be written as UTF-8. */
export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

const unicodeEscape = (ch: string): string =>
  ch.length === 2 ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

const TERMINAL_NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };
const TERMINAL_UNSAFE = new RegExp(`${CONTROLS.source}|${INVISIBLE.source}|${LONE_SURROGATE.source}`, 'g');

/**
 * Text for a terminal or a CI log: one line, with every control character, escape sequence, line
 * break and invisible or bidirectional character shown as a visible escape (`\n`, `\e`, `\x85`,
 * `\u202e`). A design can then neither move the cursor nor print a line of its own, such as a
 * GitHub Actions `::error file=...::` command. Idempotent: backslashes are left as they are.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => {
    const named = TERMINAL_NAMED[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : unicodeEscape(ch);
  });
}

const reference = (ch: string): string => `&#${ch.codePointAt(0)};`;

/** Text inside an HTML element or a quoted attribute: `& < > " '` as character references. */
export function htmlText(text: string): string {
  return wellFormedText(text).replace(/[&<>"']/g, reference);
}

/** The characters XML 1.0 cannot hold even as references: C0 controls but tab, newline and return, and U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/g;
const XML_REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/**
 * Text inside XML (the SVG and draw.io diagrams) element content and double- or single-quoted
 * attributes: markup characters as references; line breaks and tabs as references too (parsers
 * would turn them into spaces inside attributes, and some read NEL, U+2028 and U+2029 as line ends
 * to normalise, as XML 1.1 does); lone surrogates as U+FFFD; and the characters
 * XML 1.0 cannot hold at all dropped, so the document always parses.
 */
export function xmlText(text: string): string {
  return wellFormedText(text)
    .replace(NOT_XML, '')
    .replace(/[&<>"'\n\r\t\u0085\u2028\u2029]/g, (ch) => XML_REFERENCES[ch] ?? reference(ch));
}

const CONTROL_RUNS = new RegExp(`(?:${CONTROLS.source})+`, 'g');

/**
 * What Markdown (CommonMark, GitHub Flavored Markdown) or HTML could read as inline syntax: HTML's
 * `& < >`, emphasis, code, link and table markers, `#`, `~`, `@` before a word (mentions, e-mail
 * autolinks), and the `:` of `://` and the `.` of `www.` (autolinks).
 */
const MARKDOWN_INLINE = /[&<>\\`*_[\]#|~]|@(?=\w)|:(?=\/\/)|(?<=\bwww)\./gi;

/**
 * The ASCII characters that neither `markdownCell` nor `markdownText` change anywhere in a text:
 * letters, digits, the space, and punctuation that is no Markdown or HTML syntax here. `.`, `:`
 * and `@` are not among them (they are in an autolink only in some places).
 */
const PLAIN_MARKDOWN = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -,()'/+=!?;\"$%^{}") PLAIN_MARKDOWN[ch.charCodeAt(0)] = 1;
/** What `markdownText` changes at the start of a line besides: `-`, `+`, `=` and digits (`1.`, `1)`). */
const OPENS_A_BLOCK = new Uint8Array(128);
for (const ch of '-+=0123456789') OPENS_A_BLOCK[ch.charCodeAt(0)] = 1;
/** What `markdownCode` shows as it is in a span of one backtick: printable ASCII but the backtick. */
const PLAIN_CODE = new Uint8Array(128).fill(1, 0x20, 0x7f);
PLAIN_CODE[0x60] = 0;

/**
 * Whether `text` holds only ASCII characters that `plain` marks, neither starting nor ending with
 * a space (which the Markdown escapers trim or pad): such text they return as it is, and one pass
 * over it spares their regular expressions. Most names and commands are such, and a large
 * design's runbooks write tens of thousands of each.
 */
function isPlain(text: string, plain: Uint8Array): boolean {
  const length = text.length;
  if (length === 0 || text.charCodeAt(0) === 0x20 || text.charCodeAt(length - 1) === 0x20) return false;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 128 || plain[code] === 0) return false;
  }
  return true;
}

/**
 * Design text in a Markdown table cell or mid-line: one line (every line break and control
 * character becomes a space), with every character that Markdown, GitHub Flavored Markdown or HTML
 * could read as inline syntax written as a character reference. A name can then add no table
 * cell or row, link, image, autolink, mention, emphasis, code span or tag. Text with nothing to
 * show (controls, spaces) becomes U+FFFD rather than nothing. `(`, `)` and `!` stay:
 * with `[` and `]` written as references they cannot form a link or an image.
 */
export function markdownCell(text: string): string {
  if (isPlain(text, PLAIN_MARKDOWN)) return text;
  const line = wellFormedText(text.replace(CONTROL_RUNS, ' ').trim());
  // Text that was there but shows nothing (only controls or spaces) is marked, so `**name**` stays emphasis.
  if (line === '') return text === '' ? '' : '\uFFFD';
  return line.replace(MARKDOWN_INLINE, reference);
}

/**
 * Design text anywhere in Markdown, also at the start of a line: as `markdownCell`, and a leading
 * `-`, `+`, `=` or `1.`/`1)` that would open a list or underline a heading is written as a reference.
 */
export function markdownText(text: string): string {
  if (isPlain(text, PLAIN_MARKDOWN) && !OPENS_A_BLOCK[text.charCodeAt(0)]) return text;
  return markdownCell(text)
    .replace(/^[-+=]/, reference)
    .replace(/^(\d{1,9})([.)])/, (_, digits: string, mark: string) => `${digits}${reference(mark)}`);
}

/**
 * A Markdown code span showing `code` verbatim: fenced with more backticks than any run inside it,
 * padded when it starts or ends with a backtick. Line breaks and controls (which would end the
 * paragraph) are shown as terminal escapes, so the span is always one line.
 */
export function markdownCode(code: string): string {
  if (isPlain(code, PLAIN_CODE)) return `\`${code}\``;
  const line = terminalText(wellFormedText(code));
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span's content loses one space at each end when it has one at both: pad so it keeps its own.
  const pad = /^[` ]|[` ]$/.test(line) && !/^ *$/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

const YAML_FLATTEN = new RegExp(`(?:${CONTROLS.source}|${INVISIBLE.source}|${LONE_SURROGATE.source})+`, 'g');

/**
 * Text for a YAML `#` comment, for every YAML version a consumer may parse with: one line, with
 * each character YAML 1.1 or 1.2 treats as a line break (`\n`, `\r`, NEL, U+2028, U+2029), each
 * character outside YAML's printable set (C0 and C1 controls, lone surrogates, U+FFFE/U+FFFF)
 * and each invisible formatting character replaced by a space. Nothing after it can become a key.
 */
export function yamlComment(text: string): string {
  return text.replace(YAML_FLATTEN, ' ').trim();
}

/**
 * A string value for a YAML emitter: lone surrogates replaced, since libyaml refuses the `\uD800`
 * escape an emitter writes for them. Emitters quote and escape everything else themselves.
 */
export function yamlValue(text: string): string {
  return wellFormedText(text);
}

/** Text that needs no escaping inside an HCL quoted template (the common case). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HCL_PLAIN = /^[^"\\$%\u0000-\u001f\u007f-\u009f\u2028\u2029\uD800-\uDFFF]*$/;

/**
 * Text for the inside of an HCL (Terraform) quoted template that reads back as exactly this text:
 * quotes, backslashes and control characters escaped, and the template introducers `${` and `%{`
 * doubled, so design text can neither end the string, start an expression nor open a block.
 */
export function hclLiteral(text: string): string {
  if (HCL_PLAIN.test(text)) return text;
  let out = '';
  const source = wellFormedText(text);
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    const next = source[i + 1];
    const code = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && next === '{') out += `${ch}${ch}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** Text for an HCL `#` comment: one line, no control character or line break of any kind. */
export function hclComment(text: string): string {
  return wellFormedText(text).replace(CONTROL_RUNS, ' ');
}

/** A word the POSIX shell reads as itself: no quoting needed. */
const SHELL_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * A value as one argument of a POSIX shell command line (sh, dash, bash, zsh), to paste into a
 * terminal: unchanged when it holds only characters the shell reads literally, otherwise in single
 * quotes (inside which nothing is special; a `'` is written `'\''`). Characters a terminal would
 * act on when pasted (controls, line breaks, bidirectional overrides) are shown as visible escapes
 * first: such a value is never a real argument, and must not run or hide anything when pasted.
 */
export function shellArg(value: string): string {
  const text = terminalText(wellFormedText(value));
  if (SHELL_PLAIN.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. Text that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) is prefixed with `'`, OWASP's advice against CSV injection. Numbers stay numbers.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = wellFormedText(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r\u0085\u2028\u2029]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text for a SARIF `message.text`: viewers (GitHub code scanning among them) read `[text](target)`
 * as a link, so `[`, `]` and the backslash that escapes them are escaped (SARIF 2.1.0, 3.11.6).
 */
export function sarifText(text: string): string {
  return wellFormedText(text).replace(/[\\[\]]/g, (ch) => `\\${ch}`);
}
