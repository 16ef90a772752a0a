// Creates a new case file from a template (the 2022 letter or a blank case).
// A bare file name lands in the workspace folder; the core adds .innspill.
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary, TemplateId, TemplateSummary } from '../../../../src-shared/domain';
import { useApiMutation, useApiQuery } from '../../api';
import { ErrorAlert } from '../ErrorAlert';

const DEFAULT_TEMPLATE: TemplateId = 'brev-kommunene-2022';
const PROJECT_EXTENSION = '.innspill';

/** Suggested file name per template, until the user types their own. */
function suggestedFileName(template: TemplateId): string {
  return template === 'blank' ? 'ny-sak.innspill' : 'brev-kommunene-2022.innspill';
}

/** The core adds the extension on create but not on open, so add it here too. */
function withExtension(path: string): string {
  return path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : path + PROJECT_EXTENSION;
}

interface Props {
  workspaceDir: string;
  /** Called with the new case, or the existing one the user chose to open. */
  onReady: (project: ProjectSummary) => void;
}

export function CreateProjectForm({ workspaceDir, onReady }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const templateId = useId();
  const templatesQuery = useApiQuery('project.templates', {});
  const templates = templatesQuery.data ?? null;
  const [template, setTemplate] = useState<TemplateId>(DEFAULT_TEMPLATE);
  const [fileName, setFileName] = useState(suggestedFileName(DEFAULT_TEMPLATE));
  const [fileNameEdited, setFileNameEdited] = useState(false);
  const [title, setTitle] = useState('');
  const [fileNameError, setFileNameError] = useState<string | null>(null);
  // Both stay busy once done: the case screen replaces this one.
  const create = useApiMutation('project.create', { onSuccess: onReady });
  const open = useApiMutation('project.open', { onSuccess: onReady });
  const busy = create.isPending || create.isSuccess || open.isPending || open.isSuccess;
  const error = open.error ?? create.error ?? templatesQuery.error;

  const chosen = templates?.find((x) => x.id === template);

  function templateLabel(x: TemplateSummary): string {
    if (x.id === 'blank') return t('start.create.templateBlank');
    return x.caseNumber ? t('start.create.templateWithCase', { title: x.title, caseNumber: x.caseNumber }) : x.title;
  }

  function changeTemplate(next: TemplateId) {
    setTemplate(next);
    if (!fileNameEdited) setFileName(suggestedFileName(next));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const path = fileName.trim();
    if (!path) {
      setFileNameError(t('start.create.fileNameRequired'));
      return;
    }
    setFileNameError(null);
    open.reset();
    void create.run({ path, template, title: title.trim() || undefined });
  }

  /** After FILE_EXISTS: open the file that is already there instead. */
  function openExisting() {
    create.reset();
    void open.run({ path: withExtension(fileName.trim()) });
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('start.create.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('start.create.intro')}
      </Paragraph>
      <form className="stack" onSubmit={submit} noValidate data-testid="create-project-form">
        <Field>
          <Label htmlFor={templateId}>{t('start.create.template')}</Label>
          {chosen && (
            <Field.Description>
              {chosen.questionCount > 0
                ? t('start.create.templateQuestions', { count: chosen.questionCount })
                : t('start.create.templateNoQuestions')}
            </Field.Description>
          )}
          <Select
            id={templateId}
            value={template}
            onChange={(e) => changeTemplate(e.target.value as TemplateId)}
            disabled={!templates}
            data-testid="template-select"
          >
            {(templates ?? []).map((x) => (
              <Select.Option key={x.id} value={x.id}>
                {templateLabel(x)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('start.create.fileName')}
          description={t('start.create.fileNameDescription', { dir: workspaceDir })}
          value={fileName}
          onChange={(e) => {
            setFileName(e.target.value);
            setFileNameEdited(true);
          }}
          error={fileNameError ?? undefined}
          spellCheck={false}
          autoComplete="off"
          required
          data-testid="file-name-input"
        />
        <Textfield
          label={t('start.create.title')}
          description={t('start.create.titleDescription')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={300}
          autoComplete="off"
          data-testid="title-input"
        />
        {error && (
          <ErrorAlert title={t('start.create.failed')} error={error} data-testid="create-error">
            {error.code === 'FILE_EXISTS' && (
              <Button variant="secondary" data-size="sm" onClick={openExisting} data-testid="open-existing-button">
                {t('start.create.openExisting')}
              </Button>
            )}
          </ErrorAlert>
        )}
        <div>
          <Button type="submit" loading={busy} disabled={busy || !templates} data-testid="create-project-button">
            {busy ? t('start.create.submitting') : t('start.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
