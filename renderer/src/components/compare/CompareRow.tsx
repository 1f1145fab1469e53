/**
 * One row of the side-by-side comparison: its kind in words, its coverage
 * map, and each article's sentences with the changed words marked.
 */
import type { AlignmentRow, Comparison } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { changedSpans, movedSpans, segmentsOf } from './marks';

export function CompareRow({
  row,
  index,
  comparison,
  outlets,
  tabStop,
}: {
  row: AlignmentRow;
  index: number;
  comparison: Comparison;
  outlets: string[];
  tabStop: boolean;
}) {
  const { t, formatNumber, dir, locale } = useI18n();
  const c = t.compare;
  const carried = row.cells
    .map((cell, i) => (cell.length > 0 ? outlets[i] : null))
    .filter((o): o is string => o !== null);
  const carriedText = c.carriedBy(carried.join(c.listSeparator));
  return (
    <div
      className={`cmp-row cmp-row-${row.kind}`}
      role="row"
      tabIndex={tabStop ? 0 : -1}
      data-row={index}
      data-kind={row.kind}
      data-testid="comparison-row"
      aria-rowindex={index + 2}
      aria-label={c.rowLabel(formatNumber(index + 1), c.kinds[row.kind], carriedText)}
    >
      <div className="cmp-meta" role="rowheader">
        <span className={`cmp-kind cmp-kind-${row.kind}`} title={c.kindHelp[row.kind]} data-testid="row-kind">
          {c.kinds[row.kind]}
        </span>
        <span
          className="cmp-coverage"
          role="img"
          aria-label={carriedText}
          title={carriedText}
          data-testid="row-coverage"
        >
          {row.cells.map((cell, i) => (
            <span key={i} className={`cmp-dot${cell.length > 0 ? ` is-on cmp-swatch-${i % 12}` : ''}`} />
          ))}
        </span>
      </div>
      {comparison.articles.map((article, i) => {
        const cell = row.cells[i] ?? [];
        if (cell.length === 0) {
          return (
            <div key={article.id} className="cmp-cell cmp-cell-empty" role="cell">
              <span className="visually-hidden">{c.notCarried}</span>
            </div>
          );
        }
        const changed = row.kind === 'reworded' ? changedSpans(row, i) : [];
        const moved = row.kind === 'reworded' ? movedSpans(row, i) : [];
        // One outlet's single sentence against this outlet's several: each sentence on its own line.
        const parts = cell.length > 1;
        return (
          <div
            key={article.id}
            className={`cmp-cell${parts ? ' cmp-cell-parts' : ''}`}
            role="cell"
            dir={article.dir}
            lang={article.lang}
          >
            {row.moved.includes(i) ? (
              <span className="cmp-moved badge" dir={dir} lang={locale}>
                {c.moved}
              </span>
            ) : null}
            {parts ? (
              <span
                className="cmp-parts badge"
                title={c.partsHelp}
                dir={dir}
                lang={locale}
                data-testid="comparison-parts"
              >
                {c.parts(formatNumber(cell.length))}
              </span>
            ) : null}
            {cell.map((sentenceIndex) => {
              const sentence = comparison.sentences[i]?.[sentenceIndex];
              if (!sentence) return null;
              return (
                <span key={sentenceIndex} className="cmp-sentence">
                  {segmentsOf(sentence, changed, moved).map((seg) =>
                    seg.changed ? (
                      <mark key={seg.start} className="cmp-diff" title={c.changedWords} data-testid="comparison-diff">
                        {article.body.slice(seg.start, seg.end)}
                      </mark>
                    ) : seg.moved ? (
                      <mark key={seg.start} className="cmp-move" title={c.movedWords} data-testid="comparison-move">
                        {article.body.slice(seg.start, seg.end)}
                      </mark>
                    ) : (
                      <span key={seg.start}>{article.body.slice(seg.start, seg.end)}</span>
                    ),
                  )}{' '}
                </span>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
