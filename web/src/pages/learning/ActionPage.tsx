// /learning/:reference: one learning action, and for those who keep them its progress: status,
// owner, due date and, to complete it, the evidence. The change is sent with the action's ETag;
// when someone else changed it meanwhile (412) the page shows what changed and keeps the form.
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { DateInput, datePartsOf, Radios, Select, Textarea } from '../../components/fields';
import {
  BackLink,
  DateText,
  ImportantBanner,
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  ChangesTable,
  usePageTitle,
} from '../../components/ui';
import { useLoad, useReference, userName, type Reference } from '../../data';
import { formatDate, todayIso } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { FieldError } from '../../types';
import {
  actionDifferences,
  LEARNING_STATUS_LABELS,
  updateBody,
  type ActionDifference,
  type LearningAction,
  type LearningStatus,
} from './learning';
import { DueText, LearningStatusTags, loadAction, SourceText, type ActionVersion } from './parts';
import { dateField, withLabels } from './forms';
import { ACTION_LABELS } from './RaiseAction';

const HTTP_PRECONDITION_FAILED = 412;
const STALE_MESSAGE = 'Someone else changed this action. Check what changed, then save again.';

const STATUS_OPTIONS = (Object.keys(LEARNING_STATUS_LABELS) as LearningStatus[]).map((status) => ({
  value: status,
  label: LEARNING_STATUS_LABELS[status],
  ...(status === 'completed' ? { hint: 'Needs the evidence that it was done' } : {}),
}));

function Details({ action, reference }: { action: LearningAction; reference: Reference }) {
  return (
    <SummaryList
      id="learning-details"
      rows={[
        { key: 'Status', value: <LearningStatusTags action={action} />, id: 'learning-status' },
        {
          key: 'What was learnt',
          value: <span className="redress-note-text">{action.lesson || 'Not recorded'}</span>,
        },
        {
          key: 'What will change',
          value: <span className="redress-note-text">{action.action}</span>,
        },
        {
          key: 'Raised from',
          value: <SourceText action={action} reference={reference} />,
          id: 'learning-source',
        },
        { key: 'Owner', value: userName(reference.users, action.owner), id: 'learning-owner' },
        { key: 'Raised on', value: <DateText iso={action.raised_on} /> },
        { key: 'Due', value: <DueText action={action} />, id: 'learning-due' },
        {
          key: 'Evidence of completion',
          value: <span className="redress-note-text">{action.evidence || 'None recorded'}</span>,
          id: 'learning-evidence',
        },
        ...(action.completed_on
          ? [
              {
                key: 'Completed on',
                value: <DateText iso={action.completed_on} />,
                id: 'learning-completed-on',
              },
            ]
          : []),
      ]}
    />
  );
}

function StaleNotice({ changes }: { changes: ActionDifference[] }) {
  return (
    <ImportantBanner title="Someone else changed this action while you were working on it.">
      <p className="govuk-body">
        Your changes have not been saved. Check what changed, then save them again or leave the
        page.
      </p>
      <ChangesTable changes={changes} />
    </ImportantBanner>
  );
}

function UpdateForm({ base: initial, reference }: { base: ActionVersion; reference: Reference }) {
  const form = useForm();
  const navigate = useNavigate();
  const [base, setBase] = useState(initial);
  const [stale, setStale] = useState<ActionDifference[] | null>(null);
  const action = base.action;
  const [status, setStatus] = useState<LearningStatus>(action.status);
  const [owner, setOwner] = useState(action.owner);
  const [due, setDue] = useState(() => datePartsOf(action.due_on));
  const [what, setWhat] = useState(action.action);
  const [lesson, setLesson] = useState(action.lesson);
  const [evidence, setEvidence] = useState(action.evidence);
  const [completed, setCompleted] = useState(() => datePartsOf(action.completed_on ?? todayIso()));
  // Someone who has left keeps owning their old actions until they are handed on.
  const owners = reference.users
    .filter((u) => u.active || u.username === action.owner)
    .map((u) => ({ value: u.username, label: u.display_name }));
  const show = {
    owner: (username: string) => userName(reference.users, username),
    date: (iso: string | null) => formatDate(iso),
  };
  const submit = () =>
    form.submit(async () => {
      const problems: FieldError[] = [];
      const dueOn = dateField('due_on', 'The due date', due, problems);
      const completedOn =
        status === 'completed'
          ? dateField('completed_on', 'The date it was completed', completed, problems)
          : undefined;
      if (problems.length > 0) throw new ClientErrors(problems);
      const body = updateBody(action, {
        status,
        owner,
        dueOn: dueOn ?? '',
        action: what.trim(),
        lesson: lesson.trim(),
        evidence: evidence.trim(),
        completedOn: completedOn ?? null,
      });
      try {
        await withLabels(ACTION_LABELS, () =>
          request('PUT', `/learning/${encodeURIComponent(action.reference)}`, {
            body,
            ifMatch: base.etag,
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === HTTP_PRECONDITION_FAILED) {
          const fresh = await loadAction(action.reference);
          setStale(actionDifferences(base.action, fresh.action, show));
          setBase(fresh);
          throw new ClientErrors([{ field: '', message: STALE_MESSAGE }]);
        }
        throw error;
      }
      const done =
        status === 'completed' && action.status !== 'completed'
          ? 'Action completed'
          : 'Action updated';
      navigate(`/learning/${action.reference}`, { replace: true, state: { done } });
    }, 'status');
  return (
    <>
      {stale && <StaleNotice changes={stale} />}
      <Form
        form={form}
        onSubmit={submit}
        submitLabel={stale ? 'Save changes again' : 'Save changes'}
      >
        <h2 className="govuk-heading-m" id="update-heading">
          Update the action
        </h2>
        <Radios
          name="status"
          label="Status"
          value={status}
          onChange={(value) => setStatus(value as LearningStatus)}
          options={STATUS_OPTIONS}
        />
        <Textarea
          name="evidence"
          label="Evidence of completion"
          hint="What shows the change was made: a procedure issued, training given, a report. Needed to complete the action."
          value={evidence}
          onChange={setEvidence}
        />
        {status === 'completed' && (
          <DateInput
            name="completed_on"
            label="When was it completed?"
            hint="For example, 27 6 2022"
            value={completed}
            onChange={setCompleted}
          />
        )}
        <Select name="owner" label="Owner" value={owner} onChange={setOwner} options={owners} />
        <DateInput
          name="due_on"
          label="Due by"
          hint="For example, 30 9 2022"
          value={due}
          onChange={setDue}
        />
        <Textarea name="action" label="What will change?" value={what} onChange={setWhat} />
        <Textarea name="lesson" label="What was learnt?" value={lesson} onChange={setLesson} />
      </Form>
    </>
  );
}

export function ActionPage() {
  const { reference = '' } = useParams();
  usePageTitle(`Learning action ${reference}`);
  const { user } = useSession();
  const location = useLocation();
  const done = (location.state as { done?: string } | null)?.done;
  // A saved change navigates here with new state: load the action again.
  const loaded = useLoad(() => loadAction(reference), `${reference}/${location.key}`);
  const data = useReference();
  const error = loaded.error ?? data.error;
  return (
    <>
      <BackLink to="/learning">Lessons learned</BackLink>
      {error && <LoadFailed message={error} />}
      {!error && (!loaded.data || !data.data) && <Loading />}
      {loaded.data && data.data && (
        <>
          {done && (
            <SuccessBanner title={done}>
              <p className="govuk-body">The change is in the audit trail.</p>
            </SuccessBanner>
          )}
          <span className="govuk-caption-l">Learning action {loaded.data.action.reference}</span>
          <h1 className="govuk-heading-l">{loaded.data.action.action}</h1>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <Details action={loaded.data.action} reference={data.data} />
              {allows(user, 'manage_learning') && (
                <UpdateForm
                  key={`${loaded.data.etag}/${location.key}`}
                  base={loaded.data}
                  reference={data.data}
                />
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
