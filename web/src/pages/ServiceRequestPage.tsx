// /service-requests/:reference: a service request, resolved or raised as a complaint.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { get, request } from '../api';
import { Form, useForm } from '../components/Form';
import { DateInput, datePartsOf, Radios, Textarea } from '../components/fields';
import { DateText, LoadFailed, Loading, SummaryList, Tag, usePageTitle } from '../components/ui';
import { nameOf, useLoad, useReference } from '../data';
import { CHANNEL_LABELS, REGIME_LABELS, todayIso } from '../format';
import { allows } from '../permissions';
import { useSession } from '../session';
import type { Complaint, ServiceRequest } from '../types';
import { Checks } from './case/checks';

function ResolveForm({ sr, onDone }: { sr: ServiceRequest; onDone: () => void }) {
  const form = useForm();
  const [resolution, setResolution] = useState('');
  const submit = () =>
    form.submit(async () => {
      await request('POST', `/service-requests/${sr.reference}/resolve`, {
        body: { resolution: resolution.trim() },
      });
      onDone();
    }, 'resolution');
  return (
    <Form form={form} onSubmit={submit} submitLabel="Resolve">
      <h2 className="govuk-heading-m">Resolve it</h2>
      <Textarea
        name="resolution"
        label="What was done"
        value={resolution}
        onChange={setResolution}
      />
    </Form>
  );
}

function ConvertForm({ sr }: { sr: ServiceRequest }) {
  const form = useForm();
  const navigate = useNavigate();
  const [regime, setRegime] = useState('');
  const [received, setReceived] = useState(() => datePartsOf(todayIso()));
  const submit = () =>
    form.submit(async () => {
      const checks = new Checks();
      const receivedOn = checks.date('received_on', received, 'the date the complaint was made');
      checks.done();
      const { body } = await request<Complaint>(
        'POST',
        `/service-requests/${sr.reference}/convert`,
        { body: { regime, received_on: receivedOn } },
      );
      navigate(`/cases/${body.reference}`, {
        state: { done: 'Complaint raised from the service request' },
      });
    }, 'regime');
  return (
    <Form form={form} onSubmit={submit} submitLabel="Raise a complaint">
      <h2 className="govuk-heading-m">Raise it as a complaint</h2>
      <Radios
        name="regime"
        label="Which complaints procedure applies?"
        value={regime}
        onChange={setRegime}
        options={Object.entries(REGIME_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <DateInput
        name="received_on"
        label="When did they complain?"
        value={received}
        onChange={setReceived}
      />
    </Form>
  );
}

export function ServiceRequestPage() {
  const { reference = '' } = useParams();
  usePageTitle(`Service request ${reference}`);
  const { user } = useSession();
  const loaded = useLoad(() => get<ServiceRequest>(`/service-requests/${reference}`), reference);
  const data = useReference();
  if (loaded.error) return <LoadFailed message={loaded.error} />;
  if (!loaded.data) return <Loading />;
  const sr = loaded.data;
  const open = sr.status === 'open';
  return (
    <>
      <span className="govuk-caption-l">{sr.reference}</span>
      <h1 className="govuk-heading-l">{sr.summary}</h1>
      <SummaryList
        rows={[
          {
            key: 'Status',
            value: <Tag colour={open ? 'blue' : 'grey'}>{open ? 'Open' : 'Resolved'}</Tag>,
          },
          { key: 'Received', value: <DateText iso={sr.received_on} /> },
          { key: 'How', value: CHANNEL_LABELS[sr.channel] },
          { key: 'Service area', value: nameOf(data.data?.serviceAreas, sr.service_area) },
          { key: 'Team', value: nameOf(data.data?.teams, sr.team) },
          { key: 'Requested by', value: sr.requester.name },
          { key: 'Description', value: sr.description || 'None' },
          ...(sr.resolution ? [{ key: 'Resolution', value: sr.resolution }] : []),
          ...(sr.complaint_reference
            ? [
                {
                  key: 'Raised as complaint',
                  value: `${sr.complaint_reference}: its response closes this request`,
                },
              ]
            : []),
        ]}
      />
      {/* A converted request is closed by its complaint's response: the API refuses resolving it. */}
      {open && !sr.complaint_reference && allows(user, 'log_complaint') && (
        <ResolveForm sr={sr} onDone={loaded.reload} />
      )}
      {!sr.complaint_reference && allows(user, 'log_complaint') && <ConvertForm sr={sr} />}
    </>
  );
}
