// The current stage's work as a GOV.UK task list: acknowledge, then respond, each linked to its
// form while it can be done, with its deadline as the hint.
import { Link } from 'react-router-dom';
import { formatDate } from '../../format';
import type { Complaint, Stage } from '../../types';
import type { CaseAction } from './CaseActionPage';

interface Task {
  path: 'acknowledge' | 'respond';
  name: string;
  done: boolean;
  hint: string;
}

function tasksOf(stage: Stage): Task[] {
  return [
    {
      path: 'acknowledge',
      name: 'Acknowledge the complaint',
      done: stage.acknowledged_on !== null,
      hint: stage.acknowledged_on
        ? `Acknowledged on ${formatDate(stage.acknowledged_on)}`
        : `By ${formatDate(stage.acknowledge_by)}`,
    },
    {
      path: 'respond',
      name: 'Respond with outcome, root causes and remedies',
      done: stage.response !== null,
      hint: stage.response
        ? `Responded on ${formatDate(stage.response.responded_on)}`
        : stage.respond_by
          ? `By ${formatDate(stage.respond_by)}`
          : 'Deadline set when acknowledged',
    },
  ];
}

export function StageTasks({
  complaint,
  actions,
}: {
  complaint: Complaint;
  actions: CaseAction[];
}) {
  const stage = complaint.stages.find((s) => s.number === complaint.stage);
  if (!stage) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Stage {stage.number} tasks</h2>
      <ul className="govuk-task-list" id="stage-tasks">
        {tasksOf(stage).map((task) => {
          const statusId = `task-${task.path}-status`;
          const offered = !task.done && actions.some((action) => action.path === task.path);
          return (
            <li
              key={task.path}
              className={`govuk-task-list__item${offered ? ' govuk-task-list__item--with-link' : ''}`}
            >
              <div className="govuk-task-list__name-and-hint">
                {offered ? (
                  <Link
                    className="govuk-link govuk-task-list__link"
                    to={`/cases/${complaint.reference}/${task.path}`}
                    aria-describedby={`${statusId} task-${task.path}-hint`}
                  >
                    {task.name}
                  </Link>
                ) : (
                  <div>{task.name}</div>
                )}
                <div id={`task-${task.path}-hint`} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              </div>
              <div className="govuk-task-list__status" id={statusId}>
                {task.done ? (
                  'Completed'
                ) : (
                  <strong className="govuk-tag govuk-tag--blue">To do</strong>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
