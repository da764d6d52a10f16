// The subject access bundle on a request's page (issue 20): everything Redress holds about the
// person, item by item, a form to withhold an item (third-party information) with a reason, and
// the download of the ZIP. The server decides what is held, what a withheld item takes with it
// and what goes into the bundle (app/subject_access_bundle.hpp); each mark and each download is
// recorded in the audit trail.
import { useState } from 'react';
import { get, request } from '../../api';
import type { components } from '../../api-types';
import { Form, useForm } from '../../components/Form';
import { Select, Textarea } from '../../components/fields';
import { LoadFailed, Loading } from '../../components/ui';
import { useLoad } from '../../data';
import { withLabels, type FieldLabels } from '../learning/forms';

type Holdings = components['schemas']['SubjectAccessHoldings'];

const LABELS: FieldLabels = { item: 'The item to withhold', reason: 'The reason' };

function WithholdForm({ holdings, done }: { holdings: Holdings; done: () => void }) {
  const form = useForm();
  const [item, setItem] = useState('');
  const [reason, setReason] = useState('');
  const open = holdings.items.filter((held) => held.withheld === null);
  if (open.length === 0) return null;
  const submit = () =>
    form.submit(async () => {
      await withLabels(LABELS, () =>
        request('POST', `/subject-access-requests/${holdings.reference}/withholdings`, {
          body: { item, reason: reason.trim() },
        }),
      );
      setItem('');
      setReason('');
      done();
    }, 'item');
  return (
    <Form form={form} onSubmit={submit} submitLabel="Withhold the item">
      <Select
        name="item"
        label="Withhold an item from the bundle"
        hint="Information about someone else that should not be disclosed. A withheld complaint takes its notes, letters and attachments with it."
        value={item}
        onChange={setItem}
        placeholder="Choose an item"
        options={open.map((held) => ({ value: held.item, label: held.label }))}
      />
      <Textarea name="reason" label="Why is it withheld?" value={reason} onChange={setReason} />
    </Form>
  );
}

export function Bundle({ reference }: { reference: string }) {
  const loaded = useLoad(
    () => get<Holdings>(`/subject-access-requests/${encodeURIComponent(reference)}/holdings`),
    reference,
  );
  const holdings = loaded.data;
  return (
    <section id="sar-bundle">
      <h2 className="govuk-heading-m">What we hold about the person</h2>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!holdings && !loaded.error && <Loading />}
      {holdings && (
        <>
          <p className="govuk-body">
            Found by {holdings.person.name}
            {holdings.person.email && `, ${holdings.person.email}`}
            {holdings.person.phone && `, ${holdings.person.phone}`}
            {holdings.person.postcode && `, ${holdings.person.postcode}`}.
          </p>
          {holdings.items.length === 0 ? (
            <p className="govuk-body">Nothing is held about this person.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet" id="sar-items">
              {holdings.items.map((held) => (
                <li key={held.item}>
                  {held.label}
                  {held.withheld && (
                    <>
                      {' '}
                      <strong>Withheld</strong>: {held.withheld.reason} ({held.withheld.withheld_by}
                      )
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <WithholdForm holdings={holdings} done={loaded.reload} />
          <p className="govuk-body">
            <a
              className="govuk-button govuk-button--secondary"
              id="sar-bundle-download"
              href={`/api/v1/subject-access-requests/${encodeURIComponent(reference)}/bundle`}
              download
            >
              Download the bundle (ZIP)
            </a>
          </p>
          <p className="govuk-body">
            The bundle holds a summary (PDF), the records (JSON), the letters as sent, the
            attachments, the Article 15 information and a manifest of every file with its SHA-256
            and every withheld item with its reason. Each download is recorded in the audit trail.
          </p>
        </>
      )}
    </section>
  );
}
