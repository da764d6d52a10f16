// /cases/:reference/:action: the form for one action on the case as it is now.
import type { ComponentType } from 'react';
import { useParams } from 'react-router-dom';
import { BackLink, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useLoad, useReference } from '../../data';
import type { CaseActionName, Complaint } from '../../types';
import { NotFound } from '../NotFound';
import { loadCase } from './ActionForm';
import {
  AcknowledgeForm,
  CloseForm,
  EscalateForm,
  ExtendForm,
  ReassignForm,
  RefuseForm,
  ReopenForm,
  WithdrawForm,
  type ActionProps,
} from './actions';
import {
  AdjudicationForm,
  DiscussionOfferForm,
  InvestigationForm,
  LateNoticeForm,
  PanelReportForm,
  ResponsePeriodForm,
  ReviewPanelForm,
} from './ProcedureForms';
import { CorrectResponseForm, RespondForm } from './RespondForm';

export interface CaseAction {
  path: CaseActionName;
  label: string;
  Form: ComponentType<ActionProps>;
  secondary?: boolean;
}

// The forms, in the order the case page offers them. Which are offered is the server's answer
// (the complaint's allowed_actions: its state and the user's role), never decided here.
export const CASE_ACTIONS: CaseAction[] = [
  { path: 'acknowledge', label: 'Acknowledge', Form: AcknowledgeForm },
  { path: 'respond', label: 'Respond', Form: RespondForm },
  { path: 'extend', label: 'Extend deadline', Form: ExtendForm, secondary: true },
  { path: 'escalate', label: 'Escalate', Form: EscalateForm },
  { path: 'close', label: 'Close', Form: CloseForm, secondary: true },
  { path: 'reassign', label: 'Reassign', Form: ReassignForm, secondary: true },
  { path: 'reopen', label: 'Reopen', Form: ReopenForm, secondary: true },
  { path: 'refuse', label: 'Refuse', Form: RefuseForm, secondary: true },
  { path: 'withdraw', label: 'Record withdrawal', Form: WithdrawForm, secondary: true },
  // The statutory procedures' steps, offered only at the stage whose rule records them.
  {
    path: 'investigation',
    label: 'Record investigation',
    Form: InvestigationForm,
    secondary: true,
  },
  { path: 'adjudication', label: 'Record adjudication', Form: AdjudicationForm, secondary: true },
  { path: 'review-panel', label: 'Record review panel', Form: ReviewPanelForm, secondary: true },
  { path: 'panel-report', label: 'Record panel’s report', Form: PanelReportForm, secondary: true },
  {
    path: 'discussion-offer',
    label: 'Record offer to discuss',
    Form: DiscussionOfferForm,
    secondary: true,
  },
  {
    path: 'response-period',
    label: 'Record agreed response period',
    Form: ResponsePeriodForm,
    secondary: true,
  },
  { path: 'late-notice', label: 'Record late notice', Form: LateNoticeForm, secondary: true },
  {
    path: 'correct-response',
    label: 'Correct the response',
    Form: CorrectResponseForm,
    secondary: true,
  },
];

export function availableActions(complaint: Pick<Complaint, 'allowed_actions'>): CaseAction[] {
  return CASE_ACTIONS.filter((action) => complaint.allowed_actions.includes(action.path));
}

export function CaseActionPage() {
  const { reference = '', action = '' } = useParams();
  const chosen = CASE_ACTIONS.find((a) => a.path === action);
  usePageTitle(chosen ? `${chosen.label}: ${reference}` : 'Page not found');
  const loaded = useLoad(() => loadCase(reference), `${reference}/${action}`);
  const data = useReference();
  if (!chosen) return <NotFound />;
  if (loaded.error || data.error) return <LoadFailed message={loaded.error ?? data.error ?? ''} />;
  if (!loaded.data || !data.data) return <Loading />;
  const { Form } = chosen;
  const offered = availableActions(loaded.data.complaint).includes(chosen);
  return (
    <>
      <BackLink to={`/cases/${reference}`}>Back to the case</BackLink>
      {offered ? (
        <Form base={loaded.data} reference={data.data} />
      ) : (
        <>
          <h1 className="govuk-heading-l">{chosen.label} is not available</h1>
          <p className="govuk-body">The case’s status or your role does not allow it now.</p>
        </>
      )}
    </>
  );
}
