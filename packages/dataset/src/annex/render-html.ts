/**
 * Renders the annex model as one self-contained HTML page (inline CSS, no script, no external
 * resource), printable and readable offline. The markup is also well-formed XML (void elements
 * closed, attributes quoted), and every text is escaped.
 */
import type { AnnexDocument, Block, Inline, Section, Text } from './annex-model.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const style = [
  'body{font-family:system-ui,sans-serif;line-height:1.45;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}',
  'h1{font-size:1.7rem}h2{border-bottom:2px solid #1b4f72;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-top:1.8rem}',
  'table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.88rem}',
  'th,td{border:1px solid #b8c2cc;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#e8eef3}',
  'caption{text-align:left;font-weight:600;padding:.3rem 0}code{font-family:ui-monospace,monospace;font-size:.92em;overflow-wrap:anywhere}',
  'mark.todo{background:#fff0b3;border:1px dashed #b08900;padding:0 .2rem}nav ol{columns:2}',
  '@media print{body{margin:0;max-width:none}h2{break-before:page}table{font-size:.75rem}}',
].join('\n');

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
  if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  return `<mark class="todo">[TO COMPLETE: ${escapeHtml(part.todo)}]</mark>`;
}

function text(t: Text): string {
  const parts: readonly Inline[] = Array.isArray(t) ? (t as readonly Inline[]) : [t as Inline];
  return parts.map(inline).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${text(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${text(i)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const caption = b.caption === undefined ? '' : `<caption>${escapeHtml(b.caption)}</caption>\n`;
      const head = `<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`).join('\n');
      // Tables get their own id space, so that a table and its section can share a name.
      return `<table id="table-${escapeHtml(b.id)}">\n${caption}${head}\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
  }
}

function renderSection(s: Section, depth: number): string {
  const heading = `<h${depth}>${escapeHtml(s.title)}</h${depth}>`;
  return [`<section id="${escapeHtml(s.id)}">`, heading, ...s.blocks.map(block), ...s.sections.map((c) => renderSection(c, depth + 1)), '</section>'].join('\n');
}

function contents(sections: readonly Section[]): string {
  const item = (s: Section): string => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>${s.sections.length > 0 ? `<ol>${s.sections.map(item).join('')}</ol>` : ''}</li>`;
  return `<nav aria-label="Contents"><ol>${sections.map(item).join('')}</ol></nav>`;
}

/** The annex as a complete HTML document. */
export function renderAnnexHtml(model: AnnexDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>\n${style}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p>${escapeHtml(model.subtitle)}</p>`,
    contents(model.sections),
    ...model.sections.map((s) => renderSection(s, 2)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
