// The map as a table: every municipality with its police district and its
// value in the chosen layer, by name. The same content for those who cannot
// see or point at the map (WCAG 1.1.1), folded away until asked for.
import { Details, Table } from '@digdir/designsystemet-react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../src-shared/domain';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { ScrollRegion } from '../ScrollRegion';

interface Props {
  /** Every municipality on the map (a constant list, so the table re-renders only when the layer changes). */
  shapes: ReadonlyArray<{ number: string; name: string }>;
  /** The layer shown: its categories and each municipality's category. */
  layer: { categories: ReadonlyArray<{ key: string; label: string }>; valueOf: ReadonlyMap<string, string> };
  municipalities: ReadonlyMap<string, Municipality>;
}

// Memoised: the map re-renders on every mouse move (the tooltip), the table need not.
export const MapTable = memo(function MapTable({ shapes, layer, municipalities }: Props) {
  const { t } = useTranslation();
  const rows = useMemo(() => {
    const labelOf = new Map(layer.categories.map((c) => [c.key, c.label]));
    return shapes
      .map((s) => {
        const m = municipalities.get(s.number);
        return {
          number: s.number,
          name: m?.name ?? s.name,
          district: m?.policeDistrictName ?? '',
          value: labelOf.get(layer.valueOf.get(s.number) ?? '') ?? t('analysis.map.unknown'),
        };
      })
      .sort((a, b) => norwegianCompare(a.name, b.name) || a.number.localeCompare(b.number));
  }, [shapes, layer, municipalities, t]);
  return (
    <Details data-testid="map-table">
      <Details.Summary>{t('analysis.map.asTable', { count: rows.length })}</Details.Summary>
      <Details.Content>
        <ScrollRegion className="table-scroll table-scroll--short" label={t('analysis.map.tableLabel')}>
          <Table data-size="sm" border zebra stickyHeader>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('analysis.map.columns.municipality')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('analysis.map.columns.district')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('analysis.map.columns.value')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.number} data-testid="map-table-row" data-number={r.number}>
                  <Table.Cell>
                    {r.name} ({r.number})
                  </Table.Cell>
                  <Table.Cell>{r.district}</Table.Cell>
                  <Table.Cell>{r.value}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      </Details.Content>
    </Details>
  );
});
