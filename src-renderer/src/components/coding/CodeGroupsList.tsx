// The project's code groups (from REFI-QDA <Sets>), read-only under the
// codebook: each group's name and its codes. Refetched when the codebook changes.
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import { useApiQuery } from '../../api';

export function CodeGroupsList({ codes }: { codes: Code[] }) {
  const { t } = useTranslation();
  const groups = useApiQuery('codebook.groups', {}).data ?? [];
  const name = new Map(codes.map((c) => [c.id, c.name]));
  const shown = groups.filter((g) => g.codeIds.some((id) => name.has(id)));
  if (!shown.length) return null;
  return (
    <section className="code-groups" aria-label={t('coding.codebook.groups')} data-testid="code-groups">
      <h3>{t('coding.codebook.groups')}</h3>
      <ul>
        {shown.map((g) => (
          <li key={g.id} title={g.description || undefined}>
            <strong>{g.name}</strong>: {g.codeIds.flatMap((id) => (name.has(id) ? [name.get(id)!] : [])).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
