// The app's one toast: a short message at the bottom of the window — or at
// the top when the user is working in the lower half, so it never covers the
// text being coded (an error stays longer and is announced as an alert). Any
// component reaches it with useToast(); failed() words an error the same way
// everywhere.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../lib/errors';

export type ToastKind = 'info' | 'error';

export interface Toaster {
  notify(text: string, kind?: ToastKind): void;
  /** "<what>: <the error's explanation> <its message>", as an error toast. */
  failed(what: string, error: unknown): void;
}

const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast outside <ToastProvider>');
  return value;
}

const SHOWN_MS: Record<ToastKind, number> = { info: 2600, error: 7000 };

export type ToastPlace = 'top' | 'bottom';

/** Where the toast goes: away from the user's work (`work`: the selection or the focused element, if any). */
export function toastPlacement(work: { top: number; bottom: number } | null, viewportHeight: number): ToastPlace {
  if (!work) return 'bottom';
  return (work.top + work.bottom) / 2 > viewportHeight / 2 ? 'top' : 'bottom';
}

/** The box of the user's current work: a text selection, else the focused element (not the page itself). */
function workBox(): DOMRect | null {
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && !selection.isCollapsed) return selection.getRangeAt(0).getBoundingClientRect();
  const focused = document.activeElement;
  if (focused && focused !== document.body && focused !== document.documentElement) return focused.getBoundingClientRect();
  return null;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toast, setToast] = useState<{ id: number; text: string; kind: ToastKind; place: ToastPlace } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const nextId = useRef(0);

  const notify = useCallback((text: string, kind: ToastKind = 'info') => {
    clearTimeout(timer.current);
    setToast({ id: ++nextId.current, text, kind, place: toastPlacement(workBox(), window.innerHeight) });
    timer.current = setTimeout(() => setToast(null), SHOWN_MS[kind]);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const failed = useCallback(
    (what: string, error: unknown) => {
      const err = toUiError(error);
      notify(`${what}: ${t(`errors.${err.code}`, { defaultValue: t('errors.INTERNAL') })} ${err.message}`, 'error');
    },
    [notify, t],
  );

  const value = useMemo(() => ({ notify, failed }), [notify, failed]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {toast && (
        // The test id predates the shared toast (it began in the coding view); the e2e suite relies on it.
        <div className={`app-toast app-toast--${toast.kind} app-toast--${toast.place}`} role={toast.kind === 'error' ? 'alert' : 'status'} key={toast.id} data-testid="coding-toast" data-place={toast.place}>
          {toast.text}
          <button type="button" className="app-toast__close" aria-label={t('common.close')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </ToastContext.Provider>
  );
}
