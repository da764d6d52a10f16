// The post room (issue 15): the print batch of a day — every letter that goes by post and is not
// yet printed, with the deadline it answers and a warning where posting it now misses that
// deadline (the server's, core/postal.cpp: nothing here computes a date) — the whole batch as one
// PDF and as a list, and the record that it was printed. Marking names the letters shown, so a
// letter issued after the page loaded is not recorded as printed with them.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { request } from '../api';
import { ClientErrors, Form, useForm } from '../components/Form';
import { DateInput, datePartsOf, isoOf, type DateParts } from '../components/fields';
import {
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  Tag,
  WarningText,
  usePageTitle,
} from '../components/ui';
import { useLoad } from '../data';
import type { FormWords } from '../fieldErrors';
import { todayIso } from '../format';
import { allows } from '../permissions';
import { useSession } from '../session';
import type { MarkPrintedResult, PrintBatch, PrintBatchLetter } from '../types';
import { LETTER_TYPE_LABELS } from './case/Letters';

const DATE_WORDS: FormWords = { date: { words: 'the day of the print batch' } };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function LetterRow({ letter }: { letter: PrintBatchLetter }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        <Link className="govuk-link" to={`/cases/${letter.reference}`}>
          {letter.reference}
        </Link>
        <br />
        Letter {letter.number}
      </td>
      <td className="govuk-table__cell">
        {letter.recipient.name}
        <br />
        <span className="govuk-body-s">{letter.recipient.address.split('\n').join(', ')}</span>
      </td>
      <td className="govuk-table__cell">{LETTER_TYPE_LABELS[letter.type]}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{letter.pages}</td>
      <td className="govuk-table__cell">
        {letter.deadline ? <DateText iso={letter.deadline} /> : 'None'}
        {letter.posting_warning && (
          <WarningText>
            Posted now it arrives on <DateText iso={letter.posting_warning.expected_delivery} />,
            after its deadline
          </WarningText>
        )}
      </td>
      <td className="govuk-table__cell">
        {letter.printed ? <Tag colour="green">Printed</Tag> : <Tag colour="yellow">To print</Tag>}
      </td>
    </tr>
  );
}

function Batch({ batch, onPrinted }: { batch: PrintBatch; onPrinted: (count: number) => void }) {
  const { user } = useSession();
  const form = useForm(DATE_WORDS);
  const waiting = batch.letters.filter((letter) => !letter.printed);
  const markPrinted = () =>
    form.submit(async () => {
      const answer = await request<MarkPrintedResult>(
        'POST',
        `/print-batches/${batch.date}/printed`,
        {
          body: {
            letters: waiting.map((letter) => ({
              reference: letter.reference,
              number: letter.number,
            })),
          },
        },
      );
      onPrinted(answer.body.printed.length);
    }, 'date');
  if (batch.letters.length === 0)
    return (
      <p className="govuk-body" id="print-batch-empty">
        There are no letters to post for <DateText iso={batch.date} />.
      </p>
    );
  return (
    <>
      <p className="govuk-body" id="print-batch-summary">
        {plural(batch.letters.length, 'letter', 'letters')}, {plural(batch.pages, 'page', 'pages')};{' '}
        {plural(batch.waiting, 'letter', 'letters')} to print.
      </p>
      <p className="govuk-body-s">Timing assumed: {batch.assumption}</p>
      <ul className="govuk-list" id="print-batch-downloads">
        <li>
          <a className="govuk-link" href={batch.pdf}>
            Download every letter as one PDF
            <span className="govuk-visually-hidden"> for the print batch</span>
          </a>
        </li>
        <li>
          <a className="govuk-link" href={batch.csv} download>
            Download the list (CSV)
            <span className="govuk-visually-hidden"> of the print batch</span>
          </a>
        </li>
      </ul>
      <table className="govuk-table" id="print-batch">
        <caption className="govuk-table__caption govuk-table__caption--m">Letters to post</caption>
        <TableHead headings={['Case', 'Recipient', 'Letter', 'Pages', 'Deadline', 'State']} />
        <tbody className="govuk-table__body">
          {batch.letters.map((letter) => (
            <LetterRow key={`${letter.reference}-${letter.number}`} letter={letter} />
          ))}
        </tbody>
      </table>
      {waiting.length > 0 && allows(user, 'acknowledge') && (
        <Form form={form} onSubmit={markPrinted} submitLabel="Record these letters as printed">
          <p className="govuk-body">
            Record the {plural(waiting.length, 'letter', 'letters')} to print as printed once they
            have come off the printer. Each letter’s case records it.
          </p>
        </Form>
      )}
    </>
  );
}

export function PostRoom() {
  usePageTitle('Post room');
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? todayIso();
  const [parts, setParts] = useState<DateParts>(() => datePartsOf(date));
  const [printed, setPrinted] = useState<number | null>(null);
  const form = useForm(DATE_WORDS);
  const batch = useLoad(
    () => request<PrintBatch>('GET', `/print-batches/${date}`).then((answer) => answer.body),
    date,
  );

  const show = () =>
    form.submit(async () => {
      const iso = isoOf(parts);
      if (!iso)
        throw new ClientErrors([
          { field: 'date', message: 'Enter a real date', code: 'invalid_date' },
        ]);
      setPrinted(null);
      setParams({ date: iso });
    }, 'date');

  return (
    <>
      <h1 className="govuk-heading-l">Post room</h1>
      {printed !== null && (
        <SuccessBanner title={`${plural(printed, 'letter', 'letters')} recorded as printed`}>
          <p className="govuk-body">Each letter’s case shows that it was printed.</p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={show} submitLabel="Show the print batch">
        <DateInput
          name="date"
          label="Print batch of"
          hint="The letters to post on this day: those by post not yet printed"
          value={parts}
          onChange={setParts}
        />
      </Form>
      <h2 className="govuk-heading-m">
        Print batch of <DateText iso={date} />
      </h2>
      {batch.error && <LoadFailed message={batch.error} />}
      {!batch.error && !batch.data && <Loading />}
      {batch.data && (
        <Batch
          batch={batch.data}
          onPrinted={(count) => {
            setPrinted(count);
            batch.reload();
          }}
        />
      )}
    </>
  );
}
