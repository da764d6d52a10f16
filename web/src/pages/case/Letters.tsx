// A case's letters (issue 15): those issued, each with how each of its emails went (queued, sent,
// failed; the letter, a copy to the representative, each resend) or that it goes by post, its
// SHA-256, its frozen PDF and, for staff, a button that sends the same letter again; and the writer of a new one: the handler chooses its
// type, the server fills what the case knows and says which parts the Code requires; the handler
// fills the rest, previews the letter (text and PDF) and issues it. What a letter needs is the
// server's (core/letter.cpp, through the preview's `required`): nothing here decides it.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, get, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { Checkboxes, Select, Textarea } from '../../components/fields';
import { LoadFailed, Loading, SummaryList, TableHead, Tag, WarningText } from '../../components/ui';
import { useLoad } from '../../data';
import { formatDate } from '../../format';
import type {
  FieldError,
  Letter,
  LetterDelivery,
  LetterPartName,
  LetterPreview,
  LetterType,
} from '../../types';

export const LETTER_TYPE_LABELS: Record<LetterType, string> = {
  acknowledgement: 'Acknowledgement',
  extension_notice: 'Extension notice',
  stage_response: 'Stage response',
  not_accepted: 'Complaint not accepted',
  escalation_declined: 'Escalation declined',
  actions_update: 'Update on outstanding actions',
  phone_resolution: 'Confirmation of a resolution by phone',
  free_letter: 'Free letter',
};

// The parts a handler writes, in the order a letter reads them.
const TEXT_PARTS = [
  'complaint_definition',
  'outcome_sought',
  'not_responsible_for',
  'extension_reason',
  'decisions',
  'reasons',
  'remedies',
  'outstanding_actions',
  'escalation',
  'refusal_explanation',
  'progress',
  'resolution',
  'body',
] as const satisfies readonly LetterPartName[];
type TextPart = Exclude<(typeof TEXT_PARTS)[number], 'outstanding_actions'>;

export const PART_LABELS: Record<LetterPartName, string> = {
  complaint_definition: 'What the complaint is about',
  outcome_sought: 'The outcome the complainant wants',
  not_responsible_for: 'What the organisation is not responsible for',
  response_date: 'When the response will be sent',
  extension_reason: 'Why more time is needed',
  new_date: 'The new response date',
  decisions: 'The decision on each part of the complaint',
  reasons: 'The reasons, citing policy or law',
  remedies: 'The remedies: what will be done and by when',
  outstanding_actions: 'Outstanding actions with their dates',
  escalation: 'How to take the complaint to the next stage',
  ombudsman: 'The Ombudsman, with contact details and time limit',
  refusal_explanation: 'Why the complaint is not accepted',
  progress: 'Progress on the outstanding actions',
  resolution: 'What was agreed by phone',
  body: 'The letter',
};

// The parts the case fills, which the handler does not write.
const CASE_PARTS: readonly LetterPartName[] = ['response_date', 'new_date', 'ombudsman'];

function isTextPart(part: LetterPartName): part is TextPart {
  return part !== 'outstanding_actions' && (TEXT_PARTS as readonly string[]).includes(part);
}

const DELIVERY_TAGS: Record<LetterDelivery['state'], { text: string; colour: string }> = {
  queued: { text: 'Queued', colour: 'grey' },
  sending: { text: 'Sending', colour: 'blue' },
  sent: { text: 'Sent', colour: 'green' },
  failed: { text: 'Failed', colour: 'red' },
};

// Each email of the letter in the order queued, with where it went; for a letter with none, "To
// post" until the post room records it printed (its `postal` state), then "Printed".
function Deliveries({ letter }: { letter: Letter }) {
  if (letter.messages.length === 0)
    return letter.postal?.state === 'printed' ? (
      <Tag colour="green">Printed</Tag>
    ) : (
      <Tag colour="yellow">To post</Tag>
    );
  return (
    <ul className="govuk-list">
      {letter.messages.map((message) => {
        const tag = DELIVERY_TAGS[message.state];
        return (
          <li key={message.message_id}>
            <Tag colour={tag.colour}>{tag.text}</Tag> {message.recipient}
          </li>
        );
      })}
    </ul>
  );
}

const CHANNEL_WORDS: Record<Letter['channel'], string> = {
  email: 'Email',
  post: 'Post',
  both: 'Email and post',
};

function LetterList({
  letters,
  onResend,
}: {
  letters: Letter[];
  // Given to staff who may send letters: each emailed letter gets a Resend button.
  onResend?: (letter: Letter) => void;
}) {
  if (letters.length === 0) return <p className="govuk-body">No letters issued yet.</p>;
  const headings = ['Letter', 'Issued', 'Sent by', 'Status', 'SHA-256', 'PDF'];
  return (
    <table className="govuk-table" id="letters">
      <caption className="govuk-visually-hidden">Letters issued</caption>
      <TableHead headings={onResend ? [...headings, 'Action'] : headings} />
      <tbody className="govuk-table__body">
        {letters.map((letter) => (
          <tr className="govuk-table__row" key={letter.number}>
            <td className="govuk-table__cell">
              {letter.number}. {LETTER_TYPE_LABELS[letter.type]}
              {letter.corrects ? ` (corrects letter ${letter.corrects})` : ''}
            </td>
            <td className="govuk-table__cell">{formatDate(letter.issued_on)}</td>
            <td className="govuk-table__cell">{CHANNEL_WORDS[letter.channel]}</td>
            <td className="govuk-table__cell">
              <Deliveries letter={letter} />
            </td>
            <td className="govuk-table__cell">
              <code title={letter.sha256}>{letter.sha256.slice(0, 12)}…</code>
            </td>
            <td className="govuk-table__cell">
              <a className="govuk-link" href={letter.pdf} download>
                Download<span className="govuk-visually-hidden"> letter {letter.number}</span>
              </a>
            </td>
            {onResend && (
              <td className="govuk-table__cell">
                {letter.recipient.email && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => onResend(letter)}
                  >
                    Resend<span className="govuk-visually-hidden"> letter {letter.number}</span>
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The preview's PDF as a link the browser downloads: a blob of the bytes the server rendered.
export function usePdfLink(base64: string | undefined): string | undefined {
  const url = useMemo(() => {
    if (!base64) return undefined;
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [base64]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}

// A required part the API says is missing, worded as the GOV.UK pattern asks ("Enter ...").
export function letterErrorWording(error: FieldError): FieldError {
  const part = error.field.startsWith('parts.') ? error.field.slice('parts.'.length) : '';
  if (error.code !== 'required' || !(part in PART_LABELS)) return error;
  const label = PART_LABELS[part as LetterPartName];
  return { ...error, message: `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}` };
}

function LetterWriter({
  reference,
  onIssued,
}: {
  reference: string;
  onIssued: (n: number) => void;
}) {
  const path = `/complaints/${encodeURIComponent(reference)}/letters`;
  const form = useForm();
  const [type, setType] = useState<LetterType | ''>('');
  const [parts, setParts] = useState<Partial<Record<TextPart, string>>>({});
  const [recordEvent, setRecordEvent] = useState(false);
  const [preview, setPreview] = useState<LetterPreview>();
  const pdf = usePdfLink(preview?.pdf_base64);

  const body = () => ({
    type,
    parts: Object.fromEntries(Object.entries(parts).filter(([, text]) => text.trim() !== '')),
    ...(type === 'acknowledgement' && recordEvent ? { record_event: true } : {}),
  });
  const showErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    form.setErrors(error.fieldErrors('type').map(letterErrorWording));
  };
  const runPreview = async (draftType: LetterType, draft: object) => {
    const answer = await request<LetterPreview>('POST', `${path}/preview`, {
      body: { ...draft, type: draftType },
    });
    setPreview(answer.body);
    return answer.body;
  };
  const choose = async (value: string) => {
    setType(value as LetterType);
    setPreview(undefined);
    form.setErrors([]);
    if (!value) return;
    try {
      // What the case fills in (the outcome sought, dates) starts the handler's text.
      const draft = await runPreview(value as LetterType, {});
      const filled: Partial<Record<TextPart, string>> = {};
      for (const part of draft.required) {
        if (isTextPart(part)) filled[part] = draft.parts[part];
      }
      setParts(filled);
    } catch (error) {
      showErrors(error);
    }
  };
  const previewNow = async () => {
    if (!type) return;
    try {
      await runPreview(type, body());
      form.setErrors([]);
    } catch (error) {
      showErrors(error);
    }
  };
  const issue = () =>
    form.submit(async () => {
      if (!type) throw new ClientErrors([{ field: 'type', message: 'Select the type of letter' }]);
      try {
        const answer = await request<Letter>('POST', path, { body: body() });
        onIssued(answer.body.number);
      } catch (error) {
        if (error instanceof ApiError) {
          // Worded here rather than by the form, which keeps the API's sentence.
          throw new ApiError(error.status, {
            ...error.problem,
            errors: error.fieldErrors('type').map(letterErrorWording),
          });
        }
        throw error;
      }
    }, 'type');

  const required = preview?.required ?? [];
  const fromCase = required.filter((part) => CASE_PARTS.includes(part));
  return (
    <Form
      form={form}
      onSubmit={issue}
      submitLabel="Issue letter"
      secondary={
        type ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            id="preview-letter"
            onClick={() => void previewNow()}
          >
            Preview letter
          </button>
        ) : undefined
      }
    >
      <h3 className="govuk-heading-s">Write a letter</h3>
      <Select
        name="type"
        label="Type of letter"
        value={type}
        onChange={(value) => void choose(value)}
        placeholder="Choose a letter"
        options={Object.entries(LETTER_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
      />
      {type === 'acknowledgement' && (
        <Checkboxes
          name="record_event"
          label="Acknowledgement"
          options={[
            {
              value: 'yes',
              label: 'Also record the acknowledgement on the date of the letter',
            },
          ]}
          values={recordEvent ? ['yes'] : []}
          onChange={(values) => setRecordEvent(values.includes('yes'))}
        />
      )}
      {fromCase.length > 0 && preview && (
        <>
          <h4 className="govuk-heading-s">From the case</h4>
          <SummaryList
            id="letter-case-parts"
            rows={fromCase.map((part) => ({
              key: PART_LABELS[part],
              value:
                part === 'ombudsman'
                  ? preview.parts.ombudsman
                    ? 'Included'
                    : 'Not included'
                  : formatDate(preview.parts[part] as string | null) || 'Not known yet',
            }))}
          />
        </>
      )}
      {required.filter(isTextPart).map((part) => (
        <Textarea
          key={part}
          name={`parts.${part}`}
          label={PART_LABELS[part]}
          value={parts[part] ?? ''}
          onChange={(text) => setParts((current) => ({ ...current, [part]: text }))}
        />
      ))}
      {preview && preview.missing.length > 0 && (
        <WarningText>
          Still to complete before it can be issued:{' '}
          {preview.missing.map((part) => PART_LABELS[part]).join('; ')}
        </WarningText>
      )}
      {preview?.posting_warning && (
        <WarningText>
          By post this letter would arrive on{' '}
          {formatDate(preview.posting_warning.expected_delivery)}, after its deadline of{' '}
          {formatDate(preview.posting_warning.deadline)}. Send it by email as well, or phone the
          complainant. ({preview.posting_warning.assumption}.)
        </WarningText>
      )}
      {preview && (
        <div className="govuk-inset-text" id="letter-preview">
          <h4 className="govuk-heading-s">
            Preview: {preview.pages} {preview.pages === 1 ? 'page' : 'pages'}, to{' '}
            {preview.recipient.name}
          </h4>
          <pre className="govuk-body redress-letter-text">{preview.text}</pre>
          {pdf && (
            <a className="govuk-link" href={pdf} download={`${reference}-preview.pdf`}>
              Download the preview as a PDF
            </a>
          )}
        </div>
      )}
    </Form>
  );
}

export function Letters({ reference, canIssue }: { reference: string; canIssue: boolean }) {
  const navigate = useNavigate();
  const path = `/complaints/${encodeURIComponent(reference)}/letters`;
  const letters = useLoad(() => get<Letter[]>(path), path);
  const [resendError, setResendError] = useState<string>();
  const resend = async (letter: Letter) => {
    setResendError(undefined);
    try {
      const answer = await request<Letter>('POST', `${path}/${letter.number}/resend`);
      letters.reload();
      // The case again, with the resend's event in its timeline.
      navigate(`/cases/${reference}`, {
        state: { done: `Letter ${letter.number} sent again to ${answer.body.delivery?.recipient}` },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setResendError(error.message);
    }
  };
  return (
    <>
      {resendError && <LoadFailed message={resendError} />}
      {letters.error && <LoadFailed message={letters.error} />}
      {!letters.data && !letters.error && <Loading />}
      {letters.data && (
        <LetterList letters={letters.data} onResend={canIssue ? resend : undefined} />
      )}
      {canIssue && (
        <LetterWriter
          reference={reference}
          onIssued={(number) =>
            // The case again, with the letter's event in its timeline.
            navigate(`/cases/${reference}`, { state: { done: `Letter ${number} issued` } })
          }
        />
      )}
    </>
  );
}
