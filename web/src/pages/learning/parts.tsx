// Pieces the learning pages share: the status tag, where an action came from, its due date.
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { request } from '../../api';
import { DateText, Tag } from '../../components/ui';
import { nameOf, type Reference } from '../../data';
import { todayIso } from '../../format';
import {
  dueWording,
  LEARNING_STATUS_COLOURS,
  LEARNING_STATUS_LABELS,
  type LearningAction,
} from './learning';

export interface ActionVersion {
  action: LearningAction;
  etag: string;
}

export async function loadAction(reference: string): Promise<ActionVersion> {
  const { body, etag } = await request<LearningAction>(
    'GET',
    `/learning/${encodeURIComponent(reference)}`,
  );
  return { action: body, etag: etag ?? `"${body.version}"` };
}

// The status, and "Overdue" beside it in words as well as colour.
export function LearningStatusTags({ action }: { action: LearningAction }) {
  return (
    <span className="redress-learning-tags">
      <Tag colour={LEARNING_STATUS_COLOURS[action.status]}>
        {LEARNING_STATUS_LABELS[action.status]}
      </Tag>
      {action.overdue && <Tag colour="red">Overdue</Tag>}
    </span>
  );
}

// The due date and, while the action is live, how it stands against today.
export function DueText({ action }: { action: LearningAction }) {
  const wording = dueWording(action, todayIso());
  return (
    <>
      <DateText iso={action.due_on} />
      {wording && (
        <>
          <br />
          <span
            className={action.overdue ? 'redress-learning-overdue' : 'govuk-hint govuk-!-margin-0'}
          >
            {wording}
          </span>
        </>
      )}
    </>
  );
}

function themeText(action: LearningAction, reference: Reference | undefined): string {
  const parts = [
    action.category && `category ${nameOf(reference?.categories, action.category)}`,
    action.root_cause && `root cause ${nameOf(reference?.rootCauses, action.root_cause)}`,
  ].filter(Boolean);
  return parts.join('; ');
}

// Where the action came from, linking to the complaints or the Ombudsman case.
export function SourceText({
  action,
  reference,
}: {
  action: LearningAction;
  reference: Reference | undefined;
}) {
  if (action.source === 'complaints') {
    return (
      <>
        {action.complaints.length === 1 ? 'Complaint ' : 'Complaints '}
        {action.complaints.map((complaint, index) => (
          <Fragment key={complaint}>
            {index > 0 && ', '}
            <Link className="govuk-link" to={`/cases/${complaint}`}>
              {complaint}
            </Link>
          </Fragment>
        ))}
      </>
    );
  }
  if (action.source === 'ombudsman_case' && action.ombudsman_case) {
    return (
      <>
        Ombudsman case{' '}
        <Link className="govuk-link" to={`/ombudsman/cases/${action.ombudsman_case}`}>
          {action.ombudsman_case}
        </Link>
      </>
    );
  }
  return <>Theme: {themeText(action, reference)}</>;
}
