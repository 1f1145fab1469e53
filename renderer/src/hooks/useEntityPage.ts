/**
 * The Names views (a kind's browser, an entity's page) show their page in the
 * reader pane until an article of the list is opened; choosing the view again
 * shows the page again.
 */
import { useState } from 'react';
import type { View } from '../state/uiStore';

export function useEntityPage(
  view: View,
  searching: boolean,
  setView: (next: View) => void,
  openArticle: (id: number, highlightId?: number | null) => void,
) {
  const viewKey = JSON.stringify(view);
  const [pageOf, setPageOf] = useState<string | null>(viewKey);
  const [seenView, setSeenView] = useState(viewKey);
  if (seenView !== viewKey) {
    setSeenView(viewKey);
    setPageOf(viewKey);
  }
  const showsPage = pageOf === viewKey && (view.kind === 'entity' || view.kind === 'entities') && !searching;
  const showView = (next: View) => {
    setView(next);
    setPageOf(JSON.stringify(next));
  };
  const openFromList = (id: number, highlightId?: number | null) => {
    setPageOf(null);
    openArticle(id, highlightId);
  };
  return { showsPage, showView, openFromList };
}
