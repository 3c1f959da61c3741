import { hasHeaderRow, type Block, type Inline, type ProposalDocument, type ProposalSection } from './document';

/** Text as HTML text or attribute value: the design's names are never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The diagram inline: the SVG document without its XML declaration, which is not valid inside HTML. */
const inlineSvg = (svg: string) => svg.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/i, '');

function inline(content: readonly Inline[]): string {
  return content
    .map((run) => {
      const body = run.text === '' ? '' : run.code ? `<code>${escapeHtml(run.text)}</code>` : run.strong ? `<strong>${escapeHtml(run.text)}</strong>` : escapeHtml(run.text);
      return run.cite !== undefined ? `${body}<sup class="cite"><a href="#ref-${run.cite}">[${run.cite}]</a></sup>` : body;
    })
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'list':
      return b.ordered ? `<ol>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ol>` : `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = !hasHeaderRow(b.columns) ? '' : `<thead><tr>${b.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('')}</tr></thead>`;
      const body = b.rows
        .map((row) => `<tr${row.emphasis ? ' class="emphasis"' : ''}>${row.cells.map((value, i) => `<td${b.columns[i]?.numeric ? ' class="num"' : ''}>${escapeHtml(value)}</td>`).join('')}</tr>`)
        .join('');
      return `<table>${head}<tbody>${body}</tbody></table>${b.caption ? `<p class="caption">${escapeHtml(b.caption)}</p>` : ''}`;
    }
    case 'figures':
      return `<div class="figures">${b.items.map((item) => `<div class="figure"><div class="label">${escapeHtml(item.label)}</div><div class="value">${escapeHtml(item.value)}</div><div class="detail">${escapeHtml(item.detail)}</div></div>`).join('')}</div>`;
    case 'diagram':
      return `<figure class="diagram">${inlineSvg(b.svg)}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    case 'preformatted':
      return `${b.caption ? `<p class="caption">${escapeHtml(b.caption)}</p>` : ''}<pre>${escapeHtml(b.text)}</pre>`;
  }
}

function section(s: ProposalSection): string {
  return `<section id="${escapeHtml(s.id)}" class="${s.appendix ? 'appendix' : 'main'}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`;
}

/**
 * Print: the browser's paper size (A4 or Letter), margins that fit both, the cover alone on the
 * first page, tables and figures kept whole where they fit, each appendix on a new page.
 */
const STYLE = `
:root { color-scheme: light; --ink: #1b2430; --muted: #5a6573; --rule: #d5dbe3; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 10.5pt/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.cover { min-height: 80vh; display: flex; flex-direction: column; justify-content: center; border-bottom: 1px solid var(--rule); margin-bottom: 2rem; }
.cover img.logo { max-width: 12rem; max-height: 5rem; object-fit: contain; align-self: flex-start; margin-bottom: 2.5rem; }
.cover .kicker { text-transform: uppercase; letter-spacing: .12em; color: var(--accent); font-size: 9pt; margin: 0; }
.cover h1 { font-size: 26pt; line-height: 1.15; margin: .3rem 0 1.5rem; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; margin: 0; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; }
h2 { font-size: 15pt; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 11.5pt; margin: 1.2rem 0 .4rem; }
table { width: 100%; border-collapse: collapse; margin: .6rem 0 1rem; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); }
th { background: #eef2f7; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.emphasis td { font-weight: 700; border-top: 2px solid var(--ink); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .6rem; margin: 1rem 0; }
.figure { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .7rem; }
.figure .label { color: var(--muted); font-size: 8.5pt; }
.figure .value { font-size: 15pt; font-weight: 700; }
.figure .detail { font-size: 8.5pt; color: var(--muted); }
figure.diagram { margin: 1rem 0; }
figure.diagram svg { width: 100%; height: auto; max-height: 60vh; border: 1px solid var(--rule); }
figcaption, .caption { color: var(--muted); font-size: 9pt; }
pre { white-space: pre-wrap; word-break: break-word; font: 8.5pt/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f6f8fa; border: 1px solid var(--rule); padding: .6rem; }
code { font: .9em "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
sup.cite a { color: var(--accent); text-decoration: none; font-size: 7.5pt; }
ol.references li { margin-bottom: .3rem; overflow-wrap: anywhere; }
ol.references .note { color: var(--muted); }
@page { margin: 18mm 16mm 20mm; }
@media print {
  main { max-width: none; padding: 0; }
  .cover { min-height: 0; height: 245mm; break-after: page; border: 0; margin: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  table, figure, .figures, pre { break-inside: auto; }
  tr, .figure, figure.diagram { break-inside: avoid; }
  figure.diagram svg { max-height: 200mm; }
  section.appendix, section#references { break-before: page; }
  a { color: inherit; }
}
`;

/**
 * The proposal as one self-contained HTML page: the diagram inline, the logo a data URL, the style in
 * the page, no script and nothing fetched (the page's content security policy forbids it), so it
 * opens offline, can be mailed as one file, and prints to A4 or Letter.
 */
export function renderHtml(proposal: ProposalDocument): string {
  const { cover } = proposal;
  const facts: [string, string | undefined][] = [
    ['Prepared for', cover.client],
    ['Prepared by', cover.consultant],
    ['Date', cover.date],
    ['Version', cover.version],
  ];
  const coverHtml = `<header class="cover">${cover.logo ? `<img class="logo" alt="Logo" src="data:${cover.logo.mime};base64,${cover.logo.base64}">` : ''}<p class="kicker">${escapeHtml(cover.subtitle)}</p><h1>${escapeHtml(cover.title)}</h1><dl>${facts
    .filter(([, value]) => value)
    .map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value!)}</dd>`)
    .join('')}</dl></header>`;
  const main = proposal.sections.filter((s) => !s.appendix).map(section);
  const references =
    proposal.references.length > 0
      ? `<section id="references" class="main"><h2>References</h2><ol class="references">${proposal.references
          .map((r, i) => `<li id="ref-${i + 1}">${escapeHtml(r.title)}${r.url ? `: <a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>` : ''} <span class="note">(${escapeHtml(r.note)})</span></li>`)
          .join('')}</ol></section>`
      : '';
  const appendices = proposal.sections.filter((s) => s.appendix).map(section);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(proposal.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${coverHtml}
${main.join('\n')}
${references}
${appendices.join('\n')}
</main>
</body>
</html>
`;
}
