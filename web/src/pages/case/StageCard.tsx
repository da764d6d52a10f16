// One stage of a case as a GOV.UK summary card: its team, deadlines, extensions and response.
import { DateText, SummaryList, UrgencyTag, urgencyOf, type SummaryRow } from '../../components/ui';
import { nameOf, userName, type Reference } from '../../data';
import { formatDate, formatPence, OUTCOME_LABELS, REMEDY_LABELS } from '../../format';
import type { Stage, StageProcedure, StageResponse, StepTiming } from '../../types';

const TIMING_LABELS: Record<StepTiming, string> = {
  pending: '',
  on_time: ' (on time)',
  late: ' (late)',
};
const TAKE_UP_LABELS = { taken_up: 'taken up', declined: 'declined', no_reply: 'no reply yet' };

// The statutory procedure's steps, each with its own clock where it has one.
function procedureRows(p: StageProcedure, id: string): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const timing = p.panel_timing;
  if (p.investigation) {
    rows.push({
      key: 'Written record agreed',
      value: <DateText iso={p.investigation.record_agreed_on} />,
      id: `${id}-record-agreed`,
    });
    rows.push({ key: 'Investigating Officer', value: p.investigation.investigating_officer });
    rows.push({ key: 'Independent Person', value: p.investigation.independent_person });
  }
  if (p.adjudication) {
    rows.push({
      key: 'Adjudication',
      value: `${formatDate(p.adjudication.adjudicated_on)} by ${p.adjudication.adjudicating_officer}`,
    });
  }
  if (p.panel_meet_by) {
    rows.push({
      key: 'Review panel',
      value: p.review_panel
        ? `Met ${formatDate(p.review_panel.met_on)}${TIMING_LABELS[timing?.meeting ?? 'pending']} (due by ${formatDate(p.panel_meet_by)}): ${p.review_panel.members.join(', ')}`
        : `To meet by ${formatDate(p.panel_meet_by)}`,
      id: `${id}-panel`,
    });
  }
  if (p.panel_report_by) {
    rows.push({
      key: 'Panel’s report',
      value: p.panel_report_on
        ? `Received ${formatDate(p.panel_report_on)}${TIMING_LABELS[timing?.report ?? 'pending']} (due by ${formatDate(p.panel_report_by)})`
        : `Due by ${formatDate(p.panel_report_by)}`,
      id: `${id}-panel-report`,
    });
  }
  if (timing && timing.response !== 'pending') {
    rows.push({
      key: 'Response on its own clock',
      value: timing.response === 'late' ? 'Late' : 'On time',
      id: `${id}-panel-response`,
    });
  }
  if (p.discussion_offer) {
    rows.push({
      key: 'Offer to discuss',
      value: `${formatDate(p.discussion_offer.offered_on)}, ${TAKE_UP_LABELS[p.discussion_offer.take_up]}${p.discussion_offer.notes ? `: ${p.discussion_offer.notes}` : ''}`,
    });
  }
  if (p.agreed_response_period) {
    rows.push({
      key: 'Response period agreed',
      value: `On ${formatDate(p.agreed_response_period.agreed_on)}: respond by ${formatDate(p.agreed_response_period.respond_by)}`,
    });
  }
  if (p.late_notice) {
    rows.push({
      key: 'Told the response will be late',
      value: `${formatDate(p.late_notice.notified_on)}: ${p.late_notice.reason}${p.late_notice.expected_by ? ` (expected by ${formatDate(p.late_notice.expected_by)})` : ''}`,
    });
  }
  return rows;
}

function responseRows(response: StageResponse, reference: Reference, id: string): SummaryRow[] {
  return [
    {
      key: 'Responded on',
      value: <DateText iso={response.responded_on} />,
      id: `${id}-responded-on`,
    },
    { key: 'Responded by', value: userName(reference.users, response.responded_by) },
    { key: 'Outcome', value: OUTCOME_LABELS[response.outcome] },
    {
      key: 'Root causes',
      value: response.root_causes.map((code) => nameOf(reference.rootCauses, code)).join(', '),
    },
    {
      key: 'Remedies',
      value:
        response.remedies.length === 0 ? (
          'None'
        ) : (
          <ul className="govuk-list">
            {response.remedies.map((remedy, index) => (
              <li key={index}>
                {REMEDY_LABELS[remedy.type]}
                {remedy.amount_pence > 0 && ` ${formatPence(remedy.amount_pence)}`}
                {remedy.description && `: ${remedy.description}`}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'Actions',
      value:
        response.actions.length === 0 ? (
          'None'
        ) : (
          <ul className="govuk-list">
            {response.actions.map((action, index) => (
              <li key={index}>
                {action.description}
                {action.due_on && `, due ${formatDate(action.due_on)}`}
                {action.owner && `, ${userName(reference.users, action.owner)}`} (
                {action.status === 'done' ? 'done' : 'open'})
              </li>
            ))}
          </ul>
        ),
    },
    { key: 'Learning', value: response.learning || 'None recorded' },
  ];
}

export function StageCard({
  stage,
  current,
  reference,
}: {
  stage: Stage;
  current: boolean;
  reference: Reference;
}) {
  const id = `stage-${stage.number}`;
  const pending = current && !stage.response && stage.working_days_left !== undefined;
  const earlier = stage.earlier_responses ?? [];
  const rows: SummaryRow[] = [
    { key: 'Team', value: nameOf(reference.teams, stage.team) },
    { key: 'Handler', value: userName(reference.users, stage.handler), id: `${id}-handler` },
    { key: 'Started', value: <DateText iso={stage.started_on} />, id: `${id}-started` },
    ...(stage.escalation_reason
      ? [{ key: 'Why it was escalated', value: stage.escalation_reason }]
      : []),
    {
      key: 'Acknowledge by',
      value: <DateText iso={stage.acknowledge_by} />,
      id: `${id}-acknowledge-by`,
    },
    {
      key: 'Acknowledged on',
      value: stage.acknowledged_on ? <DateText iso={stage.acknowledged_on} /> : 'Not yet',
      id: `${id}-acknowledged-on`,
    },
    {
      key: 'Respond by',
      value: stage.respond_by ? <DateText iso={stage.respond_by} /> : 'Set when acknowledged',
      id: `${id}-respond-by`,
    },
    ...stage.extensions.map((extension, index) => ({
      key: `Extension ${index + 1}`,
      value: `${extension.working_days} working days on ${formatDate(extension.decided_on)}, from ${formatDate(extension.previous_due)} to ${formatDate(extension.new_due)}: ${extension.reason}${extension.within_code ? '' : ' (outside the Code)'}`,
    })),
    ...((stage.reopenings ?? []).length > 1
      ? [
          {
            key: 'Reopened on',
            value: stage.reopenings.map((on) => formatDate(on)).join(', '),
            id: `${id}-reopenings`,
          },
        ]
      : stage.reopened_on
        ? [{ key: 'Reopened on', value: <DateText iso={stage.reopened_on} /> }]
        : []),
    ...(pending
      ? [
          {
            key: stage.acknowledged_on ? 'Time left to respond' : 'Time left to acknowledge',
            value: (
              <UrgencyTag
                urgency={urgencyOf(stage.working_days_left ?? 0)}
                workingDaysLeft={stage.working_days_left}
              />
            ),
            id: `${id}-working-days-left`,
          },
        ]
      : []),
    ...(stage.procedure ? procedureRows(stage.procedure, id) : []),
    ...(stage.response ? responseRows(stage.response, reference, id) : []),
  ];
  return (
    <div className="govuk-summary-card" id={id}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          Stage {stage.number}
          {current ? ' (current)' : ''}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
        {earlier.length > 0 && (
          // A reopening never destroys an answer: the ones it superseded stay on the case.
          <details className="govuk-details" id={`${id}-earlier-responses`}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Earlier responses ({earlier.length})
              </span>
            </summary>
            <div className="govuk-details__text">
              {earlier.map((response, index) => (
                <div key={index}>
                  <h4 className="govuk-heading-s">
                    Response of {formatDate(response.responded_on)}, superseded by a reopening
                  </h4>
                  <SummaryList
                    rows={responseRows(response, reference, `${id}-earlier-${index + 1}`)}
                  />
                </div>
              ))}
            </div>
          </details>
        )}
      </div>
    </div>
  );
}
