/**
 * Before CSV/TSV files are imported: for each header (files sharing one are
 * mapped once) the delimiter, encoding and size the core found, the first
 * rows as they will be read (each cell in its own direction), and a select
 * of the columns for every part of an article, filled in with the user's
 * last mapping of that header or else the importer's own guesses. Import
 * waits until a column holds the article text; Cancel or Escape imports
 * none of the table files.
 */
import { useId, useState } from 'react';
import type { ImportField } from '../../../preload/contract';
import { importFields } from '../../../preload/contract/lists';
import { useI18n } from '../i18n';
import { isMapped, sourceName, type MappingChoice, type TableGroup } from '../import/tableFiles';
import { Modal } from './Modal';

interface TableMappingDialogProps {
  groups: readonly TableGroup[];
  onImport(choices: MappingChoice[]): void;
  onCancel(): void;
}

/** A header cell may be blank: it is shown by its place and cannot be chosen (a mapping names columns). */
const columnLabel = (name: string, index: number) => (name === '' ? `#${index + 1}` : name);

function GroupSection({
  group,
  choice,
  onChange,
}: {
  group: TableGroup;
  choice: MappingChoice;
  onChange(field: ImportField, column: string): void;
}) {
  const { t, formatNumber } = useI18n();
  const words = t.tableImport;
  const id = useId();
  const { preview } = group;
  const name = sourceName(group.sources[0]!);
  const rows = preview.rowCountExact
    ? words.rows(formatNumber(preview.rowCount), preview.rowCount)
    : words.aboutRows(formatNumber(preview.rowCount), preview.rowCount);
  const others = group.sources.slice(1).map(sourceName);
  const chosen = new Set(Object.values(choice).filter((c) => c !== ''));
  return (
    <section className="table-map" aria-labelledby={`${id}-name`} data-testid="table-map">
      <h3 id={`${id}-name`} className="table-map-name">
        <bdi>{name}</bdi>
      </h3>
      <p className="muted table-map-facts" data-testid="table-facts">
        {words.fileFacts(words.delimiterNames[preview.delimiter] ?? preview.delimiter, preview.encoding, rows)}
      </p>
      {others.length > 0 ? (
        <p className="muted" data-testid="table-also">
          {words.alsoFiles}{' '}
          {others.map((other, i) => (
            <span key={i}>
              {i > 0 ? words.listSeparator : ''}
              <bdi>{other}</bdi>
            </span>
          ))}
        </p>
      ) : null}
      <div
        className="table-preview"
        role="region"
        aria-label={words.previewLabel(name)}
        tabIndex={0}
        data-testid="table-preview"
      >
        <table>
          <caption className="visually-hidden">{words.previewLabel(name)}</caption>
          <thead>
            <tr>
              {preview.columns.map((column, i) => (
                <th key={i} scope="col" dir="auto" className={chosen.has(column) ? 'table-col-used' : undefined}>
                  {columnLabel(column, i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.columns.map((_, i) => (
                  <td key={i} dir="auto" title={row[i] ?? ''}>
                    {row[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="table-fields">
        <legend>{words.fieldsLegend(name)}</legend>
        <p className="muted table-map-origin" data-testid="table-map-origin">
          {group.origin === 'remembered'
            ? words.remembered
            : Object.values(group.initial).some((c) => c !== '')
              ? words.guessed
              : words.noneGuessed}
        </p>
        <div className="table-fields-grid">
          {importFields.map((field) => {
            const missing = field === 'body' && !isMapped(choice);
            return (
              <div className="form-row" key={field}>
                <label htmlFor={`${id}-${field}`} className="form-label">
                  {words.fieldNames[field]}
                  {field === 'body' ? <span className="table-required"> ({words.required})</span> : null}
                </label>
                <select
                  id={`${id}-${field}`}
                  value={choice[field]}
                  aria-required={field === 'body'}
                  aria-invalid={missing}
                  data-testid={`map-${field}`}
                  onChange={(e) => onChange(field, e.currentTarget.value)}
                >
                  <option value="">{words.notImported}</option>
                  {preview.columns.map((column, i) =>
                    column === '' ? null : (
                      <option key={i} value={column} dir="auto">
                        {column}
                      </option>
                    ),
                  )}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
    </section>
  );
}

export function TableMappingDialog({ groups, onImport, onCancel }: TableMappingDialogProps) {
  const { t } = useI18n();
  const words = t.tableImport;
  const [choices, setChoices] = useState<MappingChoice[]>(() => groups.map((g) => ({ ...g.initial })));
  const reasonId = useId();
  const firstUnmapped = groups.find((_, i) => !isMapped(choices[i]!));
  const reason = firstUnmapped ? words.needBody(sourceName(firstUnmapped.sources[0]!)) : words.ready;
  return (
    <Modal
      title={words.title}
      onClose={onCancel}
      className="modal-table"
      testId="table-mapping-dialog"
      footer={
        <>
          <p
            id={reasonId}
            className={firstUnmapped ? 'table-map-reason form-error' : 'table-map-reason muted'}
            role="status"
            data-testid="table-map-reason"
          >
            {reason}
          </p>
          <button type="button" className="button" onClick={onCancel} data-testid="table-map-cancel">
            {t.cancel}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={firstUnmapped !== undefined}
            aria-describedby={reasonId}
            onClick={() => onImport(choices)}
            data-testid="table-map-import"
          >
            {words.importButton}
          </button>
        </>
      }
    >
      <p className="table-map-intro">{words.intro}</p>
      {groups.map((group, i) => (
        <GroupSection
          key={group.signature}
          group={group}
          choice={choices[i]!}
          onChange={(field, column) =>
            setChoices((list) => list.map((c, k) => (k === i ? { ...c, [field]: column } : c)))
          }
        />
      ))}
    </Modal>
  );
}
