/**
 * The home page's to-do list (việc cần làm): what waits for the signed-in account, nearest deadline
 * first, each line a link to the page where it is done. The counts are the server's (GET /me/tasks),
 * within what the account may see.
 */
import type { ReactNode } from 'react';
import { Alert, Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { Task } from '@thidua/contract';
import { formatDate } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useMyTasks } from '../api/get-tasks.ts';
import { useTasksTranslation } from '../locales/register.ts';

/** Today in Vietnam (UTC+7, no daylight saving), as the server counts deadlines. */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Where each kind of task is done. */
function TaskLink({ task, children }: { task: Task; children: ReactNode }) {
  const campaignId = task.campaignId ?? '';
  switch (task.kind) {
    case 'enrol':
      return (
        <Link to="/phong-trao/$campaignId" params={{ campaignId }}>
          {children}
        </Link>
      );
    case 'start_self_assessment':
    case 'submit_self_assessment':
    case 'correct_self_assessment':
      return task.submissionId ? (
        <Link to="/tu-danh-gia/$submissionId" params={{ submissionId: task.submissionId }}>
          {children}
        </Link>
      ) : (
        <Link to="/cua-toi">{children}</Link>
      );
    case 'review_submissions':
      return (
        <Link to="/phong-trao/$campaignId/tu-danh-gia" params={{ campaignId }}>
          {children}
        </Link>
      );
    case 'remedy_findings':
      return (
        <Link to="/ton-tai" search={{ 'phong-trao': campaignId }}>
          {children}
        </Link>
      );
    case 'supplement_dossiers':
      return <Link to="/ho-so">{children}</Link>;
    case 'receive_dossiers':
      return <Link to="/tiep-nhan">{children}</Link>;
    case 'vote_proposals':
      return <Link to="/hoi-dong/phieu-cua-toi">{children}</Link>;
    case 'issue_decisions':
      return <Link to="/quyet-dinh">{children}</Link>;
  }
}

export function TaskListCard() {
  const { t } = useTasksTranslation();
  const tasks = useMyTasks();
  const today = todayInVietnam();

  return (
    <Card title={t('tasks.title')} size="small" data-testid="my-tasks">
      {tasks.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : tasks.isError ? (
        <Alert type="error" showIcon title={problemMessage(tasks.error)} />
      ) : tasks.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />
      ) : (
        <List
          size="small"
          dataSource={tasks.data.items}
          renderItem={(task) => {
            const late = task.dueOn !== null && task.dueOn < today;
            return (
              <List.Item data-testid={`task-${task.kind}`}>
                <div>
                  <TaskLink task={task}>
                    {t(`tasks.kinds.${task.kind}`, { count: task.count, unit: task.unitName ?? '' })}
                  </TaskLink>
                  {task.campaignTitle && (
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      {task.campaignTitle}
                    </Typography.Text>
                  )}
                </div>
                {task.dueOn && (
                  <Tag color={late ? 'error' : 'default'}>
                    {t(late ? 'tasks.overdue' : 'tasks.due', { date: formatDate(task.dueOn) })}
                  </Tag>
                )}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
