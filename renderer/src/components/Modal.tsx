import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the end of the dialog; a close button is always in the header. */
  footer?: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A modal on the native <dialog>: it traps focus, closes on Escape, and gives
 * focus back to what had it. showModal puts it in the top layer, so it sits
 * above the panes in either direction.
 */
export function Modal({ title, onClose, children, footer, className, testId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus ran before the dialog was shown; showModal then picked the close button.
    dialog
      .querySelector<HTMLElement>('.modal-body input:not([type=hidden]), .modal-body textarea, .modal-body select')
      ?.focus();
    return () => {
      if (dialog.open) dialog.close();
      previous?.focus?.({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog box itself, outside its content) closes it.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="modal-content">
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={t.close} title={t.close} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer ? <footer className="modal-footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
