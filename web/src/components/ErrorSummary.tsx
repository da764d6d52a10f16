// The GOV.UK error summary: every problem at the top of the page, each linked to its input.
import { ErrorSummary as GovukErrorSummary } from 'govuk-frontend';
import { useEffect, useRef } from 'react';
import type { FieldError } from '../types';
import { fieldId } from './fields';

const ERROR_TITLE_PREFIX = 'Error: ';
const INIT_MARKER = 'data-govuk-error-summary-init';

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // govuk-frontend's script focuses the summary (so it is announced) and moves focus to the
  // input when a link is followed. A second failed submission keeps the same element, so focus
  // is moved to it again by hand.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (!root.hasAttribute(INIT_MARKER)) {
      new GovukErrorSummary(root);
    } else {
      root.setAttribute('tabindex', '-1');
      root.focus();
    }
  }, [errors]);
  useEffect(() => {
    if (errors.length === 0) return undefined;
    document.title = ERROR_TITLE_PREFIX + document.title.replace(ERROR_TITLE_PREFIX, '');
    return () => {
      document.title = document.title.replace(ERROR_TITLE_PREFIX, '');
    };
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, index) => (
              <li key={`${error.field}-${index}`}>
                {error.field ? (
                  <a href={`#${fieldId(error.field)}`}>{error.message}</a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
