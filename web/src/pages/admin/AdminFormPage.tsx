// An administration page holding one form over a record loaded first: the back link, the
// loading and failure states, and the form in two thirds of the width once the record is there.
import type { ReactNode } from 'react';
import { BackLink, LoadFailed, Loading } from '../../components/ui';
import type { Loaded } from '../../data';

export function AdminFormPage<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">{children(loaded.data)}</div>
        </div>
      )}
    </>
  );
}
