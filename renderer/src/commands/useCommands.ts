import { useEffect, useEffectEvent, useState } from 'react';
import type { Command } from '../components/CommandPalette';
import type { I18n } from '../i18n';
import { activeCommands, commandForKey, type CommandContext } from './commandTable';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

interface CommandOptions {
  ctx: CommandContext;
  i18n: I18n;
  /** A dialog is open: the keys belong to it. */
  dialogOpen: boolean;
  /** The comparison has its own keys; the article keys would act on a hidden reader. */
  comparing: boolean;
}

/**
 * The command table at work: Ctrl/⌘+K opens the palette (listing the
 * commands that apply, named in the interface language), and a key outside
 * the palette and dialogs runs the command bound to it.
 */
export function useCommands({ ctx, i18n, dialogOpen, comparing }: CommandOptions) {
  const [paletteOpen, setPaletteOpen] = useState(false);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (paletteOpen || dialogOpen) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setPaletteOpen(true);
      return;
    }
    if (comparing) return;
    const command = commandForKey(ctx, event, isTyping(event.target));
    if (!command) return;
    event.preventDefault();
    command.run(ctx, { shiftKey: event.shiftKey });
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const commands: Command[] = paletteOpen
    ? activeCommands(ctx).map((spec) => ({
        id: spec.id,
        label: spec.label(i18n),
        keywords: spec.keywords,
        shortcut: spec.shortcut ?? '',
        run: () => spec.run(ctx),
      }))
    : [];

  return { paletteOpen, openPalette: () => setPaletteOpen(true), closePalette: () => setPaletteOpen(false), commands };
}
