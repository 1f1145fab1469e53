import type { ShownError } from '../api';
import { useI18n } from '../i18n';

export interface BannerError extends ShownError {
  id: number;
  /** What the user was doing, in the chrome's words ("Could not open the article"). */
  context: string;
  retry?: () => void;
  /** False for a state that lasts until it is fixed (retry is the way out). */
  dismissible?: boolean;
}

interface ErrorBannersProps {
  errors: readonly BannerError[];
  onDismiss(id: number): void;
}

export function ErrorBanners({ errors, onDismiss }: ErrorBannersProps) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div className="banners">
      {errors.map((error) => (
        <div
          key={error.id}
          className="banner banner-error"
          role="alert"
          data-testid="error-banner"
          data-code={error.code}
        >
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div className="banner-text">
            <strong>{error.context}</strong>
            <span className="banner-detail">
              <code className="error-code">{error.code}</code> {t.errorNames[error.code]}
              {error.message ? (
                <>
                  {' — '}
                  <bdi>{error.message}</bdi>
                </>
              ) : null}
            </span>
          </div>
          <div className="banner-actions">
            {error.retry ? (
              <button type="button" className="button button-small" onClick={error.retry}>
                {t.retry}
              </button>
            ) : null}
            {error.dismissible !== false ? (
              <button
                type="button"
                className="icon-button"
                aria-label={t.dismiss}
                title={t.dismiss}
                onClick={() => onDismiss(error.id)}
              >
                ×
              </button>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
