// Saved views of the case list (issue 18): the user's named filters and order, and those their
// team shares, each a link that opens the list on them; the list's current filters can be saved
// under a name, and the user's own views renamed or deleted.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, getItems, request } from '../api';
import { wordFormErrors } from '../fieldErrors';
import { useLoad, userName, type Reference } from '../data';
import type { SavedView } from '../types';
import { Checkboxes, Select, TextInput } from './fields';
import { ClientErrors, Form, useForm } from './Form';
import { LoadFailed } from './ui';

const WORDS = {
  name: { words: 'a name for the view' },
  query: { words: 'the filters' },
};
const RENAME_WORDS = {
  rename_view: { words: 'the view to rename' },
  new_name: { words: 'a new name for the view' },
};

// A GOV.UK form to rename one of the user's own views (PUT /saved-views/{id}: the filters and the
// sharing are sent back as they are).
function RenameView({
  views,
  onRenamed,
}: {
  views: SavedView[];
  onRenamed: (name: string) => void;
}) {
  const form = useForm(RENAME_WORDS);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const rename = () =>
    form.submit(async () => {
      const view = views.find((candidate) => String(candidate.id) === id);
      const missing = [
        ...(view ? [] : [{ field: 'rename_view', message: 'Select the view to rename' }]),
        ...(name.trim() ? [] : [{ field: 'new_name', message: 'Enter a new name for the view' }]),
      ];
      if (!view || missing.length > 0) throw new ClientErrors(missing);
      try {
        await request<SavedView>('PUT', `/saved-views/${view.id}`, {
          body: { name: name.trim(), query: view.query, shared: view.shared },
        });
      } catch (error) {
        // The API names the view's `name`; this form calls it new_name.
        if (!(error instanceof ApiError)) throw error;
        const errors = error.fieldErrors('new_name').map((e) => ({
          ...e,
          field: e.field === 'name' ? 'new_name' : e.field,
        }));
        throw new ClientErrors(wordFormErrors(errors, RENAME_WORDS));
      }
      setId('');
      setName('');
      onRenamed(name.trim());
    });
  return (
    <details className="govuk-details" open={form.errors.length > 0 || undefined} id="rename-view">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Rename a view</span>
      </summary>
      <div className="govuk-details__text">
        <Form form={form} onSubmit={rename} submitLabel="Rename view">
          <Select
            name="rename_view"
            label="View"
            value={id}
            onChange={setId}
            placeholder="Choose a view"
            options={views.map((view) => ({ value: String(view.id), label: view.name }))}
          />
          <TextInput
            name="new_name"
            label="New name"
            value={name}
            onChange={setName}
            widthClass="govuk-!-width-two-thirds"
          />
        </Form>
      </div>
    </details>
  );
}

export function SavedViews({
  search,
  me,
  reference,
}: {
  // The list's query string as shown now, without the page's cursor and without '?'.
  search: string;
  me: string;
  reference: Reference | undefined;
}) {
  const views = useLoad(() => getItems<SavedView>('/saved-views'), 'saved-views');
  const form = useForm(WORDS);
  const [name, setName] = useState('');
  const [shared, setShared] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const save = () =>
    form.submit(async () => {
      await request<SavedView>('POST', '/saved-views', {
        body: { name, query: search, shared: shared.includes('yes') },
      });
      setSaved(name);
      setName('');
      setShared([]);
      views.reload();
    });
  const remove = async (view: SavedView) => {
    await request<void>('DELETE', `/saved-views/${view.id}`);
    setSaved(null);
    views.reload();
  };
  return (
    <section aria-labelledby="saved-views-heading">
      <h2 className="govuk-heading-m" id="saved-views-heading">
        Saved views
      </h2>
      {views.error && <LoadFailed message={views.error} />}
      {views.data && views.data.length === 0 && (
        <p className="govuk-body">You have no saved views yet.</p>
      )}
      {views.data && views.data.length > 0 && (
        <ul className="govuk-list" id="saved-views">
          {views.data.map((view) => (
            <li key={view.id}>
              <Link className="govuk-link" to={`/cases${view.query ? `?${view.query}` : ''}`}>
                {view.name}
              </Link>
              {view.owner !== me && (
                <span className="govuk-hint govuk-!-display-inline">
                  {' '}
                  (shared by {userName(reference?.users, view.owner)})
                </span>
              )}
              {view.owner === me && view.shared && (
                <span className="govuk-hint govuk-!-display-inline"> (shared with your team)</span>
              )}
              {view.owner === me && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    data-module="govuk-button"
                    onClick={() => void remove(view)}
                  >
                    Delete<span className="govuk-visually-hidden"> the view {view.name}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {saved && (
        <p className="govuk-body" role="status" id="saved-view-confirmation">
          The view ‘{saved}’ is saved.
        </p>
      )}
      {views.data && views.data.some((view) => view.owner === me) && (
        <RenameView
          views={views.data.filter((view) => view.owner === me)}
          onRenamed={(renamed) => {
            setSaved(renamed);
            views.reload();
          }}
        />
      )}
      <details className="govuk-details" open={form.errors.length > 0 || undefined}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Save these filters as a view</span>
        </summary>
        <div className="govuk-details__text">
          <Form form={form} onSubmit={save} submitLabel="Save view">
            <TextInput
              name="name"
              label="Name of the view"
              hint="For example, My overdue stage 2 cases"
              value={name}
              onChange={setName}
              widthClass="govuk-!-width-two-thirds"
            />
            <Checkboxes
              name="shared"
              label="Sharing"
              small
              options={[{ value: 'yes', label: 'Share this view with my team' }]}
              values={shared}
              onChange={setShared}
            />
          </Form>
        </div>
      </details>
    </section>
  );
}
