// About Innspill: version, schema version and where the shipped data comes
// from, with the licence and credit line each source requires.
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-shared/domain';

interface Props {
  open: boolean;
  info: AppInfo;
  onClose: () => void;
}

export function AboutScreen({ open, info, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closedby="any"
      closeButton={t('common.closeDialog')}
      aria-labelledby="about-title"
      className="wide-dialog"
      data-testid="about-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="about-title">
          {t('about.title', { name: info.name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="stack">
        <Paragraph>{t('about.description')}</Paragraph>
        <dl className="facts">
          <div>
            <dt>{t('about.version')}</dt>
            <dd data-testid="about-version">{info.version}</dd>
          </div>
          <div>
            <dt>{t('about.schemaVersion')}</dt>
            <dd data-testid="about-schema-version">{info.schemaVersion}</dd>
          </div>
          <div>
            <dt>{t('about.shell')}</dt>
            <dd>{info.shell === 'electron' ? t('about.shellElectron') : t('about.shellHost')}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('about.workspace')}</dt>
            <dd className="path">{info.workspaceDir}</dd>
          </div>
        </dl>
        <Heading level={3} data-size="xs">
          {t('about.sources')}
        </Heading>
        <ul className="attribution-list" data-testid="attribution-list">
          {info.attributions.map((a) => (
            <li key={a.dataset} className="attribution" data-testid="attribution-item">
              <Heading level={4} data-size="2xs">
                {a.dataset}
              </Heading>
              <Paragraph data-size="sm">{a.description}</Paragraph>
              <dl className="attribution__facts">
                <dt>{t('about.source')}</dt>
                <dd>{a.source}</dd>
                <dt>{t('about.licence')}</dt>
                <dd>{a.licence}</dd>
                <dt>{t('about.attribution')}</dt>
                <dd data-testid="attribution-credit">{a.attribution}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </Dialog.Block>
      <Dialog.Block>
        <Button variant="secondary" onClick={onClose} data-testid="about-close">
          {t('common.close')}
        </Button>
      </Dialog.Block>
    </Dialog>
  );
}
