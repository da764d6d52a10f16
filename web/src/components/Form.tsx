// A GOV.UK form: the error summary above it, the field errors in context, one submit button.
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api';
import { wordFormErrors, type FormWords } from '../fieldErrors';
import type { FieldError } from '../types';
import { ErrorSummary } from './ErrorSummary';
import { FormErrors } from './fields';

const UNEXPECTED_FAILURE =
  'Something went wrong. Try again, or tell your administrator if it keeps happening.';

export interface FormState {
  errors: FieldError[];
  setErrors: (errors: FieldError[]) => void;
  busy: boolean;
  // Runs a submission: client-side problems first, then the request; an ApiError's field errors
  // (or its detail, shown against `fallbackField`) become the form's errors.
  submit: (action: () => Promise<void>, fallbackField?: string) => Promise<void>;
}

// `words`: how the form names its fields, so that the API's field errors read in its words
// ("Enter the date you acknowledged the complaint"; fieldErrors.ts wordFieldError).
export function useForm(words?: FormWords): FormState {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = useCallback(
    async (action: () => Promise<void>, fallbackField = '') => {
      setBusy(true);
      try {
        await action();
        setErrors([]);
      } catch (error) {
        if (!(error instanceof ApiError)) {
          setErrors([{ field: fallbackField, message: UNEXPECTED_FAILURE }]);
        } else {
          // The form's own checks (ClientErrors) are worded already.
          const errors = error.fieldErrors(fallbackField);
          setErrors(
            words && !(error instanceof ClientErrors) ? wordFormErrors(errors, words) : errors,
          );
        }
      } finally {
        setBusy(false);
      }
    },
    [words],
  );
  return { errors, setErrors, busy, submit };
}

// Thrown by a form's own checks before any request, to show the same way as the API's errors.
export class ClientErrors extends ApiError {
  constructor(errors: FieldError[]) {
    // No request was made, so the problem names no instance.
    super(422, {
      type: 'about:blank',
      title: 'Check the form',
      status: 422,
      detail: '',
      instance: '',
      errors,
    });
  }
}

interface FormProps {
  form: FormState;
  onSubmit: () => Promise<void> | void;
  submitLabel: string;
  children: ReactNode;
  secondary?: ReactNode;
  warning?: boolean;
}

export function Form({ form, onSubmit, submitLabel, children, secondary, warning }: FormProps) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (!form.busy) void onSubmit();
  };
  return (
    <FormErrors.Provider value={form.errors}>
      <ErrorSummary errors={form.errors} />
      <form noValidate onSubmit={handle}>
        {children}
        <div className="govuk-button-group">
          <button
            type="submit"
            className={`govuk-button${warning ? ' govuk-button--warning' : ''}`}
            data-module="govuk-button"
            aria-disabled={form.busy || undefined}
          >
            {submitLabel}
          </button>
          {secondary}
        </div>
      </form>
    </FormErrors.Provider>
  );
}
