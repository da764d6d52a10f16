// /cases/:reference: everything about one case, and the actions the user may take on it.
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  DateText,
  LoadFailed,
  Loading,
  StatusTag,
  SuccessBanner,
  SummaryList,
  UrgencyTag,
  urgencyOf,
  usePageTitle,
  WarningText,
} from '../../components/ui';
import { nameOf, useLoad, useReference, type Reference } from '../../data';
import { CHANNEL_LABELS, formatDate, REFUSAL_LABELS, REGIME_LABELS } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { Complaint, Person, TimeLimitEvidence } from '../../types';
import { loadCase } from './ActionForm';
import { availableActions } from './CaseActionPage';
import { PersonComplaints } from '../../components/PersonComplaints';
import { Attachments } from './Attachments';
import { Links, Notes, OmbudsmanHistory, Timeline } from './CaseExtras';
import { Letters } from './Letters';
import { loadPreferences, Needs, NeedsFlag } from './Needs';
import { Redaction } from './Redaction';
import { RetentionHolds } from './RetentionHolds';
import { StageCard } from './StageCard';
import { StageTasks } from './StageTasks';

function personText(person: Person) {
  const lines = [person.name, person.email, person.phone, person.address, person.postcode].filter(
    Boolean,
  );
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  );
}

// The time limit's evidence in words: the date, the limit and how far over (or within) it.
export function timeLimitText(evidence: TimeLimitEvidence): string {
  const base = `The matter arose on ${formatDate(evidence.matter_arose_on)}; the ${evidence.limit_months}-month limit ends on ${formatDate(evidence.limit_ends_on)}.`;
  if (evidence.outside_limit) {
    const days = evidence.days_beyond_limit;
    return `${base} Received ${days} ${days === 1 ? 'day' : 'days'} after the limit: it may be refused as older than 12 months, or accepted for good reason.`;
  }
  return `${base} Received within the limit.`;
}

function Details({ complaint, reference }: { complaint: Complaint; reference: Reference }) {
  return (
    <SummaryList
      id="case-details"
      rows={[
        { key: 'Status', value: <StatusTag status={complaint.status} /> },
        { key: 'Procedure', value: REGIME_LABELS[complaint.regime] },
        { key: 'Received', value: <DateText iso={complaint.received_on} />, id: 'received-on' },
        { key: 'Judged on', value: complaint.code_version_title, id: 'code-version' },
        {
          key: 'Time limit',
          value: complaint.time_limit
            ? timeLimitText(complaint.time_limit)
            : 'The date the matter arose is not recorded',
          id: 'time-limit',
        },
        { key: 'How', value: CHANNEL_LABELS[complaint.channel] },
        { key: 'Service area', value: nameOf(reference.serviceAreas, complaint.service_area) },
        { key: 'Category', value: nameOf(reference.categories, complaint.category) },
        { key: 'Complainant', value: personText(complaint.complainant) },
        ...(complaint.representative
          ? [{ key: 'Representative', value: personText(complaint.representative) }]
          : []),
        {
          key: 'What happened',
          value: <span className="redress-note-text">{complaint.description}</span>,
        },
        { key: 'What they want', value: complaint.desired_outcome || 'Not recorded' },
        ...(complaint.service_request_reference
          ? [
              {
                key: 'Raised from service request',
                value: (
                  <Link
                    className="govuk-link"
                    to={`/service-requests/${complaint.service_request_reference}`}
                  >
                    {complaint.service_request_reference}
                  </Link>
                ),
              },
            ]
          : []),
        ...(complaint.refusal
          ? [
              {
                key: 'Not accepted',
                id: 'refusal',
                value: `${formatDate(complaint.refusal.decided_on)}: ${REFUSAL_LABELS[complaint.refusal.reason] ?? complaint.refusal.reason}. ${complaint.refusal.explanation}${complaint.refusal.time_limit ? ` Evidence: ${timeLimitText(complaint.refusal.time_limit)}` : ''}`,
              },
            ]
          : []),
        ...(complaint.withdrawal
          ? [
              {
                key: 'Withdrawn',
                value: `${formatDate(complaint.withdrawal.withdrawn_on)}${complaint.withdrawal.reason ? `: ${complaint.withdrawal.reason}` : ''}`,
              },
            ]
          : []),
        // Undone by a reopening, but kept on record.
        ...(complaint.earlier_refusals ?? []).map((refusal, index) => ({
          key: `Earlier refusal ${index + 1}`,
          value: `Undone by a reopening. ${formatDate(refusal.decided_on)}: ${REFUSAL_LABELS[refusal.reason] ?? refusal.reason}. ${refusal.explanation}`,
          id: `earlier-refusal-${index + 1}`,
        })),
        ...(complaint.earlier_withdrawals ?? []).map((withdrawal, index) => ({
          key: `Earlier withdrawal ${index + 1}`,
          value: `Undone by a reopening. ${formatDate(withdrawal.withdrawn_on)}${withdrawal.reason ? `: ${withdrawal.reason}` : ''}`,
          id: `earlier-withdrawal-${index + 1}`,
        })),
        ...(complaint.closed_on
          ? [{ key: 'Closed', value: <DateText iso={complaint.closed_on} /> }]
          : []),
      ]}
    />
  );
}

function CaseView({ complaint, reference }: { complaint: Complaint; reference: Reference }) {
  const { user } = useSession();
  const location = useLocation();
  const done = (location.state as { done?: string } | null)?.done;
  const current = complaint.stages.find((stage) => stage.number === complaint.stage);
  const actions = availableActions(complaint);
  const pendingDays = current && !current.response ? current.working_days_left : undefined;
  const preferences = useLoad(() => loadPreferences(complaint.reference), complaint.reference);
  return (
    <>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The case has been updated.</p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">{complaint.reference}</span>
      <h1 className="govuk-heading-l">{complaint.summary}</h1>
      <NeedsFlag preferences={preferences.data} />
      <p className="govuk-body redress-case-status">
        <StatusTag status={complaint.status} /> Stage {complaint.stage}{' '}
        {pendingDays !== undefined && (
          <UrgencyTag urgency={urgencyOf(pendingDays)} workingDaysLeft={pendingDays} />
        )}
      </p>
      {complaint.possible_repeat_of.length > 0 && (
        <WarningText>
          Possibly a repeat of{' '}
          {complaint.possible_repeat_of.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <Link className="govuk-link" to={`/cases/${ref}`}>
                {ref}
              </Link>
            </span>
          ))}
        </WarningText>
      )}
      {actions.length > 0 && (
        <div className="govuk-button-group" id="case-actions">
          {actions.map((action) => (
            <Link
              key={action.path}
              to={`/cases/${complaint.reference}/${action.path}`}
              role="button"
              draggable="false"
              className={`govuk-button${action.secondary ? ' govuk-button--secondary' : ''}`}
              data-module="govuk-button"
            >
              {action.label}
            </Link>
          ))}
        </div>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <StageTasks complaint={complaint} actions={actions} />
          <h2 className="govuk-heading-m">Details</h2>
          <Details complaint={complaint} reference={reference} />
          <Needs
            reference={complaint.reference}
            preferences={preferences.data}
            error={preferences.error}
            canRecord={allows(user, 'add_note')}
            onSaved={preferences.reload}
          />
          <h2 className="govuk-heading-m">Stages and deadlines</h2>
          {complaint.stages.map((stage) => (
            <StageCard
              key={stage.number}
              stage={stage}
              current={stage.number === complaint.stage}
              reference={reference}
            />
          ))}
          <h2 className="govuk-heading-m">Ombudsman</h2>
          <OmbudsmanHistory
            reference={complaint.reference}
            canRecord={allows(user, 'manage_ombudsman')}
          />
          {allows(user, 'manage_learning') && (
            <p className="govuk-body" id="raise-learning">
              <Link
                className="govuk-link"
                to={`/learning/new?complaint=${encodeURIComponent(complaint.reference)}`}
              >
                Raise a learning action
              </Link>
            </p>
          )}
          <h2 className="govuk-heading-m">Letters</h2>
          <Letters reference={complaint.reference} canIssue={allows(user, 'acknowledge')} />
          <h2 className="govuk-heading-m">Evidence</h2>
          <Attachments
            path={`/complaints/${encodeURIComponent(complaint.reference)}`}
            canAdd={allows(user, 'add_note')}
          />
          <h2 className="govuk-heading-m">Internal notes</h2>
          <Notes reference={complaint.reference} canAdd={allows(user, 'add_note')} />
          {allows(user, 'manage_configuration') && (
            <>
              <RetentionHolds reference={complaint.reference} />
              <Redaction complaint={complaint} />
            </>
          )}
        </div>
        <div className="govuk-grid-column-one-third">
          <PersonComplaints
            id="person-complaints"
            heading="The complainant’s other complaints"
            person={complaint.complainant}
            except={complaint.reference}
          />
          {allows(user, 'manage_subject_access') && (
            <p className="govuk-body">
              <Link
                className="govuk-link"
                id="person-everything"
                to={`/people/${encodeURIComponent(`${complaint.reference}.complainant`)}`}
              >
                Everything about this person
              </Link>
            </p>
          )}
          <h2 className="govuk-heading-m">Linked complaints</h2>
          <Links reference={complaint.reference} canAdd={allows(user, 'add_note')} />
          <h2 className="govuk-heading-m">Timeline</h2>
          <Timeline events={complaint.timeline ?? []} />
        </div>
      </div>
    </>
  );
}

export function CasePage() {
  const { reference = '' } = useParams();
  usePageTitle(`Case ${reference}`);
  const location = useLocation();
  // A finished action navigates here with new state: load the case again.
  const loaded = useLoad(() => loadCase(reference), `${reference}/${location.key}`);
  const data = useReference();
  if (loaded.error || data.error) return <LoadFailed message={loaded.error ?? data.error ?? ''} />;
  if (!loaded.data || !data.data) return <Loading />;
  return <CaseView complaint={loaded.data.complaint} reference={data.data} />;
}
