// The files attached to a record: listed with their scan state, opened only when the server says
// they may be (may_download), added with the GOV.UK file upload component (several at once).
// Errors are worded as the Design System's file upload asks, from each error's code.
import { useState } from 'react';
import { ApiError, get, upload } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { ErrorMessage, FormGroup, Textarea, fieldId, useFieldError } from '../../components/fields';
import { LoadFailed, Loading, Tag } from '../../components/ui';
import { useLoad } from '../../data';
import { formatDateTime } from '../../format';
import type { Attachment, FieldError } from '../../types';

const SCAN_STATES: Record<Attachment['scan_state'], { text: string; colour: string }> = {
  clean: { text: 'No virus found', colour: 'green' },
  not_scanned: { text: 'Not scanned for viruses', colour: 'yellow' },
  pending: { text: 'Waiting for virus scan', colour: 'grey' },
  infected: { text: 'Virus found: quarantined', colour: 'red' },
};

// Bytes as people read them: KB below a megabyte, MB above.
export function formatSize(bytes: number): string {
  const kilobyte = 1024;
  const megabyte = kilobyte * kilobyte;
  if (bytes >= megabyte) return `${(bytes / megabyte).toFixed(1)}MB`;
  return `${Math.max(1, Math.round(bytes / kilobyte))}KB`;
}

// The Design System's wording for a file upload's errors, by code; the API's message otherwise.
export function fileErrorWording(error: FieldError, types: string): FieldError {
  if (error.field !== 'file') return error;
  switch (error.code) {
    case 'required':
      return { ...error, message: 'Select a file' };
    case 'not_in_list':
      return { ...error, message: `The selected file must be a ${types}` };
    case 'too_long':
      // The message reads on from the field (result.hpp): "must be smaller than 20MB".
      return {
        ...error,
        message: `The selected file ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`,
      };
    default:
      return error;
  }
}

function FileUpload({ onChange }: { onChange: (files: File[]) => void }) {
  const error = useFieldError('file');
  const id = fieldId('file');
  return (
    <FormGroup error={error}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        Upload files
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        Photos, scans, letters, emails or recordings; each smaller than 20MB
      </div>
      <ErrorMessage id={id} error={error} />
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name="file"
        type="file"
        multiple
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
      />
    </FormGroup>
  );
}

export function Attachments({ path, canAdd }: { path: string; canAdd: boolean }) {
  const listed = useLoad(() => get<{ attachments: Attachment[] }>(`${path}/attachments`), path);
  const form = useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [description, setDescription] = useState('');
  const [fromResident, setFromResident] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const add = () =>
    form.submit(async () => {
      if (files.length === 0) throw new ClientErrors([{ field: 'file', message: 'Select a file' }]);
      const body = new FormData();
      for (const file of files) body.append('file', file, file.name);
      body.append('description', description.trim());
      body.append('supplied_by_resident', fromResident ? 'true' : 'false');
      try {
        await upload(`${path}/attachments`, body);
      } catch (error) {
        if (error instanceof ApiError) {
          const types =
            'PDF, JPG, PNG, HEIC, TIFF, BMP, DOCX, XLSX, ODT, TXT, EML, MSG, MP3, M4A or WAV';
          throw new ClientErrors(error.fieldErrors('file').map((e) => fileErrorWording(e, types)));
        }
        throw error;
      }
      setFiles([]);
      setDescription('');
      setFromResident(false);
      setFormKey((key) => key + 1);
      listed.reload();
    }, 'file');
  const attachments = listed.data?.attachments;
  return (
    <>
      {listed.error && <LoadFailed message={listed.error} />}
      {!listed.data && !listed.error && <Loading />}
      {attachments?.length === 0 && <p className="govuk-body">No files attached.</p>}
      {attachments && attachments.length > 0 && (
        <ul className="govuk-list" id="attachments">
          {attachments.map((attachment) => {
            const state = SCAN_STATES[attachment.scan_state];
            return (
              <li key={attachment.id} className="govuk-!-margin-bottom-3">
                {attachment.may_download ? (
                  <a
                    className="govuk-link"
                    href={`${attachment.content}${attachment.may_show_inline ? '?disposition=inline' : ''}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {attachment.name}
                  </a>
                ) : (
                  <span>{attachment.name}</span>
                )}{' '}
                <Tag colour={state.colour}>{state.text}</Tag>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {formatSize(attachment.size)}
                  {attachment.supplied_by_resident ? ', from the resident' : ''}, added by{' '}
                  {attachment.added_by}, {formatDateTime(attachment.added_at)}
                  {attachment.description ? `: ${attachment.description}` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {canAdd && (
        <Form form={form} onSubmit={add} submitLabel="Attach files" key={formKey}>
          <FileUpload onChange={setFiles} />
          <Textarea
            name="description"
            label="Describe the files (optional)"
            rows={2}
            value={description}
            onChange={setDescription}
          />
          <div className="govuk-form-group">
            <div
              className="govuk-checkboxes govuk-checkboxes--small"
              data-module="govuk-checkboxes"
            >
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="supplied_by_resident"
                  type="checkbox"
                  checked={fromResident}
                  onChange={(event) => setFromResident(event.target.checked)}
                />
                <label
                  className="govuk-label govuk-checkboxes__label"
                  htmlFor="supplied_by_resident"
                >
                  The resident supplied these files
                </label>
              </div>
            </div>
          </div>
        </Form>
      )}
    </>
  );
}
