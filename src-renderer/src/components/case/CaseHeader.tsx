// The open case at a glance: title, case number, deadline, issuer and the
// file it is stored in, with the button that closes it. A case made from the
// synthetic demo data says so plainly. Outside the overview the header is
// one line (the facts behind *Saksopplysninger*), so the work has the room.
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { formatDate } from '../../lib/format';

/** Title prefix the core gives the demo project. */
const DEMO_TITLE_PREFIX = 'Eksempelprosjekt';

export function isDemoProject(project: ProjectSummary): boolean {
  return project.title.startsWith(DEMO_TITLE_PREFIX);
}

interface Props {
  project: ProjectSummary;
  closing: boolean;
  onClose: () => void;
  /** One line: title and close button, the facts folded away. */
  compact?: boolean;
}

export function CaseHeader({ project, closing, onClose, compact = false }: Props) {
  const { t } = useTranslation();
  const facts = <CaseFacts project={project} />;
  return (
    <header className={`case-header${compact ? ' case-header--compact' : ''}`} data-testid="case-header" data-compact={compact}>
      {isDemoProject(project) &&
        (compact ? (
          <Paragraph data-size="xs" className="demo-banner demo-banner--compact" data-testid="demo-banner">
            <strong>{t('case.demoBanner')}</strong>
          </Paragraph>
        ) : (
          <Alert data-color="warning" data-size="sm" className="demo-banner" data-testid="demo-banner">
            <Paragraph data-size="sm">
              <strong>{t('case.demoBanner')}</strong> {t('case.demoBannerDetail')}
            </Paragraph>
          </Alert>
        ))}
      <div className="case-header__top">
        <div className="case-header__title">
          {project.caseNumber && (
            <Tag data-color="accent" data-size="sm" data-testid="case-number">
              {t('case.caseNumber', { caseNumber: project.caseNumber })}
            </Tag>
          )}
          <Heading level={1} data-size="sm" data-testid="case-title">
            {project.title}
          </Heading>
        </div>
        {compact && (
          <details className="case-header__facts" data-testid="case-facts">
            <summary>{t('case.facts')}</summary>
            {facts}
          </details>
        )}
        <Button variant="secondary" data-size="sm" onClick={onClose} loading={closing} data-testid="close-project-button">
          {t('case.close')}
        </Button>
      </div>
      {!compact && facts}
    </header>
  );
}

/** Deadline, issuer, who made the case and when, and its file. */
function CaseFacts({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--compact">
      {project.deadline && (
        <div>
          <dt>{t('case.deadline')}</dt>
          <dd data-testid="case-deadline">{formatDate(project.deadline)}</dd>
        </div>
      )}
      {project.issuer && (
        <div>
          <dt>{t('case.issuer')}</dt>
          <dd data-testid="case-issuer">{project.issuer}</dd>
        </div>
      )}
      <div>
        <dt>{t('case.created')}</dt>
        <dd data-testid="case-created">
          {t('case.createdBy', { date: formatDate(project.createdAt), user: project.createdBy })}
        </dd>
      </div>
      <div className="facts__path">
        <dt>{t('case.file')}</dt>
        <dd className="path" data-testid="case-path" title={project.path}>
          {project.path}
        </dd>
      </div>
    </dl>
  );
}
