import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

/** A note saved on blur or Ctrl/⌘+Enter, only when it changed. */
export function NoteField({
  initial,
  label,
  onSave,
  autoFocus,
  onFocused,
}: {
  initial: string;
  label: string;
  onSave(value: string): Promise<void>;
  autoFocus?: boolean;
  onFocused?(): void;
}) {
  const { w } = useI18n();
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setValue(initial), [initial]);
  useEffect(() => {
    if (!autoFocus) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'nearest' });
    onFocused?.();
  }, [autoFocus, onFocused]);
  const save = () => {
    if (value !== initial) void onSave(value);
  };
  return (
    <textarea
      ref={ref}
      className="text-area note-field"
      aria-label={label}
      placeholder={w.notePlaceholder}
      value={value}
      dir="auto"
      rows={value.length > 80 ? 4 : 2}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
      data-testid="note-field"
    />
  );
}
