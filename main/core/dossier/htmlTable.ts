/**
 * Tables in the offline HTML dossier (a comparison's alignment, coverage map
 * and fact ledger): semantic <table> with a caption and column headers,
 * `dir` on every cell so that an Arabic sentence and an English one sit in
 * one row each in its own direction, marked words as <mark class="diff">
 * (shaded and underlined: readable printed in black and white). The aligned
 * sentences carry data-field="body": they are searched like an article's
 * paragraphs (see pageScript.ts).
 */
import { escapeHtml as escape } from './htmlEscape';
import type { ComparisonView, ExportItem, ExportTable, TableCell } from './model';

function isIndexed(table: ExportTable, c: TableCell): boolean {
  return table.indexed && c.tone === 'normal' && c.text !== '';
}

/** The cells' text searched with the item's body, in page order (the page rebuilds it from data-field). */
export function indexedTableText(item: ExportItem): string[] {
  const out: string[] = [];
  for (const table of item.comparison?.tables ?? [])
    for (const row of table.rows) for (const c of row.cells) if (isIndexed(table, c)) out.push(c.text);
  return out;
}

function cellContent(c: TableCell): string {
  let html = '';
  let at = 0;
  for (const [s, e] of c.marks) {
    html += `${escape(c.text.slice(at, s))}<mark class="diff">${escape(c.text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escape(c.text.slice(at));
}

function tableHtml(table: ExportTable): string {
  const head = table.headers.map((h) => `<th scope="col" dir="${h.dir}">${escape(h.text)}</th>`).join('');
  let lastGroup: number | null = null;
  const rows = table.rows.map((row) => {
    const starts = row.group !== lastGroup;
    lastGroup = row.group;
    const cells = row.cells
      .map(
        (c) =>
          `<td dir="${c.dir}" class="${c.tone}"${isIndexed(table, c) ? ' data-field="body"' : ''}>${cellContent(c)}</td>`,
      )
      .join('');
    return `<tr${starts ? ' class="group"' : ''}>${cells}</tr>`;
  });
  const cols = table.widths
    .map((w) => `<col style="width:${((100 * w) / table.widths.reduce((a, b) => a + b, 0)).toFixed(1)}%">`)
    .join('');
  return `<table class="cmp">\n<caption>${escape(table.caption)}</caption>\n<colgroup>${cols}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function comparisonHtml(view: ComparisonView): string {
  return `<div class="comparison">\n<p class="legend" dir="${view.legend.dir}">${escape(view.legend.text)}</p>\n${view.tables.map(tableHtml).join('\n')}\n</div>`;
}

export const TABLE_CSS = `
.comparison { margin: 1rem 0; }
.comparison .legend { color: var(--muted); font-size: .85rem; }
table.cmp { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .85rem; line-height: 1.6; margin: 1.2rem 0; }
table.cmp caption { caption-side: top; text-align: start; font-weight: 700; font-size: 1.05rem; padding-bottom: .3rem; }
table.cmp th { background: #efefef; border-bottom: 2px solid #555; text-align: start; }
table.cmp th, table.cmp td { padding: .2rem .35rem; vertical-align: top; border-inline-start: 1px solid #d0d0d0; overflow-wrap: anywhere; }
table.cmp th:first-child, table.cmp td:first-child { border-inline-start: none; }
table.cmp td { border-bottom: 1px solid #d0d0d0; text-align: start; }
table.cmp tr.group td { border-top: 1px solid #999; }
table.cmp td.strong { font-weight: 700; }
table.cmp td.muted { color: #8a8a8a; }
table.cmp mark.diff { background: #e4e4e4; text-decoration: underline; text-underline-offset: .2em; }
@media print {
  table.cmp thead { display: table-header-group; }
  table.cmp tr { break-inside: avoid; }
}
`;
