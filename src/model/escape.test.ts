import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, hclComment, markdownCell, hclLiteral, htmlText, markdownCode, markdownText, sarifText, shellArg, terminalText, wellFormedText, xmlText, yamlComment, yamlValue } from './escape';

/** Strings built from the characters that break outputs: every class the escapers must handle. */
const HOSTILE_PARTS = [
  '\n', '\r', '\r\n', '\t', '\v', '\f', '\u0000', '\u001b[2J', '\u001b]8;;https://evil.example\u0007', '\u0085', '\u009b31m', '\u2028', '\u2029',
  '\u202e', '\u2066', '\u200b', '\ufeff', '\ud800', '\udc00', '\u{e0041}', '::error file=a.yaml,line=1::pwned',
  '<img src=x onerror=alert(1)>', '[Approve](https://evil.example)', '![x](https://evil.example/t.png)', '<https://evil.example>',
  'https://evil.example', 'www.evil.example', 'user@evil.example', '`', '```', '*', '_', '**bold**', '|', '\\', '#', '# Heading', '1. ', '2) ',
  '- ', '+ ', '> ', '= ', '---', '&amp;', '&#60;', '$x$', '~~s~~', '${var.x}', '%{if true}', '$${', '"', "'", '$(touch /tmp/pwned)', '`id`', ';', '&&',
  '=1+1', '+1', '-1', '@SUM(A1)', ',', 'env: [{name: X}]', 'key: value', '- item', '{{ .Values.x }}', '&anchor', '*alias', '!!js/function', 'a', ' ', 'é', '😀', '👨‍👩‍👧',
];
const hostile = fc.array(fc.constantFrom(...HOSTILE_PARTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const anyText = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 40 }));
const runs = { numRuns: 400, seed: 14 };

const YAML_BREAKS = /[\n\r\u0085\u2028\u2029]/;

describe('terminalText', () => {
  it('shows controls, escape sequences, line breaks and bidi characters as visible escapes', () => {
    expect(terminalText('DB\n::error file=design.yaml,line=1::x\u001b[2K\u001b[1A')).toBe('DB\\n::error file=design.yaml,line=1::x\\e[2K\\e[1A');
    expect(terminalText('a\u0085b\u009bc\u2028d\u202ee\u200bf\ud800')).toBe('a\\x85b\\x9bc\\u2028d\\u202ee\\u200bf\\ud800');
    expect(terminalText('tag\u{e0041}')).toBe('tag\\u{e0041}');
  });

  it('leaves ordinary text, emoji sequences and backslashes alone, and is idempotent', () => {
    expect(terminalText('Café 😀 👨‍👩‍👧 C:\\path')).toBe('Café 😀 👨‍👩‍👧 C:\\path');
    fc.assert(fc.property(anyText, (text) => terminalText(terminalText(text)) === terminalText(text)), runs);
  });

  it('never lets a control, line break or bidi character through', () => {
    fc.assert(
      // eslint-disable-next-line no-control-regex -- the point of the check
      fc.property(anyText, (text) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.test(terminalText(text))),
      runs,
    );
  });
});

describe('markdownText', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  /** Tokens of a paragraph that holds the text: anything but text and soft breaks was injected. */
  const injected = (text: string) => {
    const tokens = md.parse(`Name: ${markdownText(text)}\n\n${markdownText(text)}`, {});
    const kinds = tokens.flatMap((t) => [t.type, ...(t.children ?? []).map((c) => c.type)]);
    return kinds.filter((kind) => !['paragraph_open', 'paragraph_close', 'inline', 'text'].includes(kind));
  };

  it('cannot add a link, image, tag, heading, list, table cell or emphasis', () => {
    for (const text of ['<img src=https://evil.example/t.png> [Approve](https://evil.example)', '1. first', '2) second', '# title', '- item', '> quote', 'www.evil.example', 'me@evil.example', '**x**', 'a\r| b |']) {
      expect(injected(text), text).toEqual([]);
    }
    fc.assert(fc.property(anyText, (text) => injected(text).length === 0), runs);
  });

  it('keeps a table row one row with the same cells', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = md.parse(`| a | b |\n| --- | --- |\n| ${markdownCell(text) || 'x'} | ${markdownText(text)} |\n`, {});
        const inline = tokens.filter((t) => t.type === 'inline').flatMap((t) => t.children ?? []);
        return tokens.filter((t) => t.type === 'tr_open').length === 2 && tokens.filter((t) => t.type === 'td_open').length === 2 && inline.every((t) => t.type === 'text');
      }),
      runs,
    );
  });

  it('returns most names as they are, exactly as its regular expressions would', () => {
    // A leading NUL forces the escapers' full path (it is not plain text) and is then flattened to a
    // space and trimmed away: what the full path makes of the text itself.
    const full = (escape: (text: string) => string, text: string) => escape(`\u0000${text}`);
    for (const text of ['Checkout API', 'Payments (EU)', "Ops' queue", '1 primary', 'a-b', 'www example', 'x=1', '-x', '+x', '=x', '12) x', 'Cost: $5', 'see www.example.com', 'me@example', 'http://x']) {
      expect(markdownCell(text), text).toBe(full(markdownCell, text));
      expect(markdownText(text), text).toBe(full(markdownText, text));
    }
    expect(markdownCell('Checkout API')).toBe('Checkout API');
    const printable = Array.from({ length: 95 }, (_, k) => String.fromCharCode(0x20 + k));
    const tokens = fc.constantFrom(...printable, 'www', 'www.', '@a', '://', '1.', '1)', 'é', '\t', '\n');
    const texts = fc.array(tokens, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => markdownCell(text) === full(markdownCell, text) && markdownText(text) === full(markdownText, text)),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('reads back as the text it was given, flattened to one line', () => {
    const rendered = md.renderInline(markdownText('Ops & <Sales> | [EU] *primary* 1. `x`'));
    expect(rendered).toBe('Ops &amp; &lt;Sales&gt; | [EU] *primary* 1. `x`');
  });
});

describe('markdownCode', () => {
  const md = new MarkdownIt();
  it('writes printable text in the span its rules give, without their regular expressions', () => {
    // For printable ASCII the terminal escapes change nothing: the span is the fence and the padding alone.
    const spanOf = (line: string) => {
      const fence = '`'.repeat(Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length)) + 1);
      const pad = /^[` ]|[` ]$/.test(line) && !/^ *$/.test(line) ? ' ' : '';
      return `${fence}${pad}${line}${pad}${fence}`;
    };
    expect(markdownCode('aws ecs update-service --cluster "x"')).toBe('`aws ecs update-service --cluster "x"`');
    const printable = Array.from({ length: 95 }, (_, k) => String.fromCharCode(0x20 + k));
    const texts = fc.array(fc.constantFrom(...printable, '``', ' `'), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(texts, (text) => markdownCode(text) === spanOf(text)), { numRuns: 3000, seed: 16 });
  });

  it('shows the code verbatim in one code span, whatever backticks it holds', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const shown = terminalText(wellFormedText(text));
        fc.pre(!/^ *$/.test(shown));
        const tokens = md.parseInline(`Run ${markdownCode(text)} now.`, {})[0]!.children!;
        const spans = tokens.filter((t) => t.type === 'code_inline');
        return spans.length === 1 && spans[0]!.content === shown;
      }),
      runs,
    );
  });
});

describe('htmlText', () => {
  it('writes the five HTML-significant characters as references', () => {
    expect(htmlText(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('xmlText', () => {
  // eslint-disable-next-line no-control-regex -- the characters XML cannot hold
  const NOT_XML_TEST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/g;

  it('escapes markup, keeps line breaks as references, and drops what XML cannot hold', () => {
    expect(xmlText('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(xmlText('a\u0000b\u0007c\uFFFEd')).toBe('abcd');
    expect(xmlText('lone \uD800 half')).toBe('lone \uFFFD half');
    expect(xmlText('🚀 ünï')).toBe('🚀 ünï');
    expect(xmlText('line\nbreak\ttab')).toBe('line&#10;break&#9;tab');
  });

  it('always gives text an XML parser reads back as it was meant', async () => {
    const { DOMParser } = await import('@xmldom/xmldom');
    fc.assert(
      fc.property(anyText, (text) => {
        const document = new DOMParser().parseFromString(`<r a="${xmlText(text)}">${xmlText(text)}</r>`, 'text/xml');
        const root = document.documentElement!;
        const expected = wellFormedText(text).replace(NOT_XML_TEST, '');
        expect(root.textContent).toBe(expected);
        // xmldom turns some referenced whitespace in attributes into spaces (the XML spec keeps it; browsers do).
        const spaced = (value: string) => value.replace(/[\n\r\t]/g, ' ');
        expect(spaced(root.getAttribute('a')!)).toBe(spaced(expected));
      }),
    );
  });
});

describe('yamlComment', () => {
  it('is one line for YAML 1.1 and 1.2: no NEL, line or paragraph separator, no non-printable character', () => {
    expect(yamlComment('ERP app\u0085env: [{name: NODE_OPTIONS}]')).toBe('ERP app env: [{name: NODE_OPTIONS}]');
    fc.assert(
      fc.property(anyText, (text) => {
        const line = yamlComment(text);
        // eslint-disable-next-line no-control-regex -- the point of the check
        return !YAML_BREAKS.test(line) && !/[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/.test(line.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
      }),
      runs,
    );
  });

  it('adds no key to the document it heads', () => {
    fc.assert(fc.property(anyText, (text) => JSON.stringify(yaml.load(`# ${yamlComment(text)}\nkept: 1\n`)) === '{"kept":1}'), runs);
  });
});

describe('yamlValue', () => {
  it('replaces lone surrogates, which libyaml refuses, and keeps everything else for the emitter to quote', () => {
    expect(yamlValue('a\ud800b')).toBe('a\ufffdb');
    expect(yamlValue('a\u0085b')).toBe('a\u0085b');
    const dumped = yaml.dump({ name: yamlValue('x\u0085env: 1\ud800') }, { schema: yaml.JSON_SCHEMA });
    expect(YAML_BREAKS.test(dumped.trimEnd())).toBe(false);
  });
});

describe('hclLiteral and hclComment', () => {
  it('escapes what could end a string or start an expression, and keeps plain text as it is', () => {
    expect(hclLiteral('${x} %{y} "q" \\ \n\u0085')).toBe('$${x} %%{y} \\"q\\" \\\\ \\n\\u0085');
    expect(hclLiteral('Client portal (EU)')).toBe('Client portal (EU)');
    expect(hclComment('a\nb\u2028c\u0085d')).toBe('a b c d');
  });
});

describe('shellArg', () => {
  const posixShell = (() => {
    try {
      execFileSync('sh', ['-c', 'true']);
      return true;
    } catch {
      return false;
    }
  })();

  it('leaves a region code as it is and quotes anything else', () => {
    expect(shellArg('us-west-2')).toBe('us-west-2');
    expect(shellArg('us-west-2 $(touch /tmp/pwned)')).toBe(`'us-west-2 $(touch /tmp/pwned)'`);
    expect(shellArg(`it's`)).toBe(`'it'\\''s'`);
    expect(shellArg('a\nb')).toBe(`'a\\nb'`);
  });

  it.skipIf(!posixShell)('is one argument, read back verbatim, by sh', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const expected = terminalText(wellFormedText(text));
        const out = execFileSync('sh', ['-c', `printf '%s' ${shellArg(text)}`], { encoding: 'utf8' });
        return out === expected;
      }),
      { ...runs, numRuns: 60 },
    );
  });
});

describe('csvCell', () => {
  it('quotes what needs quoting and defuses formulas, keeping numbers', () => {
    expect(csvCell('=HYPERLINK("https://evil.example")')).toBe(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(undefined)).toBe('');
  });

  it('reads back as one cell with the text (after the formula guard)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const rows = parseCsv(`${csvCell(text)},end\n`, { relax_quotes: false }) as string[][];
        const cell = rows[0]![0]!;
        const expected = /^[=+\-@\t\r]/.test(wellFormedText(text)) ? `'${wellFormedText(text)}` : wellFormedText(text);
        return rows.length === 1 && rows[0]!.length === 2 && rows[0]![1] === 'end' && cell === expected;
      }),
      runs,
    );
  });
});

describe('sarifText', () => {
  it('escapes the brackets of embedded links', () => {
    expect(sarifText('[Approve](1) \\')).toBe('\\[Approve\\](1) \\\\');
  });
});
