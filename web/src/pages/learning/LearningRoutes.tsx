// /learning/*: the lessons-learned view, raising a learning action, and one action's page.
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../NotFound';
import { ActionPage } from './ActionPage';
import { LessonsLearned } from './LessonsLearned';
import { RaiseAction } from './RaiseAction';

export function LearningRoutes() {
  return (
    <Routes>
      <Route index element={<LessonsLearned />} />
      <Route path="new" element={<RaiseAction />} />
      <Route path=":reference" element={<ActionPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
