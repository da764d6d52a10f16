// Teams, service areas, categories and root causes: each a list of coded entries that an admin
// adds to or changes with PUT /{kind}/{code}.
import { useState } from 'react';
import { getItems, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Radios, Select, TextInput } from '../../components/fields';
import {
  BackLink,
  LoadFailed,
  Loading,
  SuccessBanner,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { forgetReference, nameOf, useLoad, useReference } from '../../data';

export interface CodedKind {
  path: string;
  title: string;
  singular: string;
  // Service areas name the team that owns their complaints.
  hasTeam?: boolean;
  // Categories and root causes can be retired: inactive entries stay on old cases.
  hasActive?: boolean;
}

export const CODED_KINDS: CodedKind[] = [
  { path: 'teams', title: 'Teams', singular: 'team' },
  { path: 'service-areas', title: 'Service areas', singular: 'service area', hasTeam: true },
  { path: 'categories', title: 'Categories', singular: 'category', hasActive: true },
  { path: 'root-causes', title: 'Root causes', singular: 'root cause', hasActive: true },
];

interface Entry {
  code: string;
  name: string;
  team?: string;
  active?: boolean;
}

function EntryForm({
  kind,
  entries,
  onSaved,
}: {
  kind: CodedKind;
  entries: Entry[];
  onSaved: (code: string) => void;
}) {
  const form = useForm();
  const teams = useReference().data?.teams ?? [];
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const [active, setActive] = useState('true');
  // Typing an existing code fills in what it has now, so a change starts from the current values.
  const chooseCode = (value: string) => {
    setCode(value);
    const existing = entries.find((entry) => entry.code === value.trim());
    if (existing) {
      setName(existing.name);
      setTeam(existing.team ?? '');
      setActive(existing.active === false ? 'false' : 'true');
    }
  };
  const submit = () =>
    form.submit(async () => {
      const body = {
        name: name.trim(),
        ...(kind.hasTeam ? { team } : {}),
        ...(kind.hasActive ? { active: active === 'true' } : {}),
      };
      await request('PUT', `/${kind.path}/${encodeURIComponent(code.trim())}`, { body });
      onSaved(code.trim());
      setCode('');
      setName('');
    }, 'code');
  return (
    <Form form={form} onSubmit={submit} submitLabel={`Save ${kind.singular}`}>
      <h2 className="govuk-heading-m">Add or change a {kind.singular}</h2>
      <TextInput
        name="code"
        label="Code"
        hint="Lower-case letters, digits and hyphens. An existing code changes that entry."
        widthClass="govuk-input--width-20"
        spellCheck={false}
        value={code}
        onChange={chooseCode}
      />
      <TextInput name="name" label="Name" value={name} onChange={setName} />
      {kind.hasTeam && (
        <Select
          name="team"
          label="Team that owns its complaints"
          value={team}
          onChange={setTeam}
          placeholder="Choose a team"
          options={teams.map((t) => ({ value: t.code, label: t.name }))}
        />
      )}
      {kind.hasActive && (
        <Radios
          name="active"
          label="Can it be chosen for new cases?"
          inline
          small
          value={active}
          onChange={setActive}
          options={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No, retired' },
          ]}
        />
      )}
    </Form>
  );
}

export function CodedEntries({ kind }: { kind: CodedKind }) {
  usePageTitle(kind.title);
  const entries = useLoad(() => getItems<Entry>(`/${kind.path}`), kind.path);
  const teams = useReference().data?.teams;
  const [saved, setSaved] = useState('');
  const onSaved = (code: string) => {
    forgetReference();
    setSaved(code);
    entries.reload();
  };
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      {saved && (
        <SuccessBanner title={`Saved ${kind.singular} ${saved}`}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <h1 className="govuk-heading-l">{kind.title}</h1>
      {entries.error && <LoadFailed message={entries.error} />}
      {!entries.data && !entries.error && <Loading />}
      {entries.data && (
        <>
          <table className="govuk-table" id="entries">
            <caption className="govuk-visually-hidden">{kind.title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Code
                </th>
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                {kind.hasTeam && (
                  <th scope="col" className="govuk-table__header">
                    Team
                  </th>
                )}
                {kind.hasActive && (
                  <th scope="col" className="govuk-table__header">
                    State
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.data.map((entry) => (
                <tr className="govuk-table__row" key={entry.code}>
                  <td className="govuk-table__cell">{entry.code}</td>
                  <td className="govuk-table__cell">{entry.name}</td>
                  {kind.hasTeam && (
                    <td className="govuk-table__cell">{nameOf(teams, entry.team ?? null)}</td>
                  )}
                  {kind.hasActive && (
                    <td className="govuk-table__cell">
                      {entry.active ? (
                        <Tag colour="green">Active</Tag>
                      ) : (
                        <Tag colour="grey">Retired</Tag>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <EntryForm kind={kind} entries={entries.data} onSaved={onSaved} />
        </>
      )}
    </>
  );
}
