// /ombudsman/lgsco-letters: the LGSCO annual review letter's figures for a financial year, and
// their reconciliation with the LGSCO cases Redress holds for that year.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, get, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { TextInput } from '../../components/fields';
import {
  BackLink,
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  TableHead,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { todayIso } from '../../format';
import type { FieldError } from '../../types';
import {
  LETTER_COUNT_FIELDS,
  LETTER_PERCENT_FIELDS,
  type LetterCountField,
  type LetterPercentField,
  type LgscoLetter,
  type Reconciliation,
} from './model';
import { inPlainWords } from './caseForm';
import { NotAllowed, useCan, useCanManage } from './NotAllowed';
import { financialYearLabel, financialYearOf, reconciliationRows } from './wording';

const HTTP_NOT_FOUND = 404;
const LETTERS_PATH = '/ombudsman/lgsco-letters';
// The index offers this many recent financial years; any other can be typed.
const RECENT_YEARS = 6;
const FIRST_YEAR = 2001;
const LAST_YEAR = 2099;

const COUNT_LABELS: Record<LetterCountField, string> = {
  complaints_and_enquiries_received: 'Complaints and enquiries received',
  decisions_made: 'Decisions made',
  not_for_us: 'Not for us (premature or for another body)',
  assessed_and_closed: 'Assessed and closed',
  investigated: 'Investigated',
  upheld: 'Upheld',
  satisfactory_remedy_by_council: 'Satisfactory remedy provided by the council',
};

const PERCENT_LABELS: Record<LetterPercentField, string> = {
  uphold_rate_percent: 'Uphold rate (%)',
  average_uphold_rate_percent: 'Average uphold rate of similar authorities (%)',
  compliance_percent: 'Compliance with recommendations (%)',
};

function yearOf(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

// The letter for a year with its ETag (what a correction is based on), or null when none has
// been entered.
interface LoadedLetter {
  letter: LgscoLetter;
  etag: string | null;
}
async function loadLetter(year: number): Promise<LoadedLetter | null> {
  try {
    const answer = await request<LgscoLetter>('GET', `${LETTERS_PATH}/${year}`);
    return { letter: answer.body, etag: answer.etag };
  } catch (error) {
    if (error instanceof ApiError && error.status === HTTP_NOT_FOUND) return null;
    throw error;
  }
}

function YearChooser() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const go = (event: FormEvent) => {
    event.preventDefault();
    const year = yearOf(text.trim());
    if (year === null) {
      setError(
        `Enter the financial year’s first year as 4 digits, from ${FIRST_YEAR} to ${LAST_YEAR}`,
      );
      return;
    }
    navigate(`${LETTERS_PATH}/${year}`);
  };
  return (
    <form noValidate onSubmit={go}>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="letter-year">
          Another financial year
        </label>
        <div id="letter-year-hint" className="govuk-hint">
          Its first year, for example 2021 for April 2021 to March 2022
        </div>
        {error && (
          <p id="letter-year-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          className={`govuk-input govuk-input--width-4${error ? ' govuk-input--error' : ''}`}
          id="letter-year"
          name="year"
          type="text"
          inputMode="numeric"
          aria-describedby={`letter-year-hint${error ? ' letter-year-error' : ''}`}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Go to year
      </button>
    </form>
  );
}

export function LetterIndex() {
  usePageTitle('LGSCO annual letters');
  const canRead = useCan('view_reports');
  if (!canRead) return <NotAllowed what="see the LGSCO annual letters" />;
  const current = financialYearOf(todayIso());
  const years = Array.from({ length: RECENT_YEARS }, (_, index) => current - index);
  return (
    <>
      <BackLink to="/ombudsman">Ombudsman cases</BackLink>
      <h1 className="govuk-heading-l">LGSCO annual letters</h1>
      <p className="govuk-body">
        Each year the Local Government and Social Care Ombudsman writes to the council with its
        figures for the financial year. Enter them here to compare them with the LGSCO cases
        recorded in Redress.
      </p>
      <table className="govuk-table" id="letter-years">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Recent financial years
        </caption>
        <TableHead headings={['Financial year', 'The letter', 'Reconciliation']} />
        <tbody className="govuk-table__body">
          {years.map((year) => (
            <tr className="govuk-table__row" key={year}>
              <th scope="row" className="govuk-table__header">
                {financialYearLabel(year)}
              </th>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`${LETTERS_PATH}/${year}`}>
                  Letter figures
                  <span className="govuk-visually-hidden"> for {financialYearLabel(year)}</span>
                </Link>
              </td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`${LETTERS_PATH}/${year}/reconciliation`}>
                  Reconciliation
                  <span className="govuk-visually-hidden"> for {financialYearLabel(year)}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <YearChooser />
    </>
  );
}

type LetterDraft = Record<LetterCountField | LetterPercentField | 'comparison_group', string>;

function draftOf(letter: LgscoLetter | null): LetterDraft {
  const entries = [...LETTER_COUNT_FIELDS, ...LETTER_PERCENT_FIELDS].map((field) => {
    const value = letter?.[field];
    return [field, value === null || value === undefined ? '' : String(value)];
  });
  return {
    ...Object.fromEntries(entries),
    comparison_group: letter?.comparison_group ?? '',
  } as LetterDraft;
}

const COUNT_PATTERN = /^\d+$/;
const PERCENT_PATTERN = /^\d{1,3}(\.\d+)?$/;

// The API's body, or throws ClientErrors naming each box that does not hold a number.
function bodyOf(draft: LetterDraft): Record<string, unknown> {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = { comparison_group: draft.comparison_group.trim() };
  for (const field of LETTER_COUNT_FIELDS) {
    const text = draft[field].trim();
    if (COUNT_PATTERN.test(text)) body[field] = Number(text);
    else
      errors.push({
        field,
        message: `Enter “${COUNT_LABELS[field]}” as a whole number, for example 0 or 12`,
      });
  }
  for (const field of LETTER_PERCENT_FIELDS) {
    const text = draft[field].trim().replace(/%$/, '');
    if (!text) continue;
    if (PERCENT_PATTERN.test(text)) body[field] = Number(text);
    else
      errors.push({
        field,
        message: `Enter “${PERCENT_LABELS[field]}” as a number from 0 to 100, or leave it empty`,
      });
  }
  if (errors.length > 0) throw new ClientErrors(errors);
  return body;
}

function LetterForm({ year, loaded }: { year: number; loaded: LoadedLetter | null }) {
  const letter = loaded?.letter ?? null;
  const form = useForm();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => draftOf(letter));
  const set = (field: keyof LetterDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const save = () =>
    form.submit(async () => {
      const body = bodyOf(draft);
      // Based on what this page read: if someone entered or corrected the letter meanwhile, the
      // API refuses (412) and the error summary says so, rather than replacing their figures.
      const precondition = loaded?.etag ? { ifMatch: loaded.etag } : { ifNoneMatch: '*' };
      await inPlainWords(
        () => request('PUT', `${LETTERS_PATH}/${year}`, { body, ...precondition }),
        'complaints_and_enquiries_received',
      );
      navigate(`${LETTERS_PATH}/${year}/reconciliation`, {
        state: { done: `LGSCO letter for ${financialYearLabel(year)} saved` },
      });
    }, 'complaints_and_enquiries_received');
  return (
    <Form form={form} onSubmit={save} submitLabel="Save and reconcile">
      <span className="govuk-caption-l">Financial year {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">LGSCO annual letter</h1>
      <p className="govuk-body">
        {letter
          ? 'Correct the figures as the letter gives them.'
          : 'No figures have been entered for this year yet.'}
      </p>
      <h2 className="govuk-heading-m">Numbers</h2>
      {LETTER_COUNT_FIELDS.map((field) => (
        <TextInput
          key={field}
          name={field}
          label={COUNT_LABELS[field]}
          inputMode="numeric"
          widthClass="govuk-input--width-5"
          value={draft[field]}
          onChange={set(field)}
        />
      ))}
      <h2 className="govuk-heading-m">Percentages</h2>
      <p className="govuk-body">Leave a percentage empty if the letter does not give it.</p>
      {LETTER_PERCENT_FIELDS.map((field) => (
        <TextInput
          key={field}
          name={field}
          label={PERCENT_LABELS[field]}
          inputMode="text"
          widthClass="govuk-input--width-5"
          value={draft[field]}
          onChange={set(field)}
        />
      ))}
      <TextInput
        name="comparison_group"
        label="Comparison group"
        hint="The type of authority the letter compares the council with, for example Unitary authorities"
        value={draft.comparison_group}
        onChange={set('comparison_group')}
      />
    </Form>
  );
}

function LetterSummary({ year, letter }: { year: number; letter: LgscoLetter | null }) {
  return (
    <>
      <span className="govuk-caption-l">Financial year {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">LGSCO annual letter</h1>
      {!letter && <p className="govuk-body">No figures have been entered for this year.</p>}
      {letter && (
        <SummaryList
          id="letter-figures"
          rows={[
            ...LETTER_COUNT_FIELDS.map((field) => ({
              key: COUNT_LABELS[field],
              value: String(letter[field]),
            })),
            ...LETTER_PERCENT_FIELDS.map((field) => ({
              key: PERCENT_LABELS[field],
              value: letter[field] === null ? 'Not given' : `${letter[field]}%`,
            })),
            { key: 'Comparison group', value: letter.comparison_group || 'Not given' },
          ]}
        />
      )}
    </>
  );
}

export function LetterPage() {
  const { year: yearText } = useParams();
  const year = yearOf(yearText);
  usePageTitle(`LGSCO annual letter ${yearText ?? ''}`);
  const canRead = useCan('view_reports');
  const canManage = useCanManage();
  const loaded = useLoad(
    () => (year === null ? Promise.resolve(null) : loadLetter(year)),
    String(year),
  );
  if (!canRead) return <NotAllowed what="see the LGSCO annual letters" />;
  if (year === null)
    return (
      <LoadFailed
        message={`${yearText ?? ''} is not a financial year: use its first year, for example 2021.`}
      />
    );
  return (
    <>
      <BackLink to={LETTERS_PATH}>LGSCO annual letters</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {loaded.error && <LoadFailed message={loaded.error} />}
          {loaded.data === undefined && !loaded.error && <Loading />}
          {loaded.data !== undefined &&
            (canManage ? (
              <LetterForm year={year} loaded={loaded.data} />
            ) : (
              <LetterSummary year={year} letter={loaded.data?.letter ?? null} />
            ))}
          <p className="govuk-body">
            <Link className="govuk-link" to={`${LETTERS_PATH}/${year}/reconciliation`}>
              Reconciliation with Redress’s records for {financialYearLabel(year)}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

// The reconciliation, or null when no letter has been entered for the year.
async function loadReconciliation(year: number): Promise<Reconciliation | null> {
  try {
    return await get<Reconciliation>(`${LETTERS_PATH}/${year}/reconciliation`);
  } catch (error) {
    if (error instanceof ApiError && error.status === HTTP_NOT_FOUND) return null;
    throw error;
  }
}

function ReconciliationTable({ reconciliation }: { reconciliation: Reconciliation }) {
  const rows = reconciliationRows(reconciliation.lines);
  const differing = rows.filter((row) => row.differs).length;
  return (
    <>
      <p className="govuk-body-l" id="reconciliation-summary">
        {differing === 0
          ? 'The letter agrees with Redress’s records on every line.'
          : `${differing} ${differing === 1 ? 'line differs' : 'lines differ'} from Redress’s records.`}
      </p>
      <div className="redress-table-scroll">
        <table className="govuk-table" id="reconciliation">
          <caption className="govuk-table__caption govuk-table__caption--m">
            The letter beside Redress’s LGSCO cases
          </caption>
          <TableHead headings={['Figure', 'The letter', 'Redress’s records', 'Difference']} />
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr
                className={`govuk-table__row${row.differs ? ' redress-recon-differs' : ''}`}
                key={row.key}
                id={`line-${row.key}`}
              >
                <th scope="row" className="govuk-table__header">
                  {row.label}
                </th>
                <td className="govuk-table__cell">{row.letter}</td>
                <td className="govuk-table__cell">{row.recorded}</td>
                <td className="govuk-table__cell">
                  {row.differs ? <strong>{row.difference}</strong> : row.difference}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="govuk-body">
        Redress counts the LGSCO cases whose enquiry arrived (received) or whose final decision was
        made (decisions) in the year, and the orders and recommendations due in the year
        (compliance).
      </p>
    </>
  );
}

export function ReconciliationPage() {
  const { year: yearText } = useParams();
  const year = yearOf(yearText);
  usePageTitle(`LGSCO letter reconciliation ${yearText ?? ''}`);
  const location = useLocation();
  const done = (location.state as { done?: string } | null)?.done;
  const canRead = useCan('view_reports');
  const canManage = useCanManage();
  const loaded = useLoad(
    () => (year === null ? Promise.resolve(null) : loadReconciliation(year)),
    `${year}/${location.key}`,
  );
  if (!canRead) return <NotAllowed what="see the LGSCO annual letters" />;
  if (year === null)
    return (
      <LoadFailed
        message={`${yearText ?? ''} is not a financial year: use its first year, for example 2021.`}
      />
    );
  return (
    <>
      <BackLink to={LETTERS_PATH}>LGSCO annual letters</BackLink>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The figures are compared with Redress’s records below.</p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">Financial year {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">LGSCO letter reconciliation</h1>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data === undefined && !loaded.error && <Loading />}
      {loaded.data === null && (
        <p className="govuk-body" id="no-letter">
          No LGSCO letter has been entered for {financialYearLabel(year)}.{' '}
          {canManage && (
            <Link className="govuk-link" to={`${LETTERS_PATH}/${year}`}>
              Enter the letter’s figures
            </Link>
          )}
        </p>
      )}
      {loaded.data && <ReconciliationTable reconciliation={loaded.data} />}
      {loaded.data && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${LETTERS_PATH}/${year}`}>
            {canManage ? 'Correct the letter’s figures' : 'The letter’s figures'}
          </Link>
        </p>
      )}
    </>
  );
}
