// /ombudsman/*: Ombudsman cases (Housing Ombudsman and LGSCO), Complaint Handling Failure Orders
// and the LGSCO annual letter with its reconciliation (issue 6).
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../NotFound';
import { CaseEditPage, CaseNewPage } from './CaseFormPage';
import { CaseListPage } from './CaseListPage';
import { CaseViewPage } from './CaseViewPage';
import {
  FailureOrderEdit,
  FailureOrderList,
  FailureOrderNew,
  FailureOrderView,
} from './FailureOrders';
import { LetterIndex, LetterPage, ReconciliationPage } from './Letters';

export function OmbudsmanRoutes() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="new" element={<CaseNewPage />} />
      <Route path="cases/:reference" element={<CaseViewPage />} />
      <Route path="cases/:reference/edit" element={<CaseEditPage />} />
      <Route path="failure-orders" element={<FailureOrderList />} />
      <Route path="failure-orders/new" element={<FailureOrderNew />} />
      <Route path="failure-orders/:reference" element={<FailureOrderView />} />
      <Route path="failure-orders/:reference/edit" element={<FailureOrderEdit />} />
      <Route path="lgsco-letters" element={<LetterIndex />} />
      <Route path="lgsco-letters/:year" element={<LetterPage />} />
      <Route path="lgsco-letters/:year/reconciliation" element={<ReconciliationPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
