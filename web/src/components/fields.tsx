// GOV.UK form fields that show their own error message from the API's problem+json field errors.
// Each input's id is derived from the API's field name, so the error summary can link to it.
import { createContext, useContext, type ReactNode } from 'react';
import type { FieldError } from '../types';

// "remedies[1].type" → "remedies-1-type": ids the error summary links to.
export function fieldId(field: string): string {
  return field.replace(/[[\].]+/g, '-').replace(/-$/, '');
}

export const FormErrors = createContext<FieldError[]>([]);

export function useFieldError(name: string): string | undefined {
  const errors = useContext(FormErrors);
  return errors.find((error) => error.field === name)?.message;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean).join(' ');
  return present || undefined;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
}

export function FormGroup({ error, children }: { error: string | undefined; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>{children}</div>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

export function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

// The parts every field derives from its API name: its id, its error and what describes it.
function useField(props: FieldProps) {
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  const ariaDescribedBy = describedBy(
    props.hint !== undefined && `${id}-hint`,
    error && `${id}-error`,
  );
  return { id, error, ariaDescribedBy };
}

// A single control with its label, hint and error message above it.
function LabelledField({
  props,
  id,
  error,
  children,
}: {
  props: FieldProps;
  id: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorMessage id={id} error={error} />
      {children}
    </FormGroup>
  );
}

interface TextInputProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'search';
  autoComplete?: string;
  widthClass?: string;
  inputMode?: 'numeric' | 'text';
  spellCheck?: boolean;
}

export function TextInput(props: TextInputProps) {
  const { id, error, ariaDescribedBy } = useField(props);
  return (
    <LabelledField props={props} id={id} error={error}>
      <input
        className={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
        aria-describedby={ariaDescribedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </LabelledField>
  );
}

interface TextareaProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

const DEFAULT_TEXTAREA_ROWS = 5;

export function Textarea(props: TextareaProps) {
  const { id, error, ariaDescribedBy } = useField(props);
  return (
    <LabelledField props={props} id={id} error={error}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? DEFAULT_TEXTAREA_ROWS}
        value={props.value}
        aria-describedby={ariaDescribedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </LabelledField>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface SelectProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  // The first, empty choice ("Choose a team"); none when the field always has a value.
  placeholder?: string;
}

export function Select(props: SelectProps) {
  const { id, error, ariaDescribedBy } = useField(props);
  return (
    <LabelledField props={props} id={id} error={error}>
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={props.name}
        value={props.value}
        aria-describedby={ariaDescribedBy}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

interface ChoiceGroupProps extends FieldProps {
  options: Option[];
  legendClass?: string;
  small?: boolean;
  inline?: boolean;
}

// A fieldset of radios or checkboxes; the first input carries the field's id so that the error
// summary's link lands on it.
function ChoiceFieldset({
  props,
  kind,
  isChecked,
  onToggle,
}: {
  props: ChoiceGroupProps;
  kind: 'radio' | 'checkbox';
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const { id, error, ariaDescribedBy } = useField(props);
  const base = kind === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  const modifiers = `${props.small ? ` ${base}--small` : ''}${props.inline ? ` ${base}--inline` : ''}`;
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={ariaDescribedBy}>
        <legend
          className={`govuk-fieldset__legend ${props.legendClass ?? 'govuk-fieldset__legend--s'}`}
        >
          {props.label}
        </legend>
        <Hint id={id} hint={props.hint} />
        <ErrorMessage id={id} error={error} />
        <div className={`${base}${modifiers}`}>
          {props.options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className={`${base}__item`} key={option.value}>
                <input
                  className={`${base}__input`}
                  id={optionId}
                  name={props.name}
                  type={kind}
                  value={option.value}
                  checked={isChecked(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                />
                <label className={`govuk-label ${base}__label`} htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint ${base}__hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

interface RadiosProps extends ChoiceGroupProps {
  value: string;
  onChange: (value: string) => void;
}

export function Radios(props: RadiosProps) {
  return (
    <ChoiceFieldset
      props={props}
      kind="radio"
      isChecked={(value) => props.value === value}
      onToggle={(value) => props.onChange(value)}
    />
  );
}

interface CheckboxesProps extends ChoiceGroupProps {
  values: string[];
  onChange: (values: string[]) => void;
}

export function Checkboxes(props: CheckboxesProps) {
  return (
    <ChoiceFieldset
      props={props}
      kind="checkbox"
      isChecked={(value) => props.values.includes(value)}
      onToggle={(value, checked) =>
        props.onChange(checked ? [...props.values, value] : props.values.filter((v) => v !== value))
      }
    />
  );
}

// A date as the GOV.UK date input's three boxes; the value is kept as typed.
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function datePartsOf(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day) || ''), month: String(Number(month) || ''), year };
}

const YEAR_DIGITS = 4;

// "2026-11-22" from the boxes, or null when they do not make a real date.
export function isoOf(parts: DateParts): string | null {
  const day = Number(parts.day);
  const month = Number(parts.month);
  const year = Number(parts.year);
  if (
    !Number.isInteger(day) ||
    !Number.isInteger(month) ||
    parts.year.trim().length !== YEAR_DIGITS
  )
    return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

interface DateInputProps extends FieldProps {
  value: DateParts;
  onChange: (value: DateParts) => void;
}

const DATE_BOXES: { key: keyof DateParts; label: string; width: string }[] = [
  { key: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { key: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { key: 'year', label: 'Year', width: 'govuk-input--width-4' },
];

export function DateInput(props: DateInputProps) {
  const { id, error, ariaDescribedBy } = useField(props);
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={ariaDescribedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{props.label}</legend>
        <Hint id={id} hint={props.hint} />
        <ErrorMessage id={id} error={error} />
        <div className="govuk-date-input">
          {DATE_BOXES.map((box) => {
            // The day box takes the field's own id: the error summary links to it.
            const boxId = box.key === 'day' ? id : `${id}-${box.key}`;
            return (
              <div className="govuk-date-input__item" key={box.key}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={boxId}>
                    {box.label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input ${box.width}${error ? ' govuk-input--error' : ''}`}
                    id={boxId}
                    name={`${props.name}-${box.key}`}
                    type="text"
                    inputMode="numeric"
                    value={props.value[box.key]}
                    onChange={(event) =>
                      props.onChange({ ...props.value, [box.key]: event.target.value })
                    }
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
