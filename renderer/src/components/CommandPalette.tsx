import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { foldQuery } from '../../../common/text/find';

export interface Command {
  id: string;
  label: string;
  /** Other words that find it (the English name in the Arabic UI, synonyms). */
  keywords?: string;
  shortcut?: string;
  run(): void;
}

/** Ctrl/⌘+K: every action by name, in either language, from the keyboard. */
export function CommandPalette({ commands, onClose }: { commands: readonly Command[]; onClose(): void }) {
  const { w } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const matches = useMemo(() => {
    const words = foldQuery(query).split(' ').filter(Boolean);
    if (words.length === 0) return commands;
    return commands.filter((c) => {
      const hay = foldQuery(`${c.label} ${c.keywords ?? ''} ${c.id}`);
      return words.every((word) => hay.includes(word));
    });
  }, [commands, query]);
  const current = Math.min(active, Math.max(0, matches.length - 1));

  useEffect(() => {
    const dialog = dialogRef.current;
    const previous = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      previous?.focus?.({ preventScroll: true });
    };
  }, []);

  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  function run(command: Command | undefined) {
    if (!command) return;
    onClose();
    // After the palette gave focus back, so the command can move it.
    setTimeout(() => command.run(), 0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(1, matches.length));
    else if (event.key === 'ArrowUp') setActive((current - 1 + matches.length) % Math.max(1, matches.length));
    else if (event.key === 'Enter') run(matches[current]);
    else return;
    event.preventDefault();
  }

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label={w.commandPalette}
      data-testid="command-palette"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={matches.length > 0 ? `${listId}-${current}` : undefined}
        aria-label={w.commandPalette}
        placeholder={w.paletteHint}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="palette-input"
      />
      <ul id={listId} className="palette-list" role="listbox" aria-label={w.commandPalette}>
        {matches.length === 0 ? <li className="palette-empty">{w.noCommands}</li> : null}
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={`palette-item${i === current ? ' is-active' : ''}`}
            data-command={c.id}
            onMouseMove={() => setActive(i)}
            onClick={() => run(c)}
          >
            <span className="palette-label">{c.label}</span>
            {c.shortcut ? (
              <kbd className="palette-key" dir="ltr">
                {c.shortcut}
              </kbd>
            ) : null}
          </li>
        ))}
      </ul>
    </dialog>
  );
}
