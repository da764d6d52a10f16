// Learning and service-improvement actions (GET/POST /learning, GET/PUT /learning/{reference}):
// their shape, how they are grouped for the review meeting, how overdue reads, and the request
// bodies the forms send. Pure, so that vitest covers it.

export type LearningSource = 'complaints' | 'ombudsman_case' | 'theme';
export type LearningStatus = 'open' | 'in_progress' | 'completed' | 'cancelled';

export interface LearningAction {
  reference: string;
  version: number;
  source: LearningSource;
  complaints: string[];
  ombudsman_case: string | null;
  category: string | null;
  root_cause: string | null;
  lesson: string;
  action: string;
  owner: string;
  raised_on: string;
  due_on: string;
  status: LearningStatus;
  evidence: string;
  completed_on: string | null;
  overdue: boolean;
}

export const LEARNING_STATUS_LABELS: Record<LearningStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const LEARNING_STATUS_COLOURS: Record<LearningStatus, string> = {
  open: 'blue',
  in_progress: 'light-blue',
  completed: 'green',
  cancelled: 'grey',
};

export const LEARNING_SOURCE_LABELS: Record<LearningSource, string> = {
  complaints: 'One or more complaints',
  ombudsman_case: 'An Ombudsman case',
  theme: 'A theme (category or root cause)',
};

// The review meeting reads the overdue first, then what is still being worked on, then what is
// done; an overdue action is in the overdue group only.
export type LearningGroup = 'overdue' | 'open' | 'completed' | 'cancelled';

export const LEARNING_GROUPS: { group: LearningGroup; title: string }[] = [
  { group: 'overdue', title: 'Overdue' },
  { group: 'open', title: 'Open and in progress' },
  { group: 'completed', title: 'Completed' },
  { group: 'cancelled', title: 'Cancelled' },
];

export function groupOf(action: LearningAction): LearningGroup {
  if (action.overdue) return 'overdue';
  if (action.status === 'completed' || action.status === 'cancelled') return action.status;
  return 'open';
}

// The actions of each group in the API's order (earliest due first); empty groups are left out.
export function groupActions(
  actions: LearningAction[],
): { group: LearningGroup; title: string; actions: LearningAction[] }[] {
  return LEARNING_GROUPS.map(({ group, title }) => ({
    group,
    title,
    actions: actions.filter((action) => groupOf(action) === group),
  })).filter((entry) => entry.actions.length > 0);
}

const MS_PER_DAY = 86_400_000;

// Whole calendar days from `from` to `to` (both ISO dates); negative when `to` is earlier.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

// How an action's due date reads against today: "Overdue by 3 days", "Due today", "Due in 5
// days"; a finished action has no deadline left, so its status says it all.
export function dueWording(
  action: Pick<LearningAction, 'status' | 'due_on' | 'overdue'>,
  today: string,
): string {
  if (action.status === 'completed' || action.status === 'cancelled') return '';
  const days = daysBetween(today, action.due_on);
  // The server decides what is overdue (its today may differ from the browser's by a time zone).
  if (action.overdue) return `Overdue by ${plural(Math.max(1, -days), 'day')}`;
  if (days <= 0) return 'Due today';
  return `Due in ${plural(days, 'day')}`;
}

// "CMP-2024-000001, CMP-2024-000002" or "CMP-2024-000001 CMP-2024-000002" → references.
export function parseReferences(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const reference = part.trim().toUpperCase();
    if (reference) seen.add(reference);
  }
  return [...seen];
}

// What the raise form holds, as typed.
export interface SourceDraft {
  source: LearningSource | '';
  complaints: string;
  ombudsmanCase: string;
  category: string;
  rootCause: string;
}

// The source's fields of a request body: only the chosen source's, as the API requires.
export function sourceFields(draft: SourceDraft): Record<string, unknown> {
  switch (draft.source) {
    case 'complaints':
      return { source: 'complaints', complaints: parseReferences(draft.complaints) };
    case 'ombudsman_case':
      return { source: 'ombudsman_case', ombudsman_case: draft.ombudsmanCase.trim().toUpperCase() };
    case 'theme':
      return {
        source: 'theme',
        ...(draft.category ? { category: draft.category } : {}),
        ...(draft.rootCause ? { root_cause: draft.rootCause } : {}),
      };
    default:
      return {};
  }
}

// Which source the raise form starts on: the case page links here with ?complaint=REF, the
// Ombudsman case page with ?ombudsman=REF.
export function sourceFromQuery(search: URLSearchParams): SourceDraft {
  const complaints = search.getAll('complaint').filter(Boolean);
  const ombudsman = search.get('ombudsman') ?? '';
  if (complaints.length > 0) {
    return {
      source: 'complaints',
      complaints: complaints.join(', '),
      ombudsmanCase: '',
      category: '',
      rootCause: '',
    };
  }
  if (ombudsman)
    return {
      source: 'ombudsman_case',
      complaints: '',
      ombudsmanCase: ombudsman,
      category: '',
      rootCause: '',
    };
  return { source: '', complaints: '', ombudsmanCase: '', category: '', rootCause: '' };
}

// The whole record as PUT replaces it: the action's source and history kept, the edited fields
// changed. A completion date goes only with the completed status, as the API requires.
export interface ActionEdit {
  status: LearningStatus;
  owner: string;
  dueOn: string;
  action: string;
  lesson: string;
  evidence: string;
  completedOn: string | null;
}

export function updateBody(base: LearningAction, edit: ActionEdit): Record<string, unknown> {
  return {
    source: base.source,
    ...(base.source === 'complaints' ? { complaints: base.complaints } : {}),
    ...(base.ombudsman_case ? { ombudsman_case: base.ombudsman_case } : {}),
    ...(base.category ? { category: base.category } : {}),
    ...(base.root_cause ? { root_cause: base.root_cause } : {}),
    lesson: edit.lesson,
    action: edit.action,
    owner: edit.owner,
    raised_on: base.raised_on,
    due_on: edit.dueOn,
    status: edit.status,
    evidence: edit.evidence,
    ...(edit.status === 'completed' && edit.completedOn ? { completed_on: edit.completedOn } : {}),
  };
}

export interface ActionDifference {
  what: string;
  before: string;
  after: string;
}

// What someone else changed between the version a form was based on and the current one, for
// the notice shown when the API refuses a stale edit (412). Names and dates are shown as read.
export function actionDifferences(
  before: LearningAction,
  after: LearningAction,
  show: { owner: (username: string) => string; date: (iso: string | null) => string },
): ActionDifference[] {
  const compared: { what: string; read: (a: LearningAction) => string }[] = [
    { what: 'Status', read: (a) => LEARNING_STATUS_LABELS[a.status] },
    { what: 'Owner', read: (a) => show.owner(a.owner) },
    { what: 'Due', read: (a) => show.date(a.due_on) },
    { what: 'What will change', read: (a) => a.action },
    { what: 'What was learnt', read: (a) => a.lesson },
    { what: 'Evidence', read: (a) => a.evidence },
    { what: 'Completed on', read: (a) => show.date(a.completed_on) },
  ];
  return compared
    .map(({ what, read }) => ({ what, before: read(before), after: read(after) }))
    .filter((difference) => difference.before !== difference.after);
}

// The list filters the API supports, as the page's query parameters.
export const LEARNING_FILTER_KEYS = [
  'status',
  'overdue',
  'source',
  'owner',
  'complaint',
  'ombudsman_case',
  'due_in',
] as const;
