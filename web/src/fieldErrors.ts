// How the app words a field error from its code (src/core/result.hpp FieldErrorCode), so that no
// page reads the API's English to decide how to phrase it.
import type { FieldErrorCode } from './types';

// The codes whose message states a bound on the field and reads on from its name ("must not be
// before raised_on", "is for LGSCO cases", "must not exceed investigated"): the API's contract
// for these codes (result.hpp), so the app puts the field's own words in front of the message.
// A `required` error is worded by the form itself (Enter …, Select …); any other code's message
// is shown as a sentence of its own ("No complaint CMP-…", "A theme needs a category …").
const READS_ON_FROM_FIELD: ReadonlySet<FieldErrorCode> = new Set<FieldErrorCode>([
  'invalid_date',
  'date_in_future',
  'date_too_early',
  'date_too_late',
  'out_of_range',
  'too_long',
  'not_allowed_in_state',
  'invalid_format',
]);

export function readsOnFromField(code: FieldErrorCode | undefined): boolean {
  return code !== undefined && READS_ON_FROM_FIELD.has(code);
}

// The codes the app words itself, whatever the field, as the GOV.UK patterns do: the API's
// message is then not shown.
const OWN_WORDING: Partial<Record<FieldErrorCode, string>> = {
  // GOV.UK email address pattern.
  invalid_email: 'Enter an email address in the correct format, like name@example.com',
};

export function ownWording(code: FieldErrorCode | undefined): string | undefined {
  return code === undefined ? undefined : OWN_WORDING[code];
}
