import { useI18n } from '../i18n';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run(): void };
}

/** Short news of what just happened, with undo where there is one. Announced politely. */
export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss(id: number): void }) {
  const { t } = useI18n();
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="toast">
          <bdi className="toast-message">{toast.message}</bdi>
          {toast.action ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                toast.action!.run();
                onDismiss(toast.id);
              }}
              data-testid="toast-action"
            >
              {toast.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button icon-small"
            aria-label={t.dismiss}
            onClick={() => onDismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
