/**
 * A dossier's items grouped by section: reorder by drag and drop or by
 * keyboard (Alt+↑/↓, across sections too, announced in a live region),
 * move to a section, remove; sections renamed, reordered, deleted, added.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DossierInfo, DossierItemInfo, DossierSectionInfo } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { dropTarget, groupItems, stepTarget, type ItemGroup, type MoveTarget } from './dossierOrder';

const DRAG_TYPE = 'application/x-mizan-dossier-item';

export interface DossierItemsProps {
  dossier: DossierInfo;
  /** Each resolves once the dossier is saved and reloaded. */
  onMove(itemId: number, target: MoveTarget): Promise<void>;
  onRemove(item: DossierItemInfo): Promise<void>;
  onAddSection(title: string): Promise<void>;
  onRenameSection(section: DossierSectionInfo, title: string): Promise<void>;
  onDeleteSection(section: DossierSectionInfo): Promise<void>;
  onMoveSection(section: DossierSectionInfo, delta: -1 | 1): Promise<void>;
}

export function DossierItems({
  dossier,
  onMove,
  onRemove,
  onAddSection,
  onRenameSection,
  onDeleteSection,
  onMoveSection,
}: DossierItemsProps) {
  const { ds, formatNumber } = useI18n();
  const groups = groupItems(dossier);
  const [announcement, setAnnouncement] = useState('');
  const [newSection, setNewSection] = useState('');
  const [dragOver, setDragOver] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  // After a keyboard move the row is rendered anew: focus follows it.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null) return;
    list.current?.querySelector<HTMLElement>(`[data-item-id="${refocus.current}"]`)?.focus();
    refocus.current = null;
  }, [dossier]);

  const sectionName = (group: ItemGroup | undefined) => group?.section?.title ?? ds.unsectioned;

  const move = async (item: DossierItemInfo, target: MoveTarget, announce: boolean) => {
    await onMove(item.id, target);
    if (!announce) return;
    refocus.current = item.id;
    const group = groups.find((g) => (g.section?.id ?? null) === target.sectionId);
    const count = (group?.items.filter((i) => i.id !== item.id).length ?? 0) + 1;
    setAnnouncement(
      ds.moved(item.title.slice(0, 80), formatNumber(target.index + 1), formatNumber(count), sectionName(group)),
    );
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, item: DossierItemInfo) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const target = stepTarget(groups, item.id, event.key === 'ArrowUp' ? -1 : 1);
    if (target) void move(item, target, true);
  };

  const dragged = (event: DragEvent): number | null => {
    const id = Number(event.dataTransfer.getData(DRAG_TYPE));
    return Number.isInteger(id) && id > 0 ? id : null;
  };
  const allowDrop = (event: DragEvent, key: string) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDragOver(key);
  };

  return (
    <div className="dossier-items" ref={list} data-testid="dossier-items">
      <p className="muted dossier-hint">{ds.reorderHint}</p>
      {dossier.items.length === 0 ? <p className="teaching">{ds.noItems}</p> : null}
      {groups.map((group, g) => {
        const key = `section-${group.section?.id ?? 'none'}`;
        if (!group.section && group.items.length === 0 && dossier.sections.length > 0) return null;
        return (
          <section
            key={key}
            className={`dossier-group${dragOver === key ? ' drop-target' : ''}`}
            aria-label={sectionName(group)}
            data-testid="dossier-section"
            data-section-id={group.section?.id ?? ''}
            onDragOver={(e) => allowDrop(e, key)}
            onDragLeave={() => setDragOver(null)}
            onDrop={(e) => {
              setDragOver(null);
              const id = dragged(e);
              const item = dossier.items.find((i) => i.id === id);
              if (!item) return;
              e.preventDefault();
              void move(
                item,
                { sectionId: group.section?.id ?? null, index: group.items.filter((i) => i.id !== item.id).length },
                false,
              );
            }}
          >
            {group.section ? (
              <SectionHeader
                section={group.section}
                first={g === 1}
                last={g === groups.length - 1}
                onRename={(title) => onRenameSection(group.section!, title)}
                onDelete={() => onDeleteSection(group.section!)}
                onMove={(delta) => onMoveSection(group.section!, delta)}
              />
            ) : dossier.sections.length > 0 ? (
              <h3 className="dossier-group-title muted">{ds.unsectioned}</h3>
            ) : null}
            <ol className="dossier-item-list">
              {group.items.map((item) => (
                <li
                  key={item.id}
                  className={`dossier-item${dragOver === `item-${item.id}` ? ' drop-target' : ''}`}
                  tabIndex={0}
                  draggable
                  data-item-id={item.id}
                  data-testid="dossier-item"
                  aria-label={`${ds.kind[item.kind]}: ${item.title}`}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                  onKeyDown={(e) => onItemKey(e, item)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, String(item.id));
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDragOver={(e) => {
                    e.stopPropagation();
                    allowDrop(e, `item-${item.id}`);
                  }}
                  onDrop={(e) => {
                    e.stopPropagation();
                    setDragOver(null);
                    const id = dragged(e);
                    const moving = dossier.items.find((i) => i.id === id);
                    const target = id ? dropTarget(groups, id, item.id) : null;
                    if (!moving || !target) return;
                    e.preventDefault();
                    void move(moving, target, false);
                  }}
                >
                  <span className="dossier-drag" aria-hidden="true" title={ds.dragHandle}>
                    ⋮⋮
                  </span>
                  <span className={`dossier-kind kind-${item.kind}`}>{ds.kind[item.kind]}</span>
                  {/* The title's own direction, so that a long one is cut at its end (see dossier.css for its alignment). */}
                  <span className="dossier-item-title" dir={item.dir}>
                    {item.title}
                  </span>
                  {item.source ? (
                    <span className="dossier-item-source muted">
                      <bdi>{item.source}</bdi>
                    </span>
                  ) : null}
                  <label className="dossier-item-section">
                    <span className="visually-hidden">{ds.moveToSection}</span>
                    <select
                      value={item.sectionId ?? ''}
                      aria-label={`${ds.moveToSection}: ${item.title.slice(0, 60)}`}
                      data-testid="dossier-item-section"
                      onChange={(e) => {
                        const sectionId = e.currentTarget.value === '' ? null : Number(e.currentTarget.value);
                        const target = groups.find((x) => (x.section?.id ?? null) === sectionId);
                        void move(item, { sectionId, index: target?.items.length ?? 0 }, true);
                      }}
                    >
                      <option value="">{ds.unsectioned}</option>
                      {dossier.sections.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`${ds.remove}: ${item.title.slice(0, 60)}`}
                    title={ds.remove}
                    data-testid="dossier-item-remove"
                    onClick={() => void onRemove(item)}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      <form
        className="dossier-add-section"
        onSubmit={(e) => {
          e.preventDefault();
          const title = newSection.trim();
          if (!title) return;
          void onAddSection(title).then(() => setNewSection(''));
        }}
      >
        <label className="field">
          <span className="visually-hidden">{ds.newSectionTitle}</span>
          <input
            value={newSection}
            placeholder={ds.newSectionTitle}
            aria-label={ds.newSectionTitle}
            dir="auto"
            data-testid="dossier-new-section"
            onChange={(e) => setNewSection(e.currentTarget.value)}
          />
        </label>
        <button type="submit" className="button" data-testid="dossier-add-section" disabled={!newSection.trim()}>
          {ds.addSection}
        </button>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="dossier-announcement">
        {announcement}
      </p>
    </div>
  );
}

interface SectionHeaderProps {
  section: DossierSectionInfo;
  first: boolean;
  last: boolean;
  onRename(title: string): Promise<void>;
  onDelete(): Promise<void>;
  onMove(delta: -1 | 1): Promise<void>;
}

/** A section's title, edited in place (saved on Enter or leaving the field), with its order and delete buttons. */
function SectionHeader({ section, first, last, onRename, onDelete, onMove }: SectionHeaderProps) {
  // The interface's direction, not the title's: the field lines up with the rest of the header.
  const { ds, dir } = useI18n();
  const [title, setTitle] = useState(section.title);
  useEffect(() => setTitle(section.title), [section.title]);
  const commit = () => {
    const next = title.trim();
    if (next && next !== section.title) void onRename(next);
    else setTitle(section.title);
  };
  return (
    <div className="dossier-group-header">
      <h3 className="dossier-group-title">
        <input
          className="dossier-section-title"
          value={title}
          dir={dir}
          aria-label={ds.renameSection}
          data-testid="dossier-section-title"
          onChange={(e) => setTitle(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') setTitle(section.title);
          }}
        />
      </h3>
      <button
        type="button"
        className="icon-button"
        aria-label={`${ds.sectionUp}: ${section.title}`}
        title={ds.sectionUp}
        disabled={first}
        onClick={() => void onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`${ds.sectionDown}: ${section.title}`}
        title={ds.sectionDown}
        disabled={last}
        onClick={() => void onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`${ds.deleteSection}: ${section.title}`}
        title={ds.deleteSection}
        data-testid="dossier-section-delete"
        onClick={() => void onDelete()}
      >
        ✕
      </button>
    </div>
  );
}
