// Names of the audit trail's actions for people: "kode lagt til" for
// coding.create, used by the undo/redo buttons, their toasts and the history.
import type { TFunction } from 'i18next';

export function actionLabel(t: TFunction, action: string): string {
  const key = action.replace(/\./g, '_');
  return t(`coding.actions.${key}` as 'coding.actions.coding_create', { defaultValue: t('coding.actions.other') });
}
