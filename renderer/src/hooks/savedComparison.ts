/** "Open saved comparison": a prompt over the saved comparisons' titles; opening one recomputes it. */
import type { AlignSettings, MizanApi } from '../../../preload/contract';
import { MizanError } from '../../../preload/contract/errors';
import type { Dialog } from '../components/AppDialogs';
import type { I18n } from '../i18n';

export function askSavedComparison(deps: {
  api: MizanApi;
  i18n: I18n;
  setDialog(dialog: Dialog): void;
  compare(request: { articleIds: number[]; settings: AlignSettings }): void;
  pushError(context: string, error: unknown): void;
}): void {
  const { api, i18n, setDialog, compare, pushError } = deps;
  const { t, w } = i18n;
  // Saved comparisons keep ids and settings, not results.
  void api['compare.listComparisons']({}).then(
    (saved) =>
      setDialog({
        kind: 'prompt',
        title: t.compare.openSaved,
        label: w.title,
        initial: saved[0]?.title ?? '',
        suggestions: saved.map((s) => s.title),
        submitLabel: t.compare.compare,
        testId: 'open-comparison-dialog',
        onSubmit: async (title) => {
          const found = saved.find((s) => s.title === title);
          if (!found) throw new MizanError('NOT_FOUND', t.compare.noSavedNamed(title));
          compare({ articleIds: found.articleIds, settings: found.settings });
        },
      }),
    (error: unknown) => pushError(t.compare.openSaved, error),
  );
}
