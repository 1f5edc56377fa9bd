/**
 * Hội đồng thi đua - khen thưởng: each council of the authorities the user reaches, with its term,
 * its members (the secretary records and does not vote) and its meetings. The standing office edits
 * the members (person picker), sets up a council and calls a meeting ("Tổ chức cuộc họp").
 */
import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { Council, CouncilMember, MeetingSummary } from '@thidua/contract';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useCouncils, useMeetings } from '../api/councils.ts';
import { useCouncilsTranslation } from '../locales/register.ts';
import { CreateCouncilModal } from './create-council-modal.tsx';
import { MeetingModal } from './meeting-modal.tsx';
import { MembersModal } from './members-modal.tsx';

export const STATUS_COLORS = { planned: 'default', voting: 'processing', closed: 'success' } as const;

function MeetingsTable({ council }: { council: Council }) {
  const { t } = useCouncilsTranslation();
  const meetings = useMeetings(council.id);
  const columns: TableColumnsType<MeetingSummary> = [
    {
      title: t('councils.fields.heldAt'),
      dataIndex: 'heldAt',
      width: 170,
      render: (at: string, m) => (
        <Link to="/hoi-dong/cuoc-hop/$meetingId" params={{ meetingId: m.id }} data-testid="meeting-open">
          {formatDateTime(at)}
        </Link>
      ),
    },
    { title: t('councils.fields.campaign'), dataIndex: 'campaignTitle', ellipsis: true },
    {
      title: t('councils.fields.method'),
      dataIndex: 'method',
      width: 140,
      render: (m: MeetingSummary['method']) => t(`councils.method.${m}`),
    },
    { title: t('councils.fields.proposals'), dataIndex: 'proposals', width: 90, align: 'right' },
    {
      title: t('councils.fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: MeetingSummary['status']) => <Tag color={STATUS_COLORS[s]}>{t(`councils.status.${s}`)}</Tag>,
    },
    {
      title: t('councils.fields.minutesNumber'),
      dataIndex: 'minutesNumber',
      width: 130,
      render: (n: string | null) => n ?? '—',
    },
  ];
  if (meetings.isError) return <Alert type="error" showIcon message={problemMessage(meetings.error)} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={meetings.isLoading}
      columns={columns}
      dataSource={meetings.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('councils.list.noMeetings') }}
      data-testid="council-meetings"
    />
  );
}

function CouncilCard({ council }: { council: Council }) {
  const { t } = useCouncilsTranslation();
  const can = useCan();
  const manage = can('council.manage', { unitId: council.authorityUnitId });
  const [editing, setEditing] = useState(false);
  const [calling, setCalling] = useState(false);
  const columns: TableColumnsType<CouncilMember> = [
    {
      title: t('councils.fields.person'),
      dataIndex: 'fullName',
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    { title: t('councils.fields.position'), dataIndex: 'position', render: (p: string | null) => p ?? '—' },
    { title: t('councils.fields.unit'), dataIndex: 'unitName' },
    {
      title: t('councils.fields.role'),
      dataIndex: 'role',
      width: 200,
      render: (r: CouncilMember['role'], m) => (
        <Space size={4}>
          <Tag color={r === 'chair' ? 'red' : r === 'vice_chair' ? 'volcano' : r === 'secretary' ? 'default' : 'blue'}>
            {t(`councils.role.${r}`)}
          </Tag>
          {!m.votes && <Typography.Text type="secondary">{t('councils.meeting.noVote')}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <Card
      data-testid="council-card"
      title={
        <Space direction="vertical" size={0}>
          <span>
            <TeamOutlined /> {council.name}
          </span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {council.authorityName} · {t('councils.list.term', { term: council.term })} ·{' '}
            {t('councils.list.validity', {
              from: formatDate(council.validFrom),
              to: council.validTo ? formatDate(council.validTo) : t('councils.list.openEnded'),
            })}{' '}
            · {t('councils.list.votingMembers', { count: council.votingMembers })}
          </Typography.Text>
        </Space>
      }
      extra={
        manage && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="council-edit-members">
              {t('councils.list.editMembers')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCalling(true)}
              data-testid="council-new-meeting"
            >
              {t('councils.list.newMeeting')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Title level={5}>{t('councils.list.members')}</Typography.Title>
      <Table
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={council.members}
        pagination={false}
        locale={{ emptyText: t('councils.list.noMembers') }}
        data-testid="council-members"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('councils.list.meetings')}
      </Typography.Title>
      <MeetingsTable council={council} />
      {editing && <MembersModal council={council} onClose={() => setEditing(false)} />}
      {calling && <MeetingModal council={council} onClose={() => setCalling(false)} />}
    </Card>
  );
}

export function CouncilsList() {
  const { t } = useCouncilsTranslation();
  const can = useCan();
  const councils = useCouncils();
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap={16}>
      {can('council.manage') && (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="council-create">
            {t('councils.list.create')}
          </Button>
        </Flex>
      )}
      {councils.isLoading && <Skeleton active />}
      {councils.isError && <Alert type="error" showIcon message={problemMessage(councils.error)} />}
      {councils.data && councils.data.items.length === 0 && <Empty description={t('councils.list.empty')} />}
      {councils.data?.items.map((c) => (
        <CouncilCard key={c.id} council={c} />
      ))}
      {creating && <CreateCouncilModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
