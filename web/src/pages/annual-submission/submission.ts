// The Housing Ombudsman annual submission of a financial year (GET /annual-submissions/{year}):
// its statuses in words, the step that comes next and the form's exports. Pure, so that vitest
// covers it; the order of the steps is the server's (core/annual_submission.hpp), which refuses
// any other, and this only says which form to offer.
import type { AnnualSubmission, AnnualSubmissionStatus } from '../../types';

export type Step = 'approve' | 'publish' | 'submit';

export const STATUS_LABELS: Record<AnnualSubmissionStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  published: 'Published',
  submitted: 'Submitted',
};

export const STATUS_COLOURS: Record<AnnualSubmissionStatus, string> = {
  draft: 'grey',
  approved: 'blue',
  published: 'turquoise',
  submitted: 'green',
};

// What each step's button and page say.
export const STEP_LABELS: Record<Step, string> = {
  approve: 'Record the governing body’s approval',
  publish: 'Record the publication',
  submit: 'Record the submission to the Ombudsman',
};

// The step a record in `status` takes next; null once submitted.
export function nextStep(status: AnnualSubmissionStatus): Step | null {
  switch (status) {
    case 'draft':
      return 'approve';
    case 'approved':
      return 'publish';
    case 'published':
      return 'submit';
    case 'submitted':
      return null;
  }
}

export function parseStep(text: string | undefined): Step | null {
  return text === 'approve' || text === 'publish' || text === 'submit' ? text : null;
}

// The exports of the form, each a path of the API under /api/v1.
export interface FormExport {
  label: string;
  href: string;
}

export function formExports(submission: AnnualSubmission): FormExport[] {
  const base = `/api/v1${submission.form_path.replace(/^\/api\/v1/, '')}`;
  const exports: FormExport[] = [
    { label: 'The form as PDF', href: `${base}?format=pdf` },
    { label: 'The form as CSV', href: `${base}?format=csv` },
    { label: 'The form as JSON', href: `${base}?format=json` },
  ];
  if (submission.submitted_report_path) {
    exports.push({
      label: 'The annual report as submitted (JSON)',
      href: submission.submitted_report_path,
    });
  }
  return exports;
}
