/**
 * Renders the annex model as GitHub-flavoured Markdown. Text is escaped so that characters from
 * profiles and the catalogue (`*`, `_`, `|`, `<`, brackets) print as themselves; code spans use a
 * fence longer than any backtick run inside them.
 */
import type { AnnexDocument, Block, Inline, Section, Text } from './annex-model.js';

/** Escapes Markdown punctuation in plain text (CommonMark backslash escapes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|&#]/g, (c) => `\\${c}`);
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inline(part: Inline, inTable: boolean): string {
  // Inside a table a pipe ends the cell even within a code span (GFM), so it is escaped there too.
  const cell = (s: string) => (inTable ? s.replace(/\|/g, '\\|') : s);
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('code' in part) return cell(codeSpan(part.code));
  if ('strong' in part) return `**${escapeMarkdown(part.strong)}**`;
  return `**\\[TO COMPLETE: ${escapeMarkdown(part.todo)}\\]**`;
}

function text(t: Text, inTable = false): string {
  const parts: readonly Inline[] = Array.isArray(t) ? (t as readonly Inline[]) : [t as Inline];
  const out = parts.map((p) => inline(p, inTable)).join('');
  return out.replace(/\s*\n\s*/g, ' ');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return text(b.text);
    case 'list':
      return b.items.map((i) => `- ${text(i)}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map((c) => escapeMarkdown(c)).join(' | ')} |`;
      const rule = `|${b.columns.map(() => '---').join('|')}|`;
      const rows = b.rows.map((r) => `| ${r.map((c) => text(c, true) || ' ').join(' | ')} |`);
      const caption = b.caption === undefined ? [] : [`*${escapeMarkdown(b.caption)}*`, ''];
      return [...caption, head, rule, ...rows].join('\n');
    }
  }
}

function renderSection(s: Section, depth: number): string {
  const parts = [`${'#'.repeat(depth)} ${escapeMarkdown(s.title)}`, ...s.blocks.map(block), ...s.sections.map((c) => renderSection(c, depth + 1))];
  return parts.join('\n\n');
}

/** The annex as Markdown (one trailing newline). */
export function renderAnnexMarkdown(model: AnnexDocument): string {
  return `${[`# ${escapeMarkdown(model.title)}`, escapeMarkdown(model.subtitle), ...model.sections.map((s) => renderSection(s, 2))].join('\n\n')}\n`;
}
