import { useCallback, useRef, useState } from 'react';
import { toShownError } from '../api';
import type { BannerError } from '../components/ErrorBanners';
import type { Toast } from '../components/Toasts';

export type PushError = (context: string, error: unknown, retry?: () => void) => void;
export type ShowToast = (message: string, action?: Toast['action'], ms?: number) => void;

/**
 * What the app tells the user in passing: error banners (the last four, each
 * with its context and an optional retry), toasts (the last three, gone after
 * `ms`), and the undo of the last deletion (Ctrl/⌘+Z).
 */
export function useNotices() {
  const [errors, setErrors] = useState<BannerError[]>([]);
  const nextId = useRef(1);
  const pushError: PushError = useCallback((context, error, retry) => {
    const shown = toShownError(error);
    const id = nextId.current++;
    setErrors((list) => [...list.slice(-3), { id, context, ...shown, retry }]);
  }, []);
  const dismissError = useCallback((id: number) => setErrors((list) => list.filter((e) => e.id !== id)), []);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const toast: ShowToast = useCallback(
    (message, action, ms = 6000) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { id, message, action }]);
      setTimeout(() => dismissToast(id), ms);
    },
    [dismissToast],
  );
  const lastUndo = useRef<(() => void) | null>(null);
  return { errors, pushError, dismissError, toasts, toast, dismissToast, lastUndo };
}
