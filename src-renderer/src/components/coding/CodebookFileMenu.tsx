// The codebook's exchange formats: export as REFI-QDA codebook (.qdc), CSV or
// Excel, and import from those or from a REFI-QDA project (.qdpx/.qde: its
// codebook and the codings on responses this case has). The whole project as
// .qdpx is exported from "Eksporter", with the case's other exports. A .qdpx
// whose sources match no response can be imported again with its sources as
// new responses.
import { Button } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refiReportSummary } from './refiReportSummary';
import { useApiMutation } from '../../api';
import { useToast } from '../Toast';
import { downloadBase64, fileToBase64 } from './files';

type ExportFormat = 'qdc' | 'csv' | 'xlsx';
const FORMATS: ExportFormat[] = ['qdc', 'csv', 'xlsx'];

export function CodebookFileMenu({ empty }: { empty: boolean }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const exportFile = useApiMutation('codebook.export', { errorToast: t('coding.codebook.exportFailed') });
  const importFile = useApiMutation('codebook.import', { errorToast: t('coding.codebook.importFailed') });
  const importProject = useApiMutation('refi.importProject', { errorToast: t('coding.codebook.qdpxImportFailed') });
  const busy = exportFile.isPending || importFile.isPending || importProject.isPending;
  /** A .qdpx whose import left sources unmatched: offered again with its sources as new responses. */
  const [unmatchedFile, setUnmatchedFile] = useState<File | null>(null);

  async function exportAs(format: ExportFormat) {
    const file = await exportFile.run({ format });
    if (file) downloadBase64(file.fileName, file.mediaType, file.base64);
  }

  async function load(file: File, sourcesAsResponses = false) {
    const input = { fileName: file.name, base64: await fileToBase64(file) };
    if (/\.(qdpx|qde)$/i.test(file.name)) {
      const report = await importProject.run(sourcesAsResponses ? { ...input, sourcesAsResponses } : input);
      if (!report) return;
      setUnmatchedFile(report.sources.unmatched > 0 && !sourcesAsResponses ? file : null);
      notify(refiReportSummary(t, report));
      return;
    }
    const result = await importFile.run(input);
    if (result) notify(t('coding.codebook.imported', { created: result.created, updated: result.updated }) + (result.groups ? `. ${t('coding.codebook.groupsImported', { count: result.groups })}` : ''));
  }

  return (
    <>
      <ExportMenu onExport={(f) => void exportAs(f)} disabled={busy || empty} />
      <Button data-size="sm" variant="tertiary" onClick={() => fileRef.current?.click()} disabled={busy} title={t('coding.codebook.importTitle')} data-testid="codebook-import">
        {t('coding.codebook.import')}
      </Button>
      <input
        ref={fileRef}
        type="file"
        accept=".qdc,.csv,.xlsx,.qdpx,.qde"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void load(file);
        }}
        data-testid="codebook-import-input"
      />
      {unmatchedFile && (
        <span className="button-row" data-testid="codebook-qdpx-unmatched">
          <Button data-size="sm" variant="secondary" onClick={() => void load(unmatchedFile, true)} disabled={busy} data-testid="codebook-qdpx-as-responses">
            {t('coding.codebook.qdpxAsResponses')}
          </Button>
          <Button data-size="sm" variant="tertiary" onClick={() => setUnmatchedFile(null)}>
            {t('coding.codebook.qdpxAsResponsesDismiss')}
          </Button>
        </span>
      )}
    </>
  );
}

function ExportMenu({ onExport, disabled }: { onExport: (format: ExportFormat) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="cw-menu" ref={ref}>
      <Button data-size="sm" variant="tertiary" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((v) => !v)} disabled={disabled} data-testid="codebook-export">
        {t('coding.codebook.export')} ▾
      </Button>
      {open && (
        <ul className="cw-menu__list" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {FORMATS.map((f) => (
            <li key={f} role="none">
              <button
                type="button"
                role="menuitem"
                className="cw-menu__item"
                onClick={() => {
                  setOpen(false);
                  onExport(f);
                }}
                data-testid={`codebook-export-${f}`}
              >
                {t(`coding.codebook.exportFormats.${f}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
