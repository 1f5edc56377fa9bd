/**
 * "Phiếu biểu quyết của tôi": the signed-in council member's meetings (voting, or closed lately) of
 * the councils on which they vote — for a member who is not office staff and cannot open the
 * meeting page. Each proposal shows the nominee, unit, award type, achievement and documents, and
 * the member's state on it: not yet voted (the three choices), voted (their choice; for a secret
 * ballot only "đã bỏ phiếu"), or, once the meeting closed, the result.
 */
import { Alert, App, Card, Collapse, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { MyCouncilMeeting, MyProposal, VoteChoice } from '@thidua/contract';
import { newIdempotencyKey } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { DossierDocuments } from '../../../components/dossiers/dossier-documents.tsx';
import { useCastMyVote, useMyMeetings } from '../api/my-meetings.ts';
import { useCouncilsTranslation } from '../locales/register.ts';
import { ChoiceButtons } from './choice-buttons.tsx';
import { MeetingTitle } from './meeting-title.tsx';

const CHOICE_COLORS: Record<VoteChoice, string> = { for: 'green', against: 'red', abstain: 'default' };

function ProposalState({ meeting, p }: { meeting: MyCouncilMeeting; p: MyProposal }) {
  const { t } = useCouncilsTranslation();
  const { message } = App.useApp();
  const cast = useCastMyVote();
  const result =
    p.result === 'passed' ? (
      <Tag color="success" icon={<CheckCircleOutlined />} data-testid="my-result">
        {t('councils.meeting.passed')} · {p.votesFor}/{meeting.votingMembers}
      </Tag>
    ) : p.result === 'failed' ? (
      <Tag color="error" icon={<CloseCircleOutlined />} data-testid="my-result">
        {t('councils.meeting.failed')} · {p.votesFor}/{meeting.votingMembers}
      </Tag>
    ) : null;
  const mine = p.voted ? (
    <Tag color={p.myChoice ? CHOICE_COLORS[p.myChoice] : 'blue'} data-testid="my-state-voted">
      {p.myChoice
        ? t('councils.mine.votedChoice', { choice: t(`councils.choice.${p.myChoice}`) })
        : t('councils.meeting.voted')}
      {p.myVoteInWriting ? ` (${t('councils.meeting.inWriting')})` : ''}
    </Tag>
  ) : meeting.status === 'voting' ? (
    <Tag color="orange" data-testid="my-state-pending">
      {t('councils.mine.notYet')}
    </Tag>
  ) : (
    <Tag data-testid="my-state-missed">{t('councils.mine.notVoted')}</Tag>
  );
  async function send(choice: VoteChoice) {
    try {
      await cast.mutateAsync({
        meetingId: meeting.id,
        body: { dossierId: p.dossier.id, choice, inWriting: meeting.present !== true },
        idempotencyKey: newIdempotencyKey(),
      });
      void message.success(t('councils.meeting.voteRecorded'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }
  return (
    <Space wrap>
      {mine}
      {result}
      {meeting.status === 'voting' && !p.voted && (
        <ChoiceButtons testId={`my-vote-${p.dossier.id}`} disabled={cast.isPending} onChoose={(c) => void send(c)} />
      )}
    </Space>
  );
}

function MeetingCard({ meeting }: { meeting: MyCouncilMeeting }) {
  const { t } = useCouncilsTranslation();
  const left = meeting.proposals.filter((p) => !p.voted).length;
  return (
    <Card
      data-testid="my-meeting"
      data-meeting-id={meeting.id}
      title={<MeetingTitle meeting={meeting} statusTestId="my-meeting-status" />}
      extra={
        meeting.status === 'voting' &&
        (left > 0 ? (
          <Typography.Text type="warning">{t('councils.mine.left', { count: left })}</Typography.Text>
        ) : (
          <Typography.Text type="success">{t('councils.mine.allVoted')}</Typography.Text>
        ))
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('councils.fields.campaign')}>{meeting.campaignTitle}</Descriptions.Item>
        <Descriptions.Item label={t('councils.fields.heldAt')}>{formatDateTime(meeting.heldAt)}</Descriptions.Item>
        <Descriptions.Item label={t('councils.fields.place')}>{meeting.place || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('councils.fields.method')}>
          {t(`councils.method.${meeting.method}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('councils.mine.myRole')}>{t(`councils.role.${meeting.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('councils.meeting.attendance')}>
          {meeting.present === true
            ? t('councils.meeting.present')
            : `${t('councils.meeting.absent')} · ${t('councils.mine.inWritingHint')}`}
        </Descriptions.Item>
        {meeting.minutesNumber && (
          <Descriptions.Item label={t('councils.fields.minutesNumber')}>{meeting.minutesNumber}</Descriptions.Item>
        )}
      </Descriptions>
      {meeting.method === 'secret_ballot' && meeting.status === 'voting' && (
        <Alert type="info" showIcon message={t('councils.mine.secretHint')} style={{ marginBottom: 12 }} />
      )}
      <Flex vertical gap={12}>
        {meeting.proposals.map((p) => (
          <Card key={p.dossier.id} size="small" type="inner" data-testid={`my-proposal-${p.dossier.id}`}>
            <Flex justify="space-between" align="start" wrap gap={8}>
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {p.position + 1}. {p.dossier.nomineeName}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {p.dossier.awardTypeName} · {p.dossier.unitName}
                </Typography.Text>
              </Space>
              <ProposalState meeting={meeting} p={p} />
            </Flex>
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'd',
                  label: t('councils.mine.details'),
                  children: (
                    <Flex vertical gap={8}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                        {p.dossier.achievement || '—'}
                      </Typography.Paragraph>
                      <DossierDocuments dossier={p.dossier} showMissing={false} />
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        ))}
      </Flex>
    </Card>
  );
}

export function MyBallots() {
  const { t } = useCouncilsTranslation();
  const query = useMyMeetings();
  if (query.isLoading) return <Skeleton active />;
  if (query.isError || !query.data) return <Alert type="error" showIcon message={problemMessage(query.error)} />;
  if (query.data.items.length === 0)
    return (
      <Card>
        <Empty description={t('councils.mine.empty')} data-testid="my-meetings-empty" />
      </Card>
    );
  return (
    <Flex vertical gap={16}>
      {query.data.items.map((m) => (
        <MeetingCard key={m.id} meeting={m} />
      ))}
    </Flex>
  );
}
