/**
 * A council meeting: its details, the rules applied (quorum met or not, the threshold on ALL voting
 * members), attendance (present / absent with a note; absent members vote in writing), the proposals
 * (received dossiers of the campaign), the vote grid (member × proposal; for a secret ballot only
 * "voted", never the choice), the live tally (for / against / abstain, % of all members, the votes
 * needed, pass or fail) and the actions: open voting, "Kết thúc và kiểm phiếu", the minutes DOCX.
 */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  Modal,
  Progress,
  Radio,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { CouncilMeeting, MeetingMember, ProposalTally, VoteChoice } from '@thidua/contract';
import { newIdempotencyKey } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../../lib/auth.ts';
import { useCan } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { DossierStatusTag } from '../../../components/dossiers/dossier-status-tag.tsx';
import {
  downloadMinutes,
  useCloseMeeting,
  useMeeting,
  useMyVote,
  useOpenVoting,
  useReceivedDossiers,
  useRecordVote,
  useSetAttendance,
  useSetProposals,
} from '../api/meetings.ts';
import { useCouncilsTranslation } from '../locales/register.ts';
import { ChoiceButtons } from './choice-buttons.tsx';
import { MeetingTitle } from './meeting-title.tsx';

const pct = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

function Attendance({ meeting, editable }: { meeting: CouncilMeeting; editable: boolean }) {
  const { t } = useCouncilsTranslation();
  const { message } = App.useApp();
  const save = useSetAttendance(meeting.id);
  const [draft, setDraft] = useState<Record<string, { present: boolean | null; note: string }>>(() =>
    Object.fromEntries(meeting.members.map((m) => [m.personId, { present: m.present, note: m.note }])),
  );
  const columns: TableColumnsType<MeetingMember> = [
    {
      title: t('councils.fields.person'),
      dataIndex: 'fullName',
      render: (n: string, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{n}</Typography.Text>
          <Typography.Text type="secondary">
            {t(`councils.role.${m.role}`)}
            {m.position ? ` · ${m.position}` : ''} · {m.unitName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('councils.meeting.attendance'),
      key: 'present',
      width: 220,
      render: (_: unknown, m) => {
        const present = editable ? draft[m.personId]?.present : m.present;
        if (!editable)
          return present === true ? (
            <Tag color="green">{t('councils.meeting.present')}</Tag>
          ) : present === false ? (
            <Tag color="orange">{t('councils.meeting.absent')}</Tag>
          ) : (
            <Tag>{t('councils.meeting.notRecorded')}</Tag>
          );
        return (
          <Radio.Group
            value={present === null || present === undefined ? undefined : present}
            onChange={(e) =>
              setDraft((d) => ({
                ...d,
                [m.personId]: { note: d[m.personId]?.note ?? '', present: e.target.value as boolean },
              }))
            }
            data-testid={`attendance-${m.personId}`}
          >
            <Radio.Button value={true}>{t('councils.meeting.present')}</Radio.Button>
            <Radio.Button value={false}>{t('councils.meeting.absent')}</Radio.Button>
          </Radio.Group>
        );
      },
    },
    {
      title: t('councils.meeting.note'),
      key: 'note',
      render: (_: unknown, m) =>
        editable ? (
          <Input
            value={draft[m.personId]?.note ?? ''}
            placeholder={t('councils.meeting.notePlaceholder')}
            maxLength={500}
            onChange={(e) =>
              setDraft((d) => ({
                ...d,
                [m.personId]: { present: d[m.personId]?.present ?? null, note: e.target.value },
              }))
            }
          />
        ) : (
          m.note || '—'
        ),
    },
  ];
  async function submit() {
    const body = Object.entries(draft)
      .filter(([, v]) => v.present !== null)
      .map(([personId, v]) => ({ personId, present: v.present as boolean, note: v.note }));
    try {
      await save.mutateAsync(body);
      void message.success(t('councils.meeting.attendanceSaved'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }
  return (
    <Card
      title={t('councils.meeting.attendance')}
      extra={
        editable && (
          <Button onClick={() => void submit()} loading={save.isPending} data-testid="attendance-save">
            {t('councils.meeting.saveAttendance')}
          </Button>
        )
      }
    >
      <Table
        rowKey="personId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={meeting.members}
        data-testid="attendance"
      />
    </Card>
  );
}

function ProposalPicker({ meeting, onClose }: { meeting: CouncilMeeting; onClose: () => void }) {
  const { t } = useCouncilsTranslation();
  const { message } = App.useApp();
  const received = useReceivedDossiers(meeting.campaignId, true);
  const save = useSetProposals(meeting.id);
  const current = meeting.proposals.map((p) => p.dossier);
  const [chosen, setChosen] = useState<string[]>(current.map((d) => d.id));
  // Those on the list already (in review), then the received ones not yet on it.
  const options = [...current, ...(received.data?.items ?? []).filter((d) => !current.some((c) => c.id === d.id))];
  async function submit() {
    try {
      await save.mutateAsync({ dossierIds: chosen });
      void message.success(t('councils.meeting.proposalsSaved'));
      onClose();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }
  return (
    <Modal
      open
      width={760}
      title={t('councils.meeting.pickTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      data-testid="proposal-picker"
      destroyOnHidden
    >
      {received.isLoading ? (
        <Skeleton active />
      ) : received.isError ? (
        <Alert type="error" showIcon message={problemMessage(received.error)} />
      ) : options.length === 0 ? (
        <Typography.Text type="secondary">{t('councils.meeting.pickEmpty')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {options.map((d) => (
            <Checkbox
              key={d.id}
              checked={chosen.includes(d.id)}
              onChange={(e) =>
                setChosen((list) => (e.target.checked ? [...list, d.id] : list.filter((x) => x !== d.id)))
              }
              data-testid={`pick-${d.id}`}
            >
              <Typography.Text strong>{d.nomineeName}</Typography.Text> - {d.awardTypeName} ({d.unitName}){' '}
              <DossierStatusTag status={d.status} />
            </Checkbox>
          ))}
        </Flex>
      )}
    </Modal>
  );
}

function VoteGrid({ meeting, editable }: { meeting: CouncilMeeting; editable: boolean }) {
  const { t } = useCouncilsTranslation();
  const { message } = App.useApp();
  const record = useRecordVote(meeting.id);
  const secret = meeting.method === 'secret_ballot';
  const voters = meeting.members.filter((m) => m.votes);
  async function cast(m: MeetingMember, dossierId: string, choice: VoteChoice) {
    try {
      await record.mutateAsync({
        body: { dossierId, personId: m.personId, choice, inWriting: m.present !== true },
        idempotencyKey: newIdempotencyKey(),
      });
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }
  const cell = (m: MeetingMember, p: ProposalTally) => {
    if (secret) {
      if (meeting.ballotsCast.some((b) => b.personId === m.personId && b.dossierId === p.dossier.id))
        return <Tag color="blue">{t('councils.meeting.voted')}</Tag>;
    } else {
      const v = meeting.votes.find((x) => x.personId === m.personId && x.dossierId === p.dossier.id);
      if (v)
        return (
          <Tag color={v.choice === 'for' ? 'green' : v.choice === 'against' ? 'red' : 'default'}>
            {t(`councils.choice.${v.choice}`)}
            {v.inWriting ? ` (${t('councils.meeting.inWriting')})` : ''}
          </Tag>
        );
    }
    if (!editable) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <ChoiceButtons
        testId={`vote-${m.personId}-${p.dossier.id}`}
        disabled={record.isPending}
        onChoose={(c) => void cast(m, p.dossier.id, c)}
      />
    );
  };
  const columns: TableColumnsType<MeetingMember> = [
    {
      title: t('councils.fields.person'),
      dataIndex: 'fullName',
      fixed: 'left',
      width: 220,
      render: (n: string, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{n}</Typography.Text>
          <Typography.Text type="secondary">
            {m.present === true
              ? t('councils.meeting.present')
              : `${t('councils.meeting.absent')} · ${t('councils.meeting.inWriting')}`}
          </Typography.Text>
        </Space>
      ),
    },
    ...meeting.proposals.map((p) => ({
      title: `${p.dossier.nomineeName} - ${p.dossier.awardTypeName}`,
      key: p.dossier.id,
      render: (_: unknown, m: MeetingMember) => cell(m, p),
    })),
  ];
  return (
    <Card title={t('councils.meeting.votes')}>
      <Typography.Paragraph type="secondary">
        {meeting.status === 'planned'
          ? t('councils.meeting.votesNotOpen')
          : secret
            ? t('councils.meeting.votesHintSecret')
            : t('councils.meeting.votesHintOpen')}
      </Typography.Paragraph>
      <Table
        rowKey="personId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={voters}
        scroll={{ x: true }}
        data-testid="vote-grid"
      />
    </Card>
  );
}

/** The signed-in member's own ballot on each proposal (a voting member of the council). */
function MyVotes({ meeting, member }: { meeting: CouncilMeeting; member: MeetingMember }) {
  const { t } = useCouncilsTranslation();
  const { message } = App.useApp();
  const cast = useMyVote(meeting.id);
  const secret = meeting.method === 'secret_ballot';
  const voted = (dossierId: string) =>
    secret
      ? meeting.ballotsCast.some((b) => b.personId === member.personId && b.dossierId === dossierId)
      : meeting.votes.some((v) => v.personId === member.personId && v.dossierId === dossierId);
  async function send(dossierId: string, choice: VoteChoice) {
    try {
      await cast.mutateAsync({
        body: { dossierId, choice, inWriting: member.present !== true },
        idempotencyKey: newIdempotencyKey(),
      });
      void message.success(t('councils.meeting.voteRecorded'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }
  return (
    <Card title={t('councils.meeting.myVotes')} data-testid="my-votes">
      <Flex vertical gap={8}>
        {meeting.proposals.map((p) => (
          <Flex key={p.dossier.id} justify="space-between" align="center" wrap gap={8}>
            <Typography.Text>
              <Typography.Text strong>{p.dossier.nomineeName}</Typography.Text> - {p.dossier.awardTypeName}
            </Typography.Text>
            {voted(p.dossier.id) ? (
              <Tag color="blue">{t('councils.meeting.voted')}</Tag>
            ) : (
              <ChoiceButtons
                testId={`my-vote-${p.dossier.id}`}
                disabled={cast.isPending}
                onChoose={(c) => void send(p.dossier.id, c)}
              />
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function Tally({ meeting }: { meeting: CouncilMeeting }) {
  const { t } = useCouncilsTranslation();
  const r = meeting.rules;
  const columns: TableColumnsType<ProposalTally> = [
    {
      title: t('councils.meeting.nominee'),
      key: 'nominee',
      render: (_: unknown, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.dossier.nomineeName}</Typography.Text>
          <Typography.Text type="secondary">{p.dossier.awardTypeName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('councils.meeting.for'), dataIndex: 'votesFor', width: 90, align: 'right' },
    { title: t('councils.meeting.against'), dataIndex: 'votesAgainst', width: 110, align: 'right' },
    { title: t('councils.meeting.abstain'), dataIndex: 'votesAbstain', width: 100, align: 'right' },
    {
      title: t('councils.meeting.percentOfAll'),
      key: 'percent',
      width: 260,
      render: (_: unknown, p) => {
        const line = p.threshold * 100;
        return (
          <div data-testid="tally-percent">
            <Typography.Text>
              {p.votesFor}/{r.votingMembers} · {pct(p.percentFor)}
            </Typography.Text>
            <div style={{ position: 'relative' }}>
              <Progress
                percent={p.percentFor}
                showInfo={false}
                status={p.passes ? 'success' : 'normal'}
                strokeColor={p.passes ? undefined : '#faad14'}
              />
              {/* The threshold line: where the votes in favour must reach, of all members. */}
              <div
                title={`${p.thresholdStrict ? '>' : '≥'} ${pct(line)}`}
                style={{ position: 'absolute', top: 0, bottom: 0, left: `${line}%`, borderLeft: '2px dashed #cf1322' }}
              />
            </div>
          </div>
        );
      },
    },
    {
      title: t('councils.meeting.needed'),
      key: 'needed',
      width: 130,
      render: (_: unknown, p) => t('councils.meeting.neededValue', { count: p.votesNeeded, members: r.votingMembers }),
    },
    {
      title: t('councils.meeting.result'),
      key: 'result',
      width: 160,
      render: (_: unknown, p) =>
        p.result ? (
          p.result === 'passed' ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="tally-result">
              {t('councils.meeting.passed')}
            </Tag>
          ) : (
            <Tag color="error" icon={<CloseCircleOutlined />} data-testid="tally-result">
              {t('councils.meeting.failed')}
            </Tag>
          )
        ) : p.passes ? (
          <Tag color="green" data-testid="tally-result">
            {t('councils.meeting.passing')}
          </Tag>
        ) : (
          <Tag color="orange" data-testid="tally-result">
            {t('councils.meeting.failing')}
          </Tag>
        ),
    },
  ];
  return (
    <Card title={t('councils.meeting.tally')} data-testid="tally">
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Tag color={r.quorumMet ? 'success' : 'error'} data-testid="quorum-tag">
            {r.quorumMet ? t('councils.meeting.quorumMet') : t('councils.meeting.quorumNotMet')}
          </Tag>
          <Typography.Text>
            {t('councils.meeting.quorum', {
              present: r.presentMembers,
              members: r.votingMembers,
              required: r.quorumRequired,
            })}
          </Typography.Text>
        </Space>
        <Typography.Text>
          {t('councils.meeting.threshold', {
            op: r.thresholdStrict ? t('councils.meeting.opStrict') : t('councils.meeting.opInclusive'),
            percent: pct(r.threshold * 100),
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {r.frozen ? t('councils.meeting.rulesFrozen') : t('councils.meeting.rulesPreview')}
        </Typography.Text>
      </Flex>
      <Table
        rowKey={(p) => p.dossier.id}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={meeting.proposals}
        data-testid="tally-table"
      />
    </Card>
  );
}

export function MeetingView({ meetingId }: { meetingId: string }) {
  const { t } = useCouncilsTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const query = useMeeting(meetingId);
  const open = useOpenVoting(meetingId);
  const close = useCloseMeeting(meetingId);
  const [picking, setPicking] = useState(false);
  const meeting = query.data;
  const manage = meeting ? can('council.manage', { unitId: meeting.authorityUnitId }) : false;
  const { user } = useSession();
  const me = meeting?.members.find((m) => m.votes && user?.personId && m.personId === user.personId);

  if (query.isLoading) return <Skeleton active />;
  if (query.isError || !meeting) return <Alert type="error" showIcon message={problemMessage(query.error)} />;

  const run = (action: typeof open, confirm: string, done: string) =>
    modal.confirm({
      title: confirm,
      okText: t('councils.meeting.confirmOk'),
      onOk: async () => {
        try {
          await action.mutateAsync(undefined);
          void message.success(done);
        } catch (err) {
          void message.error(problemMessage(err));
        }
      },
    });

  const proposalColumns: TableColumnsType<ProposalTally> = [
    {
      title: t('councils.meeting.nominee'),
      key: 'n',
      render: (_: unknown, p) => <Typography.Text strong>{p.dossier.nomineeName}</Typography.Text>,
    },
    { title: t('councils.fields.unit'), key: 'u', render: (_: unknown, p) => p.dossier.unitName },
    { title: t('councils.meeting.awardType'), key: 'a', render: (_: unknown, p) => p.dossier.awardTypeName },
    {
      title: t('councils.meeting.dossierStatus'),
      key: 's',
      width: 160,
      render: (_: unknown, p) => <DossierStatusTag status={p.dossier.status} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={<MeetingTitle meeting={meeting} statusTestId="meeting-status" />}
        extra={
          <Space wrap>
            {manage && meeting.status === 'planned' && (
              <Button
                type="primary"
                onClick={() => run(open, t('councils.meeting.openVotingConfirm'), t('councils.meeting.opened'))}
                data-testid="open-voting"
              >
                {t('councils.meeting.openVoting')}
              </Button>
            )}
            {manage && meeting.status === 'voting' && (
              <Button
                type="primary"
                danger
                onClick={() => run(close, t('councils.meeting.closeConfirm'), t('councils.meeting.closed'))}
                data-testid="close-meeting"
              >
                {t('councils.meeting.close')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadMinutes(meeting).catch((e: unknown) => message.error(problemMessage(e)))}
              data-testid="minutes-download"
            >
              {meeting.status === 'closed' ? t('councils.meeting.minutes') : t('councils.meeting.minutesDraft')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('councils.fields.campaign')}>{meeting.campaignTitle}</Descriptions.Item>
          <Descriptions.Item label={t('councils.fields.heldAt')}>{formatDateTime(meeting.heldAt)}</Descriptions.Item>
          <Descriptions.Item label={t('councils.fields.place')}>{meeting.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('councils.fields.method')}>
            {t(`councils.method.${meeting.method}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('councils.fields.chair')}>{meeting.chairName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('councils.fields.secretary')}>{meeting.secretaryName ?? '—'}</Descriptions.Item>
          {meeting.minutesNumber && (
            <Descriptions.Item label={t('councils.fields.minutesNumber')}>{meeting.minutesNumber}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Attendance
        key={`${meeting.id}-${meeting.version}`}
        meeting={meeting}
        editable={manage && meeting.status === 'planned'}
      />
      <Card
        title={t('councils.meeting.proposals')}
        extra={
          manage &&
          meeting.status === 'planned' && (
            <Button onClick={() => setPicking(true)} data-testid="pick-proposals">
              {t('councils.meeting.pickProposals')}
            </Button>
          )
        }
      >
        <Table
          rowKey={(p) => p.dossier.id}
          size="small"
          pagination={false}
          columns={proposalColumns}
          dataSource={meeting.proposals}
          locale={{ emptyText: t('councils.meeting.noProposals') }}
          data-testid="proposals"
        />
      </Card>
      {me && meeting.status === 'voting' && can('council.vote') && <MyVotes meeting={meeting} member={me} />}
      {meeting.proposals.length > 0 && <VoteGrid meeting={meeting} editable={manage && meeting.status === 'voting'} />}
      {meeting.proposals.length > 0 && <Tally meeting={meeting} />}
      {picking && <ProposalPicker meeting={meeting} onClose={() => setPicking(false)} />}
    </Flex>
  );
}
