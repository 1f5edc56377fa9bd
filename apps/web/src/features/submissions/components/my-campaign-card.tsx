/**
 * One campaign on "Phong trào của đơn vị": for each of the user's participating units (and for the
 * user as a person, when individuals are assessed) where the self-assessment stands — status,
 * criteria answered, evidence still missing, days to the deadline — and the button to start,
 * continue or open it.
 */
import { Alert, App, Button, Card, Divider, Flex, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { selfAssessmentsWaitFor, type Campaign, type SubmissionSummary } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCreateSubmission } from '../api/create-submission.ts';
import { useSubmissions } from '../api/get-submissions.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { DeadlineTag } from './deadline-tag.tsx';
import { SubmissionStatusTag } from './submission-status-tag.tsx';
import { writesOwn } from '../utils/permissions.ts';

/** A unit of the user that takes part in the campaign, and whether it has enrolled. */
export interface UnitParticipation {
  unitId: string;
  unitName: string;
  enrolled: boolean;
}

interface Props {
  campaign: Pick<
    Campaign,
    | 'id'
    | 'title'
    | 'number'
    | 'status'
    | 'upcoming'
    | 'selfAssessmentOpenedEarlyAt'
    | 'startsOn'
    | 'submissionDeadline'
    | 'participants'
  >;
  /** The user's participating units (undefined while loading). */
  units: readonly UnitParticipation[] | undefined;
  unitsError?: unknown;
}

const WRITABLE: readonly Campaign['status'][] = ['open', 'closed'];

export function MyCampaignCard({ campaign, units, unitsError }: Props) {
  const { t } = useSubmissionsTranslation();
  const { user } = useSession();
  // One page holds them: a unit role sees only its own units' self-assessments and its staff's submitted ones.
  const list = useSubmissions(campaign.id, { page: 1, pageSize: 100 });
  const asPerson = campaign.participants.individualsTakePart && writesOwn(user);
  const mine = (unitId: string) => list.data?.items.find((s) => s.target === 'collective' && s.unitId === unitId);
  const own = list.data?.items.find((s) => s.target === 'individual' && s.personId === user?.personId);

  return (
    <Card
      size="small"
      data-testid="my-campaign"
      title={
        <Link to="/phong-trao/$campaignId" params={{ campaignId: campaign.id }} style={{ whiteSpace: 'normal' }}>
          {campaign.title}
        </Link>
      }
      extra={<Typography.Text type="secondary">{campaign.number}</Typography.Text>}
    >
      {list.isPending || units === undefined ? (
        unitsError ? (
          <Alert type="error" showIcon title={problemMessage(unitsError)} />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : list.isError ? (
        <Alert type="error" showIcon title={problemMessage(list.error)} />
      ) : (
        <Flex vertical gap={0}>
          {units.length === 0 && !asPerson && (
            <Typography.Text type="secondary">{t('submissions.mine.notParticipant')}</Typography.Text>
          )}
          {units.map((u, i) => (
            <div key={u.unitId}>
              {i > 0 && <Divider style={{ margin: '12px 0' }} />}
              <SubjectRow
                campaign={campaign}
                label={u.unitName}
                enrolled={u.enrolled}
                submission={mine(u.unitId)}
                body={{ target: 'collective', unitId: u.unitId }}
              />
            </div>
          ))}
          {asPerson && (
            <div>
              {units.length > 0 && <Divider style={{ margin: '12px 0' }} />}
              <SubjectRow
                campaign={campaign}
                label={t('submissions.mine.myself', { name: user?.fullName ?? '' })}
                enrolled
                submission={own}
                body={{ target: 'individual' }}
              />
            </div>
          )}
        </Flex>
      )}
    </Card>
  );
}

interface RowProps {
  campaign: Props['campaign'];
  label: string;
  enrolled: boolean;
  submission: SubmissionSummary | undefined;
  body: { target: 'collective' | 'individual'; unitId?: string };
}

function SubjectRow({ campaign, label, enrolled, submission: s, body }: RowProps) {
  const { t } = useSubmissionsTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateSubmission();
  const keyFor = useIdempotencyKey();
  // Launched ahead of its first day: announced, and self-assessments start on that day (the API
  // refuses before), unless the office opened them early.
  const notYet = selfAssessmentsWaitFor(campaign);
  const writable = WRITABLE.includes(campaign.status) && !notYet;

  async function start() {
    try {
      const { submission } = await create.mutateAsync({
        campaignId: campaign.id,
        body,
        idempotencyKey: keyFor({ campaignId: campaign.id, ...body }),
      });
      await navigate({ to: '/tu-danh-gia/$submissionId', params: { submissionId: submission.id } });
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  const p = s?.progress;
  const open = (icon: React.ReactNode, text: string, testId: string) => (
    <Button
      type={s!.status === 'draft' || s!.status === 'returned' ? 'primary' : 'default'}
      icon={icon}
      data-testid={testId}
      onClick={() => void navigate({ to: '/tu-danh-gia/$submissionId', params: { submissionId: s!.id } })}
    >
      {text}
    </Button>
  );

  return (
    <Flex justify="space-between" align="center" gap={16} wrap data-testid="my-subject">
      <div style={{ flex: 1, minWidth: 260 }}>
        <Space size={[8, 4]} wrap>
          <Typography.Text strong>{label}</Typography.Text>
          {enrolled ? (
            <SubmissionStatusTag status={s?.status ?? null} />
          ) : (
            <Tag color="default">{t('submissions.mine.notEnrolled')}</Tag>
          )}
          {enrolled && (!s || s.status === 'draft' || s.status === 'returned') && writable && (
            <DeadlineTag
              deadline={s?.deadline ?? campaign.submissionDeadline}
              extended={s?.deadlineExtended ?? false}
            />
          )}
        </Space>
        {p && (
          <Flex align="center" gap={12} wrap style={{ marginTop: 6 }}>
            <div style={{ width: 220 }}>
              <Progress
                percent={p.criteria ? Math.round((p.answered / p.criteria) * 100) : 0}
                size="small"
                showInfo={false}
                aria-label={t('submissions.progress.answered')}
              />
            </div>
            <Typography.Text style={{ fontSize: 13 }} data-testid="my-progress">
              {t('submissions.progress.answeredOf', {
                done: formatNumber(p.answered),
                total: formatNumber(p.criteria),
              })}
            </Typography.Text>
            {p.evidenceMissing.length > 0 ? (
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {t('submissions.mine.evidenceMissing', {
                  count: p.evidenceMissing.length,
                  codes: p.evidenceMissing.join(', '),
                })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('submissions.mine.evidenceOk', { count: p.withEvidence })}
              </Typography.Text>
            )}
          </Flex>
        )}
        {s?.status === 'returned' && s.returnReason && (
          <Typography.Paragraph
            type="warning"
            style={{ margin: '6px 0 0', fontSize: 13 }}
            ellipsis={{ rows: 2, tooltip: s.returnReason }}
          >
            {t('submissions.mine.returnReason', { reason: s.returnReason })}
          </Typography.Paragraph>
        )}
        {notYet && enrolled && !s && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 13, display: 'block', marginTop: 4 }}
            data-testid="starts-later"
          >
            {t('submissions.mine.startsOn', { date: formatDate(campaign.startsOn) })}
          </Typography.Text>
        )}
        {!enrolled && (
          <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', marginTop: 4 }}>
            {t('submissions.mine.enrolFirst')}{' '}
            <Link to="/phong-trao/$campaignId" params={{ campaignId: campaign.id }}>
              {t('submissions.mine.goEnrol')}
            </Link>
          </Typography.Text>
        )}
      </div>
      <div>
        {s
          ? s.status === 'draft' || s.status === 'returned'
            ? open(<EditOutlined />, t('submissions.mine.continue'), 'continue-self-assessment')
            : open(<EyeOutlined />, t('submissions.mine.view'), 'view-self-assessment')
          : enrolled &&
            writable && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                loading={create.isPending}
                onClick={() => void start()}
                data-testid="start-self-assessment"
              >
                {t('submissions.mine.start')}
              </Button>
            )}
      </div>
    </Flex>
  );
}
