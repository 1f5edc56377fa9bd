/**
 * One award decision. A draft: the office edits the subject, the grounds (a line each), the
 * recipients, the fund and the awardees, and sees each awardee's bonus and the total; the leader
 * issues it ("Ban hành": the number is taken on issue; a reason is asked when the posting has not
 * ended or never took place). Issued: read-only, the DOCX and the signed scan.
 */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Skeleton,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import {
  DownloadOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Awardee, Decision, FileInfo, SigningCapacity } from '@thidua/contract';
import { isApiError } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { useCan } from '../../../lib/permissions.ts';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import {
  downloadDecisionDocx,
  useAttachSignedFile,
  useDecision,
  useIssueDecision,
  useUpdateDecision,
} from '../api/decisions.ts';
import { useDecisionsTranslation } from '../locales/register.ts';
import { DecisionStatusTag } from './decisions-list.tsx';
import { dmy, todayInVietnam, vnd } from './format.ts';

type Upload = (file: File) => Promise<FileInfo>;

export function DecisionView({ decisionId, upload }: { decisionId: string; upload: Upload }) {
  const { t } = useDecisionsTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const query = useDecision(decisionId);
  const [issuing, setIssuing] = useState(false);
  if (query.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (query.isError)
    return (
      <Alert
        type={isApiError(query.error) && query.error.status === 404 ? 'warning' : 'error'}
        showIcon
        title={
          isApiError(query.error) && query.error.status === 404
            ? t('decisions.decision.notFound')
            : problemMessage(query.error)
        }
      />
    );
  const d = query.data;
  const target = { unitId: d.authorityUnitId };
  const draft = d.status === 'draft';
  const mayEdit = draft && can('decision.draft', target);
  const mayIssue = draft && can('decision.issue', target);

  return (
    <Flex vertical gap={16} data-testid="decision-page">
      <Card>
        <Flex justify="space-between" wrap gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="decision-number">
              {d.number ? t('decisions.decision.numbered', { number: d.number }) : t('decisions.decision.draftTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {d.authorityName} · {d.campaignTitle}
            </Typography.Text>
            <div style={{ marginTop: 8 }}>
              <DecisionStatusTag status={d.status} />
              {d.decidedOn && (
                <Typography.Text>{t('decisions.decision.decidedOn', { date: dmy(d.decidedOn) })}</Typography.Text>
              )}
            </div>
          </div>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadDecisionDocx(d).catch((e: unknown) => void message.error(problemMessage(e)))}
              data-testid="decision-docx"
            >
              {t('decisions.decision.docx')}
            </Button>
            {mayIssue && (
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                onClick={() => setIssuing(true)}
                data-testid="decision-issue"
              >
                {t('decisions.issue.button')}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>
      {draft && <PostingNotice decision={d} />}
      {mayEdit ? <DraftForm decision={d} /> : <ReadOnlyText decision={d} />}
      <AwardeesCard decision={d} editable={mayEdit} />
      {!draft && <SignedScanCard decision={d} upload={upload} mayAttach={can('decision.issue', target)} />}
      {issuing && <IssueModal decision={d} onClose={() => setIssuing(false)} />}
    </Flex>
  );
}

function PostingNotice({ decision: d }: { decision: Decision }) {
  const { t } = useDecisionsTranslation();
  if (!d.posting) return <Alert type="warning" showIcon title={t('decisions.notice.noPosting')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d.posting.open ? (
        <Alert type="warning" showIcon title={t('decisions.notice.postingOpen', { date: dmy(d.posting.endsOn) })} />
      ) : (
        <Alert type="success" showIcon title={t('decisions.notice.postingEnded', { date: dmy(d.posting.endsOn) })} />
      )}
      {d.posting.openObjectionCount > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('decisions.notice.objections', { count: d.posting.openObjectionCount })}
        />
      )}
    </Space>
  );
}

interface DraftValues {
  subject: string;
  grounds: string[];
  recipients: string[];
  fundSource: string;
}

function DraftForm({ decision: d }: { decision: Decision }) {
  const { t } = useDecisionsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftValues>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateDecision();
  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    try {
      const clean = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
      await update.mutateAsync({
        decision: d,
        body: {
          subject: values.subject.trim(),
          grounds: clean(values.grounds),
          recipients: clean(values.recipients),
          fundSource: values.fundSource.trim(),
        },
      });
      void message.success(t('decisions.decision.saved'));
    } catch (err) {
      if (isApiError(err) && err.status === 412) setError(t('decisions.decision.stale'));
      else setError(applyProblemToForm(form, err));
    }
  }
  const lines = (name: 'grounds' | 'recipients', label: string) => (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          <Flex vertical gap={6}>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={6} align="start">
                <Form.Item {...f} noStyle>
                  <Input.TextArea autoSize aria-label={`${label} ${i + 1}`} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('decisions.actions.removeLine')}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>
              {t('decisions.actions.addLine')}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
  return (
    <Card
      title={t('decisions.decision.content')}
      extra={
        <Button type="primary" loading={update.isPending} onClick={() => void save()} data-testid="decision-save">
          {t('decisions.actions.save')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        key={d.version}
        initialValues={{ subject: d.subject, grounds: d.grounds, recipients: d.recipients, fundSource: d.fundSource }}
      >
        <Form.Item name="subject" label={t('decisions.fields.subject')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize maxLength={1000} />
        </Form.Item>
        {lines('grounds', t('decisions.fields.grounds'))}
        <Form.Item name="fundSource" label={t('decisions.fields.fundSource')}>
          <Input maxLength={500} />
        </Form.Item>
        {lines('recipients', t('decisions.fields.recipients'))}
      </Form>
    </Card>
  );
}

function ReadOnlyText({ decision: d }: { decision: Decision }) {
  const { t } = useDecisionsTranslation();
  return (
    <Card title={t('decisions.decision.content')}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('decisions.fields.subject')}>{d.subject}</Descriptions.Item>
        <Descriptions.Item label={t('decisions.fields.grounds')}>
          {d.grounds.map((g, i) => (
            <div key={i}>
              <em>{g}</em>
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('decisions.fields.fundSource')}>{d.fundSource}</Descriptions.Item>
        <Descriptions.Item label={t('decisions.fields.recipients')}>
          {d.recipients.map((r, i) => (
            <div key={i}>- {r}</div>
          ))}
        </Descriptions.Item>
        {d.signerName && (
          <Descriptions.Item label={t('decisions.fields.signer')}>
            {t(`decisions.capacity.${d.signingCapacity}`)} — {d.signerName}
          </Descriptions.Item>
        )}
        {d.earlyIssueReason && (
          <Descriptions.Item label={t('decisions.fields.earlyIssueReason')}>{d.earlyIssueReason}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function AwardeesCard({ decision: d, editable }: { decision: Decision; editable: boolean }) {
  const { t } = useDecisionsTranslation();
  const { message } = App.useApp();
  const update = useUpdateDecision();
  async function remove(id: string) {
    try {
      await update.mutateAsync({
        decision: d,
        body: { dossierIds: d.awardees.map((a) => a.dossier.id).filter((x) => x !== id) },
      });
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }
  return (
    <Card
      title={t('decisions.awardees.title', { count: d.awardees.length })}
      extra={
        <Typography.Text type="secondary">
          {d.baseSalary === null
            ? t('decisions.awardees.noBaseSalary')
            : t('decisions.awardees.baseSalary', { amount: vnd(d.baseSalary), step: vnd(d.roundingStep) })}
        </Typography.Text>
      }
    >
      <Table<Awardee>
        rowKey={(a) => a.dossier.id}
        size="small"
        pagination={false}
        dataSource={d.awardees}
        data-testid="awardees"
        columns={[
          { title: t('decisions.columns.index'), width: 60, render: (_v, _a, i) => i + 1 },
          { title: t('decisions.columns.nominee'), render: (_v, a) => a.dossier.nomineeName },
          { title: t('decisions.columns.unit'), render: (_v, a) => a.dossier.unitName },
          { title: t('decisions.columns.award'), render: (_v, a) => a.dossier.awardTypeName },
          {
            title: t('decisions.columns.coefficient'),
            align: 'right',
            render: (_v, a) => String(a.coefficient).replace('.', ','),
          },
          { title: t('decisions.columns.amount'), align: 'right', render: (_v, a) => vnd(a.amount) },
          ...(editable && d.awardees.length > 1
            ? [
                {
                  title: '',
                  render: (_v: unknown, a: Awardee) => (
                    <Button
                      size="small"
                      type="link"
                      danger
                      loading={update.isPending}
                      onClick={() => void remove(a.dossier.id)}
                    >
                      {t('decisions.awardees.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              <Typography.Text strong>{t('decisions.awardees.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong data-testid="awardees-total">
                {vnd(d.total)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function SignedScanCard({
  decision: d,
  upload,
  mayAttach,
}: {
  decision: Decision;
  upload: Upload;
  mayAttach: boolean;
}) {
  const { t } = useDecisionsTranslation();
  const { message } = App.useApp();
  const attach = useAttachSignedFile();
  const [busy, setBusy] = useState(false);
  async function send(file: File) {
    setBusy(true);
    try {
      const info = await upload(file);
      await attach.mutateAsync({ id: d.id, fileId: info.id });
      void message.success(t('decisions.signed.saved'));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('decisions.signed.title')}>
      <Flex gap={12} align="center" wrap>
        {d.signedFile ? (
          <Button
            type="link"
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(`/files/${encodeURIComponent(d.signedFile!.id)}/content`, d.signedFile!.name).catch(
                (e: unknown) => message.error(problemMessage(e)),
              )
            }
          >
            {d.signedFile.name}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('decisions.signed.none')}</Typography.Text>
        )}
        {mayAttach && (
          <Upload
            accept="application/pdf,image/*"
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {d.signedFile ? t('decisions.signed.replace') : t('decisions.signed.upload')}
            </Button>
          </Upload>
        )}
      </Flex>
    </Card>
  );
}

interface IssueValues {
  decidedOn: string;
  signerName: string;
  signingCapacity: SigningCapacity;
  earlyIssueReason?: string;
}

function IssueModal({ decision: d, onClose }: { decision: Decision; onClose: () => void }) {
  const { t } = useDecisionsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const [error, setError] = useState<string | null>(null);
  const issue = useIssueDecision();
  const decidedOn = Form.useWatch('decidedOn', form) ?? todayInVietnam();
  const today = todayInVietnam();
  const postingNotOver = d.posting ? d.posting.endsOn >= decidedOn || d.posting.endsOn >= today : false;
  const needsReason = !d.posting || postingNotOver;
  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    try {
      const issued = await issue.mutateAsync({
        decision: d,
        body: {
          decidedOn: values.decidedOn,
          signerName: values.signerName.trim(),
          signingCapacity: values.signingCapacity,
          ...(needsReason && values.earlyIssueReason?.trim()
            ? { earlyIssueReason: values.earlyIssueReason.trim() }
            : {}),
        },
      });
      void message.success(t('decisions.issue.done', { number: issued.number }));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 412) setError(t('decisions.decision.stale'));
      else setError(applyProblemToForm(form, err));
    }
  }
  return (
    <Modal
      open
      title={t('decisions.issue.title')}
      okText={t('decisions.issue.confirm')}
      cancelText={t('decisions.actions.cancel')}
      okButtonProps={{ loading: issue.isPending, 'data-testid': 'issue-confirm' } as ButtonProps}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('decisions.issue.numberNote')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decidedOn: today, signerName: d.signerName, signingCapacity: d.signingCapacity }}
      >
        <Form.Item name="decidedOn" label={t('decisions.fields.decidedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="signingCapacity" label={t('decisions.fields.signingCapacity')} rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="own">{t('decisions.capacity.own')}</Radio>
            <Radio value="deputy">{t('decisions.capacity.deputy')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="signerName"
          label={t('decisions.fields.signerName')}
          rules={[{ required: true, whitespace: true, message: t('decisions.issue.signerRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {needsReason && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                d.posting
                  ? t('decisions.issue.postingNotOver', { date: dmy(d.posting.endsOn) })
                  : t('decisions.issue.neverPosted')
              }
            />
            <Form.Item
              name="earlyIssueReason"
              label={t('decisions.fields.earlyIssueReason')}
              rules={[{ required: true, whitespace: true, message: t('decisions.issue.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
