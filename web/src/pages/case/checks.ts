// Checks a form makes before sending, collected so that every problem shows at once.
import { ClientErrors } from '../../components/Form';
import { isoOf, type DateParts } from '../../components/fields';
import type { FieldError } from '../../types';

const PENCE_PER_POUND = 100;

export class Checks {
  private readonly errors: FieldError[] = [];

  // A required date: its ISO form, or an error on the field.
  date(field: string, parts: DateParts, label = 'the date'): string {
    const iso = isoOf(parts);
    if (!iso)
      this.errors.push({ field, message: `Enter ${label} as a real date, for example 27 3 2026` });
    return iso ?? '';
  }

  // An optional date: undefined when all three boxes are empty.
  optionalDate(field: string, parts: DateParts, label = 'the date'): string | undefined {
    if (!parts.day.trim() && !parts.month.trim() && !parts.year.trim()) return undefined;
    return this.date(field, parts, label);
  }

  // Pounds as typed ("12.50", "£12.50") → whole pence.
  pence(field: string, pounds: string): number | undefined {
    const cleaned = pounds.replace(/[£,\s]/g, '');
    if (!cleaned) return undefined;
    if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
      this.errors.push({ field, message: 'Enter the amount in pounds, for example 150 or 150.50' });
      return undefined;
    }
    return Math.round(Number(cleaned) * PENCE_PER_POUND);
  }

  // A problem the caller found itself.
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  // A whole number, or an error on the field.
  wholeNumber(field: string, text: string, message: string): number {
    if (!/^\d+$/.test(text.trim())) {
      this.errors.push({ field, message });
      return 0;
    }
    return Number(text.trim());
  }

  // Throws the collected errors, if any.
  done(): void {
    if (this.errors.length > 0) throw new ClientErrors(this.errors);
  }
}

// A request body with one checked date: {[field]: iso, ...rest}, or throws the date's error.
export function withDate(
  field: string,
  parts: DateParts,
  rest: object = {},
  label?: string,
): object {
  const checks = new Checks();
  const iso = checks.date(field, parts, label);
  checks.done();
  return { [field]: iso, ...rest };
}

// {key: text} when text is not blank: optional members are left out rather than sent empty.
export function optionalText(key: string, text: string): Record<string, string> {
  const trimmed = text.trim();
  return trimmed ? { [key]: trimmed } : {};
}
