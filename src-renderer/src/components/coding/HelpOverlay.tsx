// The keyboard map (`?`): navigation, coding, the codebook's own shortcut
// keys, the variables' keys (with the `v` prefix where a key is taken by
// navigation or a code), status and undo.
import { Dialog, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Variable } from '../../../../src-shared/coding';
import { codeKeys, isMac, variableKeys } from './keymap';
import { keyHint } from './VariablesPanel';

interface Props {
  open: boolean;
  codes: Code[];
  variables: Variable[];
  onClose: () => void;
}

const K = ({ children }: { children: ReactNode }) => <kbd className="cw-kbd">{children}</kbd>;

export function HelpOverlay({ open, codes, variables, onClose }: Props) {
  const { t } = useTranslation();
  const mod = isMac ? '⌘' : 'Ctrl';
  const vk = variableKeys(variables, codes);
  const ck = codeKeys(codes);
  const unreachable = codes.filter((c) => c.shortcut && ck.get(c.shortcut)?.id !== c.id);
  const prefixedOnly = variables.filter((v) => v.shortcut && keyHint(v, vk)?.startsWith('v '));

  const rows = (list: [ReactNode, string][]) =>
    list.map(([keys, text], i) => (
      <div key={i} className="cw-help__row">
        <dt>{keys}</dt>
        <dd>{text}</dd>
      </div>
    ));

  return (
    <Dialog open={open} onClose={onClose} closedby="any" closeButton={t('common.closeDialog')} aria-labelledby="cw-help-title" className="cw-help" data-testid="coding-help">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="cw-help-title">
          {t('coding.help.title')}
        </Heading>
        <p className="muted">{t('coding.help.intro')}</p>
      </Dialog.Block>
      <Dialog.Block className="cw-help__grid">
        <section>
          <h3 className="cw-subheading">{t('coding.help.navigation')}</h3>
          <dl>
            {rows([
              [<><K>j</K> <K>↓</K></>, t('coding.help.next')],
              [<><K>k</K> <K>↑</K></>, t('coding.help.previous')],
              [<K>n</K>, t('coding.help.nextUncoded')],
              [<><K>Tab</K> <K>Shift+Tab</K></>, t('coding.help.parts')],
              [<><K>.</K> <K>,</K></>, t('coding.help.codings')],
              [<><K>PgUp</K> <K>PgDn</K> <K>␣</K></>, t('coding.help.scroll')],
              [<K>/</K>, t('coding.help.search')],
              [<K>Esc</K>, t('coding.help.escape')],
              [<K>?</K>, t('coding.help.help')],
            ])}
          </dl>
          <h3 className="cw-subheading">{t('coding.help.status')}</h3>
          <dl>
            {rows([
              [<K>d</K>, t('coding.help.done')],
              [<K>{mod}+Z</K>, t('coding.help.undo')],
              [<><K>{mod}+Shift+Z</K> <K>{mod}+Y</K></>, t('coding.help.redo')],
            ])}
          </dl>
        </section>
        <section>
          <h3 className="cw-subheading">{t('coding.help.coding')}</h3>
          <dl>
            {rows([
              [<K>{t('coding.help.shortcutKey')}</K>, t('coding.help.shortcut')],
              [<K>c</K>, t('coding.help.picker')],
              [<><K>Del</K> <K>⌫</K></>, t('coding.help.remove')],
              [<K>m</K>, t('coding.help.memo')],
              [<K>Shift+← →</K>, t('coding.help.end')],
              [<K>Alt+Shift+← →</K>, t('coding.help.start')],
              [<K>{mod}+Shift+← →</K>, t('coding.help.word')],
            ])}
          </dl>
          {ck.size > 0 && (
            <>
              <h3 className="cw-subheading">{t('coding.help.codeKeys')}</h3>
              <dl className="cw-help__codes" data-testid="help-code-keys">
                {[...ck.entries()]
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([key, code]) => (
                    <div key={key} className="cw-help__row">
                      <dt>
                        <K>{key}</K>
                      </dt>
                      <dd>
                        <span className="cw-swatch" style={{ background: code.colour }} aria-hidden /> {code.name}
                      </dd>
                    </div>
                  ))}
              </dl>
            </>
          )}
          {unreachable.length > 0 && <p className="muted">{t('coding.help.unreachable', { names: unreachable.map((c) => `${c.name} (${c.shortcut})`).join(', ') })}</p>}
        </section>
        <section>
          <h3 className="cw-subheading">{t('coding.help.variables')}</h3>
          <p className="muted">{t('coding.help.variablesIntro')}</p>
          <dl data-testid="help-variable-keys">
            {variables
              .filter((v) => keyHint(v, vk))
              .map((v) => (
                <div key={v.id} className="cw-help__row">
                  <dt>
                    <K>{keyHint(v, vk)}</K>
                  </dt>
                  <dd>
                    {v.label}
                    <span className="cw-help__options">
                      {v.kind === 'text' ? t('coding.help.textVariable') : v.options.map((o, i) => `${i + 1} ${o.label}`).join(' · ')}
                    </span>
                  </dd>
                </div>
              ))}
          </dl>
          {prefixedOnly.length > 0 && <p className="muted">{t('coding.help.prefixed', { keys: prefixedOnly.map((v) => v.shortcut).join(', ') })}</p>}
          <dl>
            {rows([
              [<K>0</K>, t('coding.help.clear')],
              [<K>b</K>, t('coding.help.evidence')],
            ])}
          </dl>
        </section>
      </Dialog.Block>
    </Dialog>
  );
}
