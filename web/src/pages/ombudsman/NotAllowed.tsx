// What a user sees on a change page their role may not use (the server refuses it anyway).
import { Link } from 'react-router-dom';
import { allows, type Permission } from '../../permissions';
import { useSession } from '../../session';

export function useCan(permission: Permission): boolean {
  return allows(useSession().user, permission);
}

export function useCanManage(): boolean {
  return useCan('manage_ombudsman');
}

export function NotAllowed({ what = 'change Ombudsman records' }: { what?: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">You cannot {what}</h1>
      <p className="govuk-body">
        Your role does not allow it. Ask a complaints officer or a manager.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/ombudsman">
          Ombudsman cases
        </Link>
      </p>
    </>
  );
}
