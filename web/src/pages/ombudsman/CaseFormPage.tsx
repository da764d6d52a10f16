// /ombudsman/new and /ombudsman/cases/:reference/edit: an Ombudsman case's dates, the complaints
// it concerns, the outcome in the Ombudsman's own words, and the orders and recommendations.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, get, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import {
  Checkboxes,
  DateInput,
  ErrorMessage,
  FormGroup,
  Radios,
  Select,
  Textarea,
  TextInput,
  useFieldError,
  type DateParts,
} from '../../components/fields';
import { BackLink, LoadFailed, Loading, ChangesTable, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import type { Complaint } from '../../types';
import {
  bodyOf,
  changedFields,
  inPlainWords,
  DATE_LABELS,
  draftOf,
  emptyRemedy,
  normaliseReference,
  type CaseDraft,
  type ChangedField,
  type RemedyDraft,
} from './caseForm';
import { CASE_DATE_FIELDS, type OmbudsmanCase } from './model';
import { NotAllowed, useCanManage } from './NotAllowed';
import {
  DECISION_LABELS,
  FINDING_LABELS,
  OMBUDSMAN_LABELS,
  optionsOf,
  REMEDY_KIND_LABELS,
  REMEDY_TYPE_LABELS,
} from './wording';

const HTTP_NOT_FOUND = 404;
const HTTP_PRECONDITION_FAILED = 412;
const STALE_MESSAGE =
  'Someone else changed this case while you were editing it. The form now shows the latest version: check it and make your changes again.';

export interface CaseVersion {
  c: OmbudsmanCase;
  etag: string;
}

export async function loadOmbudsmanCase(reference: string): Promise<CaseVersion> {
  const { body, etag } = await request<OmbudsmanCase>(
    'GET',
    `/ombudsman/cases/${encodeURIComponent(reference)}`,
  );
  return { c: body, etag: etag ?? `"${body.version}"` };
}

// A button that acts within the form without submitting it.
function InlineButton({
  id,
  onClick,
  children,
}: {
  id?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
      data-module="govuk-button"
      onClick={onClick}
    >
      {children}
    </button>
  );
}

// A list-wide problem ("findings", "remedies") shown above its list; its link lands on `buttonId`.
function ListProblem({ name }: { name: string }) {
  const error = useFieldError(name);
  return <ErrorMessage id={name} error={error} />;
}

function LinkedComplaint({
  reference,
  index,
  onRemove,
}: {
  reference: string;
  index: number;
  onRemove: () => void;
}) {
  const id = `complaints-${index}`;
  const error = useFieldError(`complaints[${index}]`);
  return (
    <li
      className={
        error ? 'govuk-form-group--error redress-linked-complaint' : 'redress-linked-complaint'
      }
    >
      <ErrorMessage id={id} error={error} />
      <Link className="govuk-link" to={`/cases/${reference}`}>
        {reference}
      </Link>{' '}
      <button
        type="button"
        id={id}
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={onRemove}
      >
        Remove<span className="govuk-visually-hidden"> complaint {reference}</span>
      </button>
    </li>
  );
}

function ComplaintsSection({
  draft,
  update,
  pending,
  setPending,
  addComplaint,
}: {
  draft: CaseDraft;
  update: (change: Partial<CaseDraft>) => void;
  pending: string;
  setPending: (text: string) => void;
  addComplaint: () => void;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Complaints it concerns</h2>
      {draft.complaints.length === 0 && (
        <p className="govuk-body" id="no-linked-complaints">
          None: the Ombudsman may contact the council before any complaint is linked.
        </p>
      )}
      {draft.complaints.length > 0 && (
        <ul className="govuk-list" id="linked-complaints">
          {draft.complaints.map((reference, index) => (
            <LinkedComplaint
              key={reference}
              reference={reference}
              index={index}
              onRemove={() =>
                update({ complaints: draft.complaints.filter((r) => r !== reference) })
              }
            />
          ))}
        </ul>
      )}
      <TextInput
        name="complaints"
        label="Add a complaint (reference)"
        hint="For example CMP-2022-000564"
        spellCheck={false}
        widthClass="govuk-input--width-20"
        value={pending}
        onChange={setPending}
      />
      <InlineButton onClick={addComplaint}>Add complaint</InlineButton>
    </>
  );
}

function FindingsSection({
  draft,
  update,
}: {
  draft: CaseDraft;
  update: (change: Partial<CaseDraft>) => void;
}) {
  const error = useFieldError('findings');
  const setFinding = (index: number, change: Partial<CaseDraft['findings'][number]>) =>
    update({ findings: draft.findings.map((f, i) => (i === index ? { ...f, ...change } : f)) });
  return (
    <FormGroup error={error}>
      <h3 className="govuk-heading-s">Findings for each element of the complaint</h3>
      <p className="govuk-body">
        The Housing Ombudsman makes a finding on each element it investigates.
      </p>
      <ListProblem name="findings" />
      {draft.findings.map((finding, index) => (
        <fieldset className="govuk-fieldset redress-repeat" key={index}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Element {index + 1}
          </legend>
          <TextInput
            name={`findings[${index}].element`}
            label={`Element ${index + 1}: what it was about`}
            value={finding.element}
            onChange={(element) => setFinding(index, { element })}
          />
          <Select
            name={`findings[${index}].finding`}
            label={`Finding on element ${index + 1}`}
            placeholder="Choose the finding"
            value={finding.finding}
            options={optionsOf(FINDING_LABELS)}
            onChange={(value) =>
              setFinding(index, { finding: value as CaseDraft['findings'][number]['finding'] })
            }
          />
          <InlineButton
            onClick={() => update({ findings: draft.findings.filter((_, i) => i !== index) })}
          >
            Remove element {index + 1}
          </InlineButton>
        </fieldset>
      ))}
      <InlineButton
        id="findings"
        onClick={() => update({ findings: [...draft.findings, { element: '', finding: '' }] })}
      >
        Add a finding
      </InlineButton>
    </FormGroup>
  );
}

function DecisionSection({
  draft,
  update,
}: {
  draft: CaseDraft;
  update: (change: Partial<CaseDraft>) => void;
}) {
  return (
    <>
      <Radios
        name="lgsco_decision"
        label="The LGSCO’s decision"
        small
        value={draft.lgsco_decision}
        options={[{ value: '', label: 'Not decided yet' }, ...optionsOf(DECISION_LABELS)]}
        onChange={(value) => update({ lgsco_decision: value as CaseDraft['lgsco_decision'] })}
      />
      <Checkboxes
        name="satisfactory_remedy_by_council"
        label="Remedy"
        small
        values={draft.satisfactory_remedy_by_council ? ['yes'] : []}
        options={[
          {
            value: 'yes',
            label:
              'The council had already given a satisfactory remedy before the LGSCO became involved',
          },
        ]}
        onChange={(values) => update({ satisfactory_remedy_by_council: values.includes('yes') })}
      />
    </>
  );
}

function RemedyFields({
  remedy,
  index,
  set,
  remove,
}: {
  remedy: RemedyDraft;
  index: number;
  set: (change: Partial<RemedyDraft>) => void;
  remove: () => void;
}) {
  const name = `remedies[${index}]`;
  const number = index + 1;
  return (
    <fieldset className="govuk-fieldset redress-repeat">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        Order or recommendation {number}
      </legend>
      <Radios
        name={`${name}.kind`}
        label={`Is ${number} an order or a recommendation?`}
        small
        inline
        value={remedy.kind}
        options={optionsOf(REMEDY_KIND_LABELS)}
        onChange={(kind) => set({ kind: kind as RemedyDraft['kind'] })}
      />
      <Select
        name={`${name}.type`}
        label={`Type of remedy ${number}`}
        value={remedy.type}
        options={optionsOf(REMEDY_TYPE_LABELS)}
        onChange={(type) => set({ type: type as RemedyDraft['type'] })}
      />
      <Textarea
        name={`${name}.description`}
        label={`What the council must do (${number})`}
        rows={2}
        value={remedy.description}
        onChange={(description) => set({ description })}
      />
      <DateInput
        name={`${name}.due_on`}
        label={`Due by (${number})`}
        hint="For example 27 3 2022"
        value={remedy.due_on}
        onChange={(due_on: DateParts) => set({ due_on })}
      />
      <DateInput
        name={`${name}.completed_on`}
        label={`Completed on (${number})`}
        hint="Leave empty until it is done"
        value={remedy.completed_on}
        onChange={(completed_on: DateParts) => set({ completed_on })}
      />
      <Textarea
        name={`${name}.evidence`}
        label={`Evidence of compliance (${number})`}
        hint="Required once it is completed: what was sent to the Ombudsman"
        rows={2}
        value={remedy.evidence}
        onChange={(evidence) => set({ evidence })}
      />
      <InlineButton onClick={remove}>Remove order or recommendation {number}</InlineButton>
    </fieldset>
  );
}

function RemediesSection({
  draft,
  update,
}: {
  draft: CaseDraft;
  update: (change: Partial<CaseDraft>) => void;
}) {
  const error = useFieldError('remedies');
  return (
    <FormGroup error={error}>
      <h2 className="govuk-heading-m">Orders and recommendations</h2>
      <p className="govuk-body">
        What the final decision asks of the council, each with its due date and, once done, the
        evidence.
      </p>
      <ListProblem name="remedies" />
      {draft.remedies.map((remedy, index) => (
        <RemedyFields
          key={index}
          remedy={remedy}
          index={index}
          set={(change) =>
            update({
              remedies: draft.remedies.map((r, i) => (i === index ? { ...r, ...change } : r)),
            })
          }
          remove={() => update({ remedies: draft.remedies.filter((_, i) => i !== index) })}
        />
      ))}
      <InlineButton
        id="remedies"
        onClick={() => update({ remedies: [...draft.remedies, emptyRemedy()] })}
      >
        Add an order or recommendation
      </InlineButton>
    </FormGroup>
  );
}

function CaseForm({
  base,
  initialComplaints,
}: {
  base: CaseVersion | null;
  initialComplaints: string[];
}) {
  const form = useForm();
  const navigate = useNavigate();
  const [version, setVersion] = useState(base);
  const [draft, setDraft] = useState<CaseDraft>(() => draftOf(base?.c ?? null, initialComplaints));
  const [pending, setPending] = useState('');
  const [stale, setStale] = useState<ChangedField[] | null>(null);
  const update = (change: Partial<CaseDraft>) => setDraft((current) => ({ ...current, ...change }));
  const setDate = (field: (typeof CASE_DATE_FIELDS)[number]) => (parts: DateParts) =>
    setDraft((current) => ({ ...current, dates: { ...current.dates, [field]: parts } }));

  const addComplaint = () =>
    form.submit(async () => {
      const reference = normaliseReference(pending);
      if (!reference)
        throw new ClientErrors([
          { field: 'complaints', message: 'Enter the complaint’s reference' },
        ]);
      if (!draft.complaints.includes(reference)) {
        try {
          await get<Complaint>(`/complaints/${encodeURIComponent(reference)}`);
        } catch (error) {
          if (error instanceof ApiError && error.status === HTTP_NOT_FOUND) {
            throw new ClientErrors([
              {
                field: 'complaints',
                message: `There is no complaint ${reference} that you can see`,
              },
            ]);
          }
          throw error;
        }
        update({ complaints: [...draft.complaints, reference] });
      }
      setPending('');
    }, 'complaints');

  const save = () =>
    form.submit(async () => {
      if (pending.trim()) {
        throw new ClientErrors([
          {
            field: 'complaints',
            message: `Select “Add complaint” to link ${normaliseReference(pending)}, or clear the box`,
          },
        ]);
      }
      const body = bodyOf(draft);
      if (!version) {
        const created = await inPlainWords(
          () => request<OmbudsmanCase>('POST', '/ombudsman/cases', { body }),
          'ombudsman',
        );
        navigate(`/ombudsman/cases/${created.body.reference}`, {
          state: { done: `Ombudsman case ${created.body.reference} recorded` },
        });
        return;
      }
      const reference = version.c.reference;
      try {
        await inPlainWords(
          () =>
            request('PUT', `/ombudsman/cases/${encodeURIComponent(reference)}`, {
              body,
              ifMatch: version.etag,
            }),
          'ombudsman',
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === HTTP_PRECONDITION_FAILED) {
          const fresh = await loadOmbudsmanCase(reference);
          setStale(changedFields(version.c, fresh.c));
          setVersion(fresh);
          setDraft(draftOf(fresh.c));
          throw new ClientErrors([{ field: '', message: STALE_MESSAGE }]);
        }
        throw error;
      }
      navigate(`/ombudsman/cases/${reference}`, {
        state: { done: `Ombudsman case ${reference} updated` },
      });
    }, 'ombudsman');

  const cancelTo = version ? `/ombudsman/cases/${version.c.reference}` : '/ombudsman';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {stale && <ChangesTable changes={stale} />}
        <Form
          form={form}
          onSubmit={save}
          submitLabel={version ? 'Save changes' : 'Record Ombudsman case'}
          secondary={
            <Link className="govuk-link" to={cancelTo}>
              Cancel
            </Link>
          }
        >
          {version && <span className="govuk-caption-l">{version.c.reference}</span>}
          <h1 className="govuk-heading-l">
            {version ? 'Change Ombudsman case' : 'Record an Ombudsman case'}
          </h1>
          <Radios
            name="ombudsman"
            label="Which Ombudsman?"
            legendClass="govuk-fieldset__legend--m"
            value={draft.ombudsman}
            options={optionsOf(OMBUDSMAN_LABELS)}
            onChange={(value) => update({ ombudsman: value as CaseDraft['ombudsman'] })}
          />
          <TextInput
            name="ombudsman_reference"
            label="The Ombudsman’s reference"
            hint="As written on their letters"
            spellCheck={false}
            widthClass="govuk-input--width-20"
            value={draft.ombudsman_reference}
            onChange={(value) => update({ ombudsman_reference: value })}
          />
          <Textarea
            name="summary"
            label="Summary"
            hint="What the Ombudsman is looking at"
            rows={3}
            value={draft.summary}
            onChange={(value) => update({ summary: value })}
          />
          <ComplaintsSection
            draft={draft}
            update={update}
            pending={pending}
            setPending={setPending}
            addComplaint={() => void addComplaint()}
          />
          <h2 className="govuk-heading-m">Dates</h2>
          {CASE_DATE_FIELDS.map((field) => (
            <DateInput
              key={field}
              name={field}
              label={DATE_LABELS[field]}
              value={draft.dates[field]}
              onChange={setDate(field)}
            />
          ))}
          <h2 className="govuk-heading-m">Outcome</h2>
          {!draft.ombudsman && (
            <p className="govuk-body">
              Choose the Ombudsman to record its outcome in its own terms.
            </p>
          )}
          {draft.ombudsman === 'housing_ombudsman' && (
            <FindingsSection draft={draft} update={update} />
          )}
          {draft.ombudsman === 'lgsco' && <DecisionSection draft={draft} update={update} />}
          <RemediesSection draft={draft} update={update} />
        </Form>
      </div>
    </div>
  );
}

export function CaseNewPage() {
  usePageTitle('Record an Ombudsman case');
  const [params] = useSearchParams();
  const complaint = params.get('complaint');
  if (!useCanManage()) return <NotAllowed />;
  return (
    <>
      <BackLink to="/ombudsman">Ombudsman cases</BackLink>
      <CaseForm base={null} initialComplaints={complaint ? [normaliseReference(complaint)] : []} />
    </>
  );
}

export function CaseEditPage() {
  const { reference = '' } = useParams();
  usePageTitle(`Change Ombudsman case ${reference}`);
  const canManage = useCanManage();
  const loaded = useLoad(() => loadOmbudsmanCase(reference), reference);
  if (!canManage) return <NotAllowed />;
  return (
    <>
      <BackLink to={`/ombudsman/cases/${reference}`}>Ombudsman case {reference}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && <CaseForm base={loaded.data} initialComplaints={[]} />}
    </>
  );
}
