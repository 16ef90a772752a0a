// The case's side navigation: the work views first (overview, responses, who
// has not answered, export), then import (with the backups), then the case's reference material.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { ViewId } from './caseContext';

export interface NavCounts {
  responses: number | null;
  unanswered: number | null;
  questions: number;
  municipalities: number;
  districts: number;
}

interface Props {
  current: ViewId;
  counts: NavCounts;
  onSelect: (view: ViewId) => void;
}

interface Item {
  id: ViewId;
  count?: number | null;
}

export function CaseNav({ current, counts, onSelect }: Props) {
  const { t } = useTranslation();
  const groups: { label: string | null; items: Item[] }[] = [
    {
      label: null,
      items: [
        { id: 'overview' },
        { id: 'responses', count: counts.responses },
        { id: 'coding' },
        { id: 'search' },
        { id: 'analysis' },
        { id: 'agreement' },
        { id: 'team' },
        { id: 'unanswered', count: counts.unanswered },
        { id: 'export' },
      ],
    },
    { label: t('case.navGroups.import'), items: [{ id: 'import' }, { id: 'history' }, { id: 'backups' }] },
    {
      label: t('case.navGroups.reference'),
      items: [
        { id: 'findings' },
        { id: 'questions', count: counts.questions },
        { id: 'municipalities', count: counts.municipalities },
        { id: 'districts', count: counts.districts },
      ],
    },
  ];
  return (
    <nav className="case-nav" aria-label={t('case.navLabel')} data-testid="case-nav">
      {groups.map((g, i) => (
        <div key={g.label ?? i} className="case-nav__group">
          {g.label && <div className="case-nav__heading">{g.label}</div>}
          <ul className="case-nav__list">
            {g.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="case-nav__item"
                  aria-current={current === item.id ? 'page' : undefined}
                  onClick={() => onSelect(item.id)}
                  data-testid={`tab-${item.id}`}
                >
                  <span>{t(`case.views.${item.id}`)}</span>
                  {item.count !== undefined && item.count !== null && (
                    <span className="case-nav__count" data-testid={`tab-${item.id}-count`}>
                      {formatNumber(item.count)}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
