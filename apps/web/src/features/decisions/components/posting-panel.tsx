/**
 * "Niêm yết công khai" of a campaign: publish the approved list, its period with the working days
 * left, the nominees, and the public's objections with the office's answers; from here the office
 * drafts the decision.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { FileAddOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Objection, Posting } from '@thidua/contract';
import { OBJECTION_LIMITS } from '@thidua/contract';
import { useCan } from '../../../lib/permissions.ts';
import { ReasonDialog } from '../../../components/reason-dialog.tsx';
import { problemMessage } from '../../../lib/problem.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCreateDecision } from '../api/decisions.ts';
import { useAnswerObjection, useObjections, usePostings, usePublishPosting } from '../api/postings.ts';
import { useDecisionsTranslation } from '../locales/register.ts';
import { dmy } from './format.ts';

export function PostingPanel({
  campaignId,
  authorityUnitId,
}: {
  campaignId: string;
  authorityUnitId: string | undefined;
}) {
  const { t } = useDecisionsTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const postings = usePostings(campaignId);
  const publish = usePublishPosting(campaignId);
  const createDecision = useCreateDecision(campaignId);
  const target = authorityUnitId ? { unitId: authorityUnitId } : undefined;
  const mayPost = can('posting.manage', target);
  const mayDraft = can('decision.draft', target);
  const current = postings.data?.items[0];

  async function onPublish() {
    try {
      await publish.mutateAsync({});
      void message.success(t('decisions.posting.published'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  async function onDraft() {
    try {
      const d = await createDecision.mutateAsync({});
      void navigate({ to: '/quyet-dinh/$decisionId', params: { decisionId: d.id } });
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  const actions = (
    <Space wrap>
      {mayPost && (
        <Button
          type="primary"
          icon={<NotificationOutlined />}
          loading={publish.isPending}
          onClick={() => void onPublish()}
          data-testid="posting-publish"
        >
          {current ? t('decisions.posting.publishAgain') : t('decisions.posting.publish')}
        </Button>
      )}
      {mayDraft && (
        <Button
          icon={<FileAddOutlined />}
          loading={createDecision.isPending}
          onClick={() => void onDraft()}
          data-testid="decision-draft"
        >
          {t('decisions.posting.draftDecision')}
        </Button>
      )}
      <Link to="/quyet-dinh">
        <Button type="link">{t('decisions.posting.toDecisions')}</Button>
      </Link>
    </Space>
  );

  if (postings.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (postings.isError) return <Alert type="error" showIcon title={problemMessage(postings.error)} />;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" wrap gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 640 }}>
            {t('decisions.posting.intro')}
          </Typography.Paragraph>
          {actions}
        </Flex>
      </Card>
      {current ? (
        <PostingDetails posting={current} mayAnswer={mayPost} />
      ) : (
        <Card>
          <Empty description={t('decisions.posting.none')} />
        </Card>
      )}
    </Flex>
  );
}

function PostingDetails({ posting, mayAnswer }: { posting: Posting; mayAnswer: boolean }) {
  const { t } = useDecisionsTranslation();
  return (
    <>
      <Card title={t('decisions.posting.period')} data-testid="posting-period">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('decisions.posting.from')}>{dmy(posting.startsOn)}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.posting.to')}>{dmy(posting.endsOn)}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.posting.workingDays')}>{posting.workingDays}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.posting.state')}>
            {posting.open ? (
              <Tag color="processing">{t('decisions.posting.daysLeft', { count: posting.daysLeft })}</Tag>
            ) : (
              <Tag color="success">{t('decisions.posting.ended')}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('decisions.posting.list', { count: posting.dossiers.length })}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={posting.dossiers}
          columns={[
            { title: t('decisions.columns.index'), width: 60, render: (_v, _r, i) => i + 1 },
            { title: t('decisions.columns.nominee'), dataIndex: 'nomineeName' },
            { title: t('decisions.columns.unit'), dataIndex: 'unitName' },
            { title: t('decisions.columns.award'), dataIndex: 'awardTypeName' },
          ]}
        />
      </Card>
      <ObjectionsCard postingId={posting.id} mayAnswer={mayAnswer} />
    </>
  );
}

function ObjectionsCard({ postingId, mayAnswer }: { postingId: string; mayAnswer: boolean }) {
  const { t } = useDecisionsTranslation();
  const list = useObjections(mayAnswer ? postingId : undefined);
  const [answering, setAnswering] = useState<Objection | null>(null);
  if (!mayAnswer) return null;
  return (
    <Card title={t('decisions.objections.title')} data-testid="objections">
      {list.isError ? (
        <Alert type="error" showIcon title={problemMessage(list.error)} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={list.isPending}
          pagination={false}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('decisions.objections.none') }}
          columns={[
            {
              title: t('decisions.objections.from'),
              render: (_v, o) => (
                <>
                  <div>{o.name}</div>
                  <Typography.Text type="secondary">{o.contact}</Typography.Text>
                </>
              ),
            },
            {
              title: t('decisions.objections.about'),
              render: (_v, o) => o.nomineeName ?? t('decisions.objections.wholeList'),
            },
            { title: t('decisions.objections.content'), dataIndex: 'content' },
            { title: t('decisions.objections.received'), render: (_v, o) => formatDateTime(o.createdAt) },
            {
              title: t('decisions.objections.answer'),
              render: (_v, o) =>
                o.status === 'answered' ? (
                  <>
                    <Tag color="success">{t('decisions.objections.answered')}</Tag> {o.answer}
                  </>
                ) : (
                  <Tag color="warning">{t('decisions.objections.open')}</Tag>
                ),
            },
            {
              title: '',
              render: (_v, o) => (
                <Button size="small" onClick={() => setAnswering(o)} data-testid={`answer-${o.id}`}>
                  {o.status === 'answered' ? t('decisions.objections.edit') : t('decisions.objections.reply')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {answering && <AnswerModal objection={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}

function AnswerModal({ objection, onClose }: { objection: Objection; onClose: () => void }) {
  const { t } = useDecisionsTranslation();
  const answer = useAnswerObjection();
  return (
    <ReasonDialog<{ answer: string }>
      open
      title={t('decisions.objections.dialogTitle', { name: objection.name })}
      okText={t('decisions.actions.save')}
      cancelText={t('decisions.actions.cancel')}
      saving={answer.isPending}
      savedMessage={t('decisions.objections.saved')}
      onSubmit={(values) => answer.mutateAsync({ id: objection.id, answer: values.answer.trim() })}
      onClose={onClose}
      initialValues={{ answer: objection.answer ?? '' }}
      reason={{
        name: 'answer',
        label: t('decisions.objections.answer'),
        requiredMessage: t('decisions.objections.answerRequired'),
        maxLength: OBJECTION_LIMITS.answer,
        showCount: true,
      }}
    >
      <Typography.Paragraph>{objection.content}</Typography.Paragraph>
    </ReasonDialog>
  );
}
