// /cases/:reference/:action: the form for one action on the case as it is now.
import type { ComponentType } from 'react';
import { useParams } from 'react-router-dom';
import { BackLink, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useLoad, useReference } from '../../data';
import { allows, type Permission } from '../../permissions';
import { useSession } from '../../session';
import type { Complaint, Regime, Status } from '../../types';
import { NotFound } from '../NotFound';
import { loadCase } from './ActionForm';
import {
  AcknowledgeForm, CloseForm, EscalateForm, ExtendForm, ReassignForm, RefuseForm, ReopenForm, WithdrawForm,
  type ActionProps,
} from './actions';
import {
  AdjudicationForm, DiscussionOfferForm, InvestigationForm, LateNoticeForm, PanelReportForm, ResponsePeriodForm,
  ReviewPanelForm,
} from './ProcedureForms';
import { RespondForm } from './RespondForm';

// How many stages each regime has (DESIGN.md section 2); escalation is offered below the last.
const STAGE_COUNT: Record<Regime, number> = { housing: 2, corporate: 2, children: 3, adults: 1 };

// The statutory procedures' steps: their own paths, allowed as acknowledging is.
export type ProcedureAction =
  | 'investigation' | 'adjudication' | 'review-panel' | 'panel-report' | 'discussion-offer' | 'response-period'
  | 'late-notice';

export interface CaseAction {
  path: Permission | ProcedureAction;
  permission?: Permission;  // when the path is not itself a permission
  label: string;
  // The statuses in which the API accepts it (src/core/transitions.hpp).
  statuses: Status[];
  Form: ComponentType<ActionProps>;
  secondary?: boolean;
  applies?: (complaint: Complaint) => boolean;
}

const OPEN: Status[] = ['awaiting_acknowledgement', 'in_progress'];

// Where each procedure's steps are recorded (src/core/regime.cpp, StageRule::steps).
const atStage = (regime: Regime, stage: number) => (complaint: Complaint) =>
  complaint.regime === regime && complaint.stage === stage;
const PROCEDURE = { permission: 'acknowledge' as Permission, secondary: true };

export const CASE_ACTIONS: CaseAction[] = [
  { path: 'acknowledge', label: 'Acknowledge', statuses: ['awaiting_acknowledgement'], Form: AcknowledgeForm },
  { path: 'respond', label: 'Respond', statuses: OPEN, Form: RespondForm },
  { path: 'extend', label: 'Extend deadline', statuses: ['in_progress'], Form: ExtendForm, secondary: true },
  {
    path: 'escalate', label: 'Escalate', statuses: ['responded', 'closed'], Form: EscalateForm,
    applies: (complaint) => complaint.stage < STAGE_COUNT[complaint.regime],
  },
  { path: 'close', label: 'Close', statuses: ['responded'], Form: CloseForm, secondary: true },
  { path: 'reassign', label: 'Reassign', statuses: [...OPEN, 'responded'], Form: ReassignForm, secondary: true },
  { path: 'reopen', label: 'Reopen', statuses: ['responded', 'closed', 'withdrawn', 'not_accepted'], Form: ReopenForm, secondary: true },
  { path: 'refuse', label: 'Refuse', statuses: OPEN, Form: RefuseForm, secondary: true },
  { path: 'withdraw', label: 'Record withdrawal', statuses: OPEN, Form: WithdrawForm, secondary: true },
  { ...PROCEDURE, path: 'investigation', label: 'Record investigation', statuses: [...OPEN, 'responded'], Form: InvestigationForm, applies: atStage('children', 2) },
  { ...PROCEDURE, path: 'adjudication', label: 'Record adjudication', statuses: [...OPEN, 'responded'], Form: AdjudicationForm, applies: atStage('children', 2) },
  { ...PROCEDURE, path: 'review-panel', label: 'Record review panel', statuses: OPEN, Form: ReviewPanelForm, applies: atStage('children', 3) },
  {
    ...PROCEDURE, path: 'panel-report', label: 'Record panel’s report', statuses: OPEN, Form: PanelReportForm,
    applies: (complaint) => atStage('children', 3)(complaint) && complaint.stages[complaint.stages.length - 1]?.procedure?.review_panel != null,
  },
  { ...PROCEDURE, path: 'discussion-offer', label: 'Record offer to discuss', statuses: OPEN, Form: DiscussionOfferForm, applies: atStage('adults', 1) },
  { ...PROCEDURE, path: 'response-period', label: 'Record agreed response period', statuses: OPEN, Form: ResponsePeriodForm, applies: atStage('adults', 1) },
  { ...PROCEDURE, path: 'late-notice', label: 'Record late notice', statuses: OPEN, Form: LateNoticeForm, applies: atStage('adults', 1) },
];

export function availableActions(complaint: Complaint, role: Parameters<typeof allows>[0]): CaseAction[] {
  return CASE_ACTIONS.filter(
    (action) => allows(role, action.permission ?? (action.path as Permission)) && action.statuses.includes(complaint.status) && (action.applies?.(complaint) ?? true),
  );
}

export function CaseActionPage() {
  const { reference = '', action = '' } = useParams();
  const chosen = CASE_ACTIONS.find((a) => a.path === action);
  usePageTitle(chosen ? `${chosen.label}: ${reference}` : 'Page not found');
  const { user } = useSession();
  const loaded = useLoad(() => loadCase(reference), `${reference}/${action}`);
  const data = useReference();
  if (!chosen) return <NotFound />;
  if (loaded.error || data.error) return <LoadFailed message={loaded.error ?? data.error ?? ''} />;
  if (!loaded.data || !data.data) return <Loading />;
  const { Form } = chosen;
  const offered = availableActions(loaded.data.complaint, user.role).includes(chosen);
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
