// What the learning and self-assessment forms share: reading the GOV.UK date boxes, and turning
// the API's field errors ("is required", "must not be before raised_on") into messages that name
// the field as the form does, each still linked to its input.
import { ApiError } from '../../api';
import { ClientErrors } from '../../components/Form';
import { isoOf, type DateParts } from '../../components/fields';
import { readsOnFromField } from '../../fieldErrors';
import type { FieldError } from '../../types';

function isEmptyDate(parts: DateParts): boolean {
  return !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
}

// The ISO date the boxes hold; undefined when they are empty (the API then says whether it is
// required) or when they do not make a real date, which adds a problem for `name`.
export function dateField(
  name: string,
  what: string,
  parts: DateParts,
  problems: FieldError[],
): string | undefined {
  if (isEmptyDate(parts)) return undefined;
  const iso = isoOf(parts);
  if (!iso)
    problems.push({ field: name, message: `${what} must be a real date, for example 31 3 2023` });
  return iso ?? undefined;
}

// The form's name for each API field, as a noun phrase: "The due date".
export type FieldLabels = Record<string, string>;

// The API names other fields in its messages by their JSON names.
const FIELD_NAME = /\b[a-z]+(?:_[a-z]+)+\b/g;

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function labelledErrors(errors: FieldError[], labels: FieldLabels): FieldError[] {
  return errors.map((error) => {
    // "complaints[1]": the form has one box for all the complaints.
    const field = error.field.replace(/\[\d+\]$/, '');
    const message = error.message.replace(FIELD_NAME, (name) =>
      labels[name] ? lowerFirst(labels[name]) : name,
    );
    const label = labels[field];
    // The code says how the field is worded (see fieldErrors.ts), never the message's words.
    if (label && error.code === 'required') return { field, message: `${label} is required` };
    return {
      field,
      message: label && readsOnFromField(error.code) ? `${label} ${message}` : sentence(message),
    };
  });
}

// Runs a request; the API's field errors come back named as the form names them.
export async function withLabels<T>(labels: FieldLabels, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && (error.problem.errors?.length ?? 0) > 0) {
      throw new ClientErrors(labelledErrors(error.problem.errors ?? [], labels));
    }
    throw error;
  }
}
