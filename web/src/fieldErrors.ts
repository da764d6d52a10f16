// How the app words a field error from its code (src/core/result.hpp FieldErrorCode), so that no
// page reads the API's English to decide how to phrase it.
import { formatDate } from './format';
import type { FieldError, FieldErrorCode } from './types';

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

// How a form names a field in a sentence ("the date you acknowledged the complaint"), and
// whether it is answered by a choice (Select …) rather than by typing (Enter …).
export interface FieldWording {
  words: string;
  choice?: boolean;
}

// A form's fields by the API's field name.
export type FormWords = Readonly<Record<string, FieldWording>>;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

// ISO dates inside an API message as people read them: "2026-12-17" → "17 December 2026".
export function humaniseDates(message: string): string {
  return message.replace(ISO_DATE, (iso) => formatDate(iso));
}

// The API's field error in the form's words, in the GOV.UK error-message style: the code (never
// the API's English) decides the shape. A missing value reads "Enter …"/"Select …"; a date in
// the future or not a real date has the pattern's own sentence; a bound on the value reads on
// from the field's words; any other message is the API's sentence. Without words for the field
// the message stays the API's, its dates and names humanised by `humanise`.
export function wordFieldError(
  error: FieldError,
  wording: FieldWording | null | undefined,
  humanise: (message: string) => string = humaniseDates,
): FieldError {
  const own = ownWording(error.code);
  if (own) return { ...error, message: own };
  const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  if (!wording) return { ...error, message: capitalised(humanise(message)) };
  switch (error.code) {
    case 'required':
      return { ...error, message: `${wording.choice ? 'Select' : 'Enter'} ${wording.words}` };
    case 'date_in_future':
      return { ...error, message: capitalised(`${wording.words} cannot be in the future`) };
    case 'invalid_date':
      return { ...error, message: capitalised(`${wording.words} must be a real date`) };
    default:
      return {
        ...error,
        message: capitalised(
          readsOnFromField(error.code)
            ? `${wording.words} ${humanise(message)}`
            : humanise(message),
        ),
      };
  }
}

// Every field error of a form in its words (wordFieldError with the form's `words`).
export function wordFormErrors(errors: FieldError[], words: FormWords): FieldError[] {
  return errors.map((error) => wordFieldError(error, words[error.field]));
}
