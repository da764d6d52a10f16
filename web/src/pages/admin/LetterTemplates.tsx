// Letter templates (issue 15): per letter type (and regime where the organisation has its own
// wording) the version in use; an edit form with the placeholders the type may name, a preview of
// the unsaved text against a case or the built-in sample case (PDF and email text, nothing
// saved), saving as a new version, and the version history.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Select, Textarea, TextInput } from '../../components/fields';
import {
  BackLink,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { formatDateTime, REGIME_LABELS } from '../../format';
import type { LetterPreview, LetterTemplate, LetterType, Regime } from '../../types';
import { LETTER_TYPE_LABELS, usePdfLink } from '../case/Letters';

type Versions = { versions: LetterTemplate[]; placeholders: string[] };

const EVERY_REGIME = 'every';

function templatePath(t: { type: string; regime?: string | null }) {
  return `/admin/letter-templates/${t.type}/${t.regime ?? EVERY_REGIME}`;
}

export function LetterTemplateList() {
  usePageTitle('Letter templates');
  const templates = useLoad(() => get<LetterTemplate[]>('/letter-templates'), 'letter-templates');
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Letter templates</h1>
      <p className="govuk-body">
        The wording of each letter. Saving a template makes a new version: letters already issued
        keep the version they used.
      </p>
      {templates.error && <LoadFailed message={templates.error} />}
      {!templates.data && !templates.error && <Loading />}
      {templates.data && (
        <table className="govuk-table" id="letter-templates">
          <caption className="govuk-visually-hidden">Letter templates</caption>
          <TableHead headings={['Letter', 'Regime', 'Version', 'Saved']} />
          <tbody className="govuk-table__body">
            {templates.data.map((t) => (
              <tr className="govuk-table__row" key={`${t.type}-${t.regime ?? ''}`}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={templatePath(t)}>
                    {LETTER_TYPE_LABELS[t.type]}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {t.regime ? REGIME_LABELS[t.regime as Regime] : 'Every regime'}
                </td>
                <td className="govuk-table__cell">
                  {t.version === 0 ? 'Shipped default' : `Version ${t.version}`}
                </td>
                <td className="govuk-table__cell">
                  {t.saved_at ? `${formatDateTime(t.saved_at)} by ${t.saved_by}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function TemplateEditor({
  type,
  regime,
  loaded,
  reload,
}: {
  type: LetterType;
  regime: Regime | undefined;
  loaded: Versions;
  reload: () => void;
}) {
  const form = useForm();
  const current = loaded.versions[0];
  const [text, setText] = useState(current?.text ?? '');
  const [reference, setReference] = useState('');
  const [sampleRegime, setSampleRegime] = useState<string>(regime ?? 'housing');
  const [stage, setStage] = useState('1');
  const [preview, setPreview] = useState<LetterPreview>();
  const [saved, setSaved] = useState<number>();
  const pdf = usePdfLink(preview?.pdf_base64);

  const runPreview = () =>
    form.submit(async () => {
      setSaved(undefined);
      const answer = await request<LetterPreview>('POST', '/letter-templates/preview', {
        body: {
          type,
          ...(regime ? { regime } : { sample_regime: sampleRegime }),
          text,
          ...(reference.trim() ? { reference: reference.trim() } : { stage: Number(stage) }),
        },
      });
      setPreview(answer.body);
    }, 'text');
  const save = () =>
    form.submit(async () => {
      const answer = await request<LetterTemplate>('POST', '/letter-templates', {
        body: { type, ...(regime ? { regime } : {}), text },
      });
      setPreview(undefined);
      setSaved(answer.body.version);
      reload();
    }, 'text');

  return (
    <>
      {saved !== undefined && (
        <SuccessBanner title={`Saved as version ${saved}`}>
          <p className="govuk-body">Letters issued from now on use this version.</p>
        </SuccessBanner>
      )}
      <Form
        form={form}
        onSubmit={save}
        submitLabel="Save as a new version"
        secondary={
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            id="preview-template"
            onClick={() => void runPreview()}
          >
            Preview
          </button>
        }
      >
        <Textarea
          name="text"
          label="Template"
          hint="Placeholders are written ((name)). A line starting “# ” is a heading; a blank line ends a paragraph."
          value={text}
          onChange={setText}
          rows={20}
        />
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Placeholders you can use</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list" id="placeholders">
              {loaded.placeholders.map((name) => (
                <li key={name}>
                  <code>(({name.includes('.') ? name.split('.')[1] : name}))</code>
                  {name.includes('.') && ` inside ((#${name.split('.')[0]}))`}
                </li>
              ))}
            </ul>
          </div>
        </details>
        <h2 className="govuk-heading-m">Preview against</h2>
        <TextInput
          name="reference"
          label="Case reference (optional)"
          hint="Leave empty to use a built-in sample case"
          value={reference}
          onChange={setReference}
          widthClass="govuk-input--width-20"
        />
        {!reference.trim() && (
          <>
            {!regime && (
              <Select
                name="sample_regime"
                label="Regime of the sample case"
                value={sampleRegime}
                onChange={setSampleRegime}
                options={Object.entries(REGIME_LABELS).map(([value, label]) => ({ value, label }))}
              />
            )}
            <Select
              name="stage"
              label="Stage of the sample case"
              value={stage}
              onChange={setStage}
              options={[
                { value: '1', label: 'Stage 1' },
                { value: '2', label: 'Stage 2' },
                { value: '3', label: 'Stage 3 (children’s review panel)' },
              ]}
            />
          </>
        )}
      </Form>
      {preview && (
        <div className="govuk-inset-text" id="template-preview">
          <h2 className="govuk-heading-s">
            Preview (not saved): {preview.pages} {preview.pages === 1 ? 'page' : 'pages'}
          </h2>
          <h3 className="govuk-heading-s">Email text</h3>
          <pre className="govuk-body redress-letter-text">{preview.text}</pre>
          {pdf && (
            <a className="govuk-link" href={pdf} download={`${type}-preview.pdf`}>
              Download the preview as a PDF
            </a>
          )}
        </div>
      )}
      <h2 className="govuk-heading-m">Version history</h2>
      <table className="govuk-table" id="template-versions">
        <caption className="govuk-visually-hidden">Version history</caption>
        <TableHead headings={['Version', 'Saved by', 'Saved']} />
        <tbody className="govuk-table__body">
          {loaded.versions.map((v) => (
            <tr className="govuk-table__row" key={v.version}>
              <td className="govuk-table__cell">
                {v.version === 0 ? 'Shipped default' : `Version ${v.version}`}
              </td>
              <td className="govuk-table__cell">{v.saved_by ?? '—'}</td>
              <td className="govuk-table__cell">{v.saved_at ? formatDateTime(v.saved_at) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function LetterTemplateEdit() {
  const params = useParams();
  const type = params.type as LetterType;
  const regime = params.regime === EVERY_REGIME ? undefined : (params.regime as Regime);
  const label = LETTER_TYPE_LABELS[type] ?? type;
  usePageTitle(`Letter template: ${label}`);
  const query = `/letter-templates/versions?type=${encodeURIComponent(type)}${
    regime ? `&regime=${encodeURIComponent(regime)}` : ''
  }`;
  const versions = useLoad(() => get<Versions>(query), query);
  return (
    <>
      <BackLink to="/admin/letter-templates">Letter templates</BackLink>
      <h1 className="govuk-heading-l">
        {label}
        <span className="govuk-caption-m">
          {regime ? REGIME_LABELS[regime] : 'Every regime without its own template'}
        </span>
      </h1>
      {versions.error && <LoadFailed message={versions.error} />}
      {!versions.data && !versions.error && <Loading />}
      {versions.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <TemplateEditor
              type={type}
              regime={regime}
              loaded={versions.data}
              reload={versions.reload}
            />
          </div>
        </div>
      )}
    </>
  );
}
