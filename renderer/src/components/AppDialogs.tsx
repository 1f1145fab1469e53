import type { Article, ExportSelection, SourceInfo } from '../../../preload/contract';
import { useApi } from '../api';
import { useI18n } from '../i18n';
import { useUiState, useUiStore } from '../state/useUi';
import { BackupsSection } from './BackupsSection';
import { ExportDialog } from './ExportDialog';
import { MetadataDialog, PromptDialog, SettingsDialog, ShortcutsDialog, SourcesDialog } from './Dialogs';

/** The one modal dialog the app shows at a time. */
export type Dialog =
  | {
      kind: 'prompt';
      title: string;
      label: string;
      initial?: string;
      suggestions?: string[];
      submitLabel: string;
      onSubmit(value: string): Promise<void>;
      testId?: string;
    }
  | { kind: 'metadata'; article: Article }
  | { kind: 'sources' }
  | { kind: 'settings' }
  | { kind: 'shortcuts' }
  | { kind: 'export'; selection: ExportSelection; scope: string; cite: boolean };

interface AppDialogsProps {
  dialog: Dialog | null;
  onClose(): void;
  sources: SourceInfo[];
  articleChanged(): void;
  toast(message: string): void;
}

export function AppDialogs({ dialog, onClose, sources, articleChanged, toast }: AppDialogsProps) {
  const { api } = useApi();
  const { w } = useI18n();
  const ui = useUiState();
  const store = useUiStore();
  return (
    <>
      {dialog?.kind === 'prompt' ? (
        <PromptDialog
          title={dialog.title}
          label={dialog.label}
          initial={dialog.initial}
          suggestions={dialog.suggestions}
          submitLabel={dialog.submitLabel}
          onSubmit={dialog.onSubmit}
          onClose={onClose}
          testId={dialog.testId}
        />
      ) : null}
      {dialog?.kind === 'metadata' ? (
        <MetadataDialog
          article={dialog.article}
          onClose={onClose}
          onSave={async (patch) => {
            await api['library.updateArticle']({ id: dialog.article.id, patch });
            articleChanged();
            toast(w.saved);
          }}
        />
      ) : null}
      {dialog?.kind === 'sources' ? (
        <SourcesDialog sources={sources} onChanged={articleChanged} onClose={onClose} />
      ) : null}
      {dialog?.kind === 'settings' ? (
        <SettingsDialog ui={ui} onChange={(patch) => store.update(patch)} onClose={onClose}>
          {/* A restore replaces the whole library under the page: start the page again on it. */}
          <BackupsSection onRestored={() => window.location.reload()} />
        </SettingsDialog>
      ) : null}
      {dialog?.kind === 'shortcuts' ? <ShortcutsDialog onClose={onClose} /> : null}
      {dialog?.kind === 'export' ? (
        <ExportDialog selection={dialog.selection} scope={dialog.scope} cite={dialog.cite} onClose={onClose} />
      ) : null}
    </>
  );
}
