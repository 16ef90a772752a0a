// Shown above every view of a working copy: whose copy of which case it is,
// that only the caseworker's own responses are in it, and the way back to the
// lead ("Lag returpakke", in the team view).
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { WorkingCopyInfo } from '../../../../src-shared/team';
import { formatDate, formatNumber } from '../../lib/format';
import './team.css';

interface Props {
  copy: WorkingCopyInfo;
  onMakeReturn: () => void;
}

export function WorkingCopyBanner({ copy, onMakeReturn }: Props) {
  const { t } = useTranslation();
  return (
    <Alert data-color="info" data-size="sm" className="team-banner" data-testid="working-copy-banner">
      <div className="team-banner__body">
        <Paragraph data-size="sm">
          <strong>{t('team.banner.title', { title: copy.masterTitle, name: copy.assignee })}</strong>{' '}
          {t('team.banner.detail', {
            date: formatDate(copy.exportedAt),
            by: copy.exportedBy,
            count: copy.responses,
            formatted: formatNumber(copy.responses),
          })}
        </Paragraph>
        <Button data-size="sm" variant="secondary" onClick={onMakeReturn} data-testid="working-copy-make-return">
          {t('team.banner.makeReturn')}
        </Button>
      </div>
    </Alert>
  );
}
