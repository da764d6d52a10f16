// The organisation's name, calendar division and the teams special cases are routed to.
import { useState } from 'react';
import { get, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Radios, Select, TextInput } from '../../components/fields';
import { SuccessBanner, usePageTitle } from '../../components/ui';
import { useLoad, useReference } from '../../data';
import type { Settings } from '../../types';
import { AdminFormPage } from './AdminFormPage';

const DIVISIONS = [
  { value: 'england-and-wales', label: 'England and Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
];

function SettingsForm({ settings }: { settings: Settings }) {
  const form = useForm();
  const teams = (useReference().data?.teams ?? []).map((t) => ({ value: t.code, label: t.name }));
  const [name, setName] = useState(settings.name);
  const [division, setDivision] = useState<string>(settings.division);
  const [independent, setIndependent] = useState(settings.independent_team ?? '');
  const [children, setChildren] = useState(settings.children_team ?? '');
  const [saved, setSaved] = useState(false);
  const submit = () =>
    form.submit(async () => {
      await request('PUT', '/settings', {
        body: {
          name: name.trim(),
          division,
          ...(independent ? { independent_team: independent } : {}),
          ...(children ? { children_team: children } : {}),
        },
      });
      setSaved(true);
    }, 'name');
  return (
    <>
      {saved && (
        <SuccessBanner title="Settings saved">
          <p className="govuk-body">Deadlines computed from now on follow them.</p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={submit} submitLabel="Save settings">
        <h1 className="govuk-heading-l">Organisation settings</h1>
        <TextInput name="name" label="Organisation name" value={name} onChange={setName} />
        <Radios
          name="division"
          label="Whose bank holidays does the calendar follow?"
          value={division}
          onChange={setDivision}
          options={DIVISIONS}
        />
        <Select
          name="independent_team"
          label="Independent complaints team"
          hint="Handles stage 2 of the designated service area"
          value={independent}
          onChange={setIndependent}
          placeholder="None"
          options={teams}
        />
        <Select
          name="children_team"
          label="Children’s complaints team"
          hint="Handles children’s statutory complaints"
          value={children}
          onChange={setChildren}
          placeholder="None"
          options={teams}
        />
      </Form>
    </>
  );
}

export function SettingsPage() {
  usePageTitle('Organisation settings');
  const settings = useLoad(() => get<Settings>('/settings'), 'settings');
  return (
    <AdminFormPage loaded={settings}>{(data) => <SettingsForm settings={data} />}</AdminFormPage>
  );
}
