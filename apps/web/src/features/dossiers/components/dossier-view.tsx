/**
 * One award dossier as the unit prepares it: the header (status, nominee, award type, campaign,
 * receipt number), the reasons of the last return shown prominently, the documents — each with
 * "Tải lên bản ký" (upload the signed copy) and "Soạn tự động" (the system drafts the DOCX, which
 * then downloads) — "Nộp hồ sơ" for the head (or the person) with each refusal spelled out, and
 * the history (submitted, received with its number, returned, the council, the decision).
 * `renderActions` is the slot where the reception desk and forwarding put their buttons.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Timeline, Typography, Upload } from 'antd';
import { DeleteOutlined, FileWordOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import {
  DOSSIER_EDITABLE_STATUSES,
  DRAFTABLE_DOSSIER_DOCUMENTS,
  REQUIRED_DOSSIER_DOCUMENTS,
  type Dossier,
  type DossierDocumentKind,
  type DraftDossierDocumentBody,
} from '@thidua/contract';
import { isApiError } from '../../../lib/api-client.ts';
import { useSession } from '../../../lib/auth.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { canUser } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { DossierDocuments } from '../../../components/dossiers/dossier-documents.tsx';
import { DossierLoader } from '../../../components/dossiers/dossier-loader.tsx';
import { DossierStatusTag } from '../../../components/dossiers/dossier-status-tag.tsx';
import { useDossierSharedTranslation } from '../../../components/dossiers/dossier-texts.ts';
import {
  useDeleteDossier,
  useDossier,
  useDraftDocument,
  usePutDocument,
  useRemoveDocument,
  useSubmitDossier,
  useUpdateDossier,
} from '../api/dossiers.ts';
import { uploadDocumentFile } from '../api/upload.ts';
import { useDossiersTranslation } from '../locales/register.ts';
import { MinutesModal } from './minutes-modal.tsx';

interface Props {
  id: string;
  /** The area where other screens add their actions (reception, forwarding upward). */
  renderActions?: (dossier: Dossier) => ReactNode;
}

export function DossierView({ id, renderActions }: Props) {
  const { t } = useDossiersTranslation();
  const dossier = useDossier(id);
  return (
    <DossierLoader query={dossier} notFound={t('dossiers.view.notFound')}>
      {(d) => <Loaded d={d} renderActions={renderActions} />}
    </DossierLoader>
  );
}

interface Refusal {
  detail: string;
  missing: string[];
}

function Loaded({ d, renderActions }: { d: Dossier; renderActions?: Props['renderActions'] }) {
  const { t } = useDossiersTranslation();
  const shared = useDossierSharedTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const put = usePutDocument();
  const draft = useDraftDocument();
  const remove = useRemoveDocument();
  const submit = useSubmitDossier();
  const update = useUpdateDossier();
  const del = useDeleteDossier();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busyKind, setBusyKind] = useState<DossierDocumentKind | null>(null);
  const [minutesOpen, setMinutesOpen] = useState(false);

  const target = { unitId: d.unitId, personId: d.personId };
  const editable = DOSSIER_EDITABLE_STATUSES.includes(d.status) && canUser(user, 'dossier.write', target);
  const mayDelete = d.status === 'draft' && canUser(user, 'dossier.write', target);
  const maySubmit = DOSSIER_EDITABLE_STATUSES.includes(d.status) && canUser(user, 'dossier.submit', target);
  const kinds: DossierDocumentKind[] = [...REQUIRED_DOSSIER_DOCUMENTS];
  if (d.missingDocuments.includes('initiative') || d.documents.some((x) => x.kind === 'initiative'))
    kinds.push('initiative');
  const label = (k: DossierDocumentKind) => shared.t(`dossierShared.documentKind.${k}`);

  async function onUpload(kind: DossierDocumentKind, file: File) {
    setBusyKind(kind);
    setRefusal(null);
    try {
      const info = await uploadDocumentFile(file);
      await put.mutateAsync({ id: d.id, kind, fileId: info.id });
      void message.success(t('dossiers.view.uploaded'));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setBusyKind(null);
    }
  }

  async function onDraft(kind: DossierDocumentKind, body?: DraftDossierDocumentBody) {
    setBusyKind(kind);
    setRefusal(null);
    try {
      const after = await draft.mutateAsync({ id: d.id, kind, ...(body ? { body } : {}) });
      setMinutesOpen(false);
      void message.success(t('dossiers.view.drafted'));
      const doc = after.documents.find((x) => x.kind === kind);
      if (doc) await downloadFile(`/files/${encodeURIComponent(doc.file.id)}/content`, doc.file.name);
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setBusyKind(null);
    }
  }

  async function onRemove(kind: DossierDocumentKind) {
    try {
      await remove.mutateAsync({ id: d.id, kind });
      void message.success(t('dossiers.view.removed'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  async function onSubmit() {
    setRefusal(null);
    try {
      await submit.mutateAsync({ id: d.id });
      void message.success(t('dossiers.view.submitted'));
    } catch (err) {
      const missing =
        isApiError(err) && err.code === 'dossier.missing_documents'
          ? err.errors.map((e) => label(e.field.replace('/documents/', '') as DossierDocumentKind))
          : [];
      setRefusal({ detail: problemMessage(err), missing });
    }
  }

  async function onAchievement(text: string) {
    if (!text.trim() || text.trim() === d.achievement) return;
    try {
      await update.mutateAsync({ id: d.id, version: d.version, achievement: text.trim() });
      void message.success(t('dossiers.view.saved'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  async function onDelete() {
    try {
      await del.mutateAsync(d.id);
      void message.success(t('dossiers.view.deleted'));
      void navigate({ to: '/ho-so' });
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  const documentActions = (kind: DossierDocumentKind) => {
    if (!editable) return null;
    const present = d.documents.some((x) => x.kind === kind);
    return (
      <Space wrap size={4}>
        <Upload
          accept=".pdf,.docx,.png,.jpg,.jpeg"
          showUploadList={false}
          beforeUpload={(file) => {
            void onUpload(kind, file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={busyKind === kind && put.isPending}
            data-testid={`upload-${kind}`}
          >
            {t('dossiers.view.upload')}
          </Button>
        </Upload>
        {DRAFTABLE_DOSSIER_DOCUMENTS.includes(kind) && (
          <Button
            size="small"
            icon={<FileWordOutlined />}
            loading={busyKind === kind && draft.isPending}
            data-testid={`draft-${kind}`}
            onClick={() => (kind === 'meeting_minutes' ? setMinutesOpen(true) : void onDraft(kind))}
          >
            {t('dossiers.view.draft')}
          </Button>
        )}
        {present && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => void onRemove(kind)}>
            {t('dossiers.view.remove')}
          </Button>
        )}
      </Space>
    );
  };

  const lastReturn = d.returns.at(-1);
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <span data-testid="dossier-nominee">{d.nomineeName}</span>
            <DossierStatusTag status={d.status} />
          </Space>
        }
        extra={
          mayDelete && (
            <Popconfirm title={t('dossiers.view.deleteConfirm')} onConfirm={() => void onDelete()}>
              <Button danger icon={<DeleteOutlined />}>
                {t('dossiers.view.delete')}
              </Button>
            </Popconfirm>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('dossiers.fields.awardType')}>{d.awardTypeName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.nomineeKind')}>
            {t(`dossiers.kind.${d.nomineeKind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.unit')}>{d.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.campaign')}>{d.campaignTitle}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.authority')}>{d.authorityName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.receiptNumber')}>
            <span data-testid="dossier-receipt">{d.receiptNumber ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.fields.achievement')} span={2}>
            <Typography.Paragraph
              style={{ marginBottom: 0 }}
              editable={
                editable
                  ? { onChange: (v) => void onAchievement(v), tooltip: t('dossiers.view.editAchievement') }
                  : false
              }
            >
              {d.achievement}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {d.status === 'returned' && lastReturn && (
        <Alert
          type="warning"
          showIcon
          data-testid="dossier-returned"
          title={t('dossiers.view.returned', { date: formatDateTime(lastReturn.returnedAt) })}
          description={
            <>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {lastReturn.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
              {lastReturn.note && (
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{lastReturn.note}</Typography.Paragraph>
              )}
            </>
          }
        />
      )}
      {d.upward && <Alert type="info" showIcon title={t('dossiers.view.upward')} />}

      <Card title={t('dossiers.view.documents')}>
        <DossierDocuments dossier={d} kinds={kinds} extra={documentActions} />
        {maySubmit && (
          <Flex vertical gap={12} style={{ marginTop: 16 }}>
            {refusal && (
              <Alert
                type="error"
                showIcon
                data-testid="submit-refusal"
                title={t('dossiers.view.submitRefused')}
                description={
                  <>
                    <div>{refusal.detail}</div>
                    {refusal.missing.length > 0 && (
                      <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
                        {refusal.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    )}
                  </>
                }
              />
            )}
            {d.missingDocuments.length > 0 && !refusal && (
              <Typography.Text type="secondary">
                {t('dossiers.view.missing', { list: d.missingDocuments.map(label).join(', ') })}
              </Typography.Text>
            )}
            <div>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                onClick={() => void onSubmit()}
                data-testid="dossier-submit"
              >
                {t('dossiers.view.submit')}
              </Button>
            </div>
          </Flex>
        )}
      </Card>

      {/* ── DossierActions slot: reception (receive / return) and forwarding upward add their buttons here ── */}
      {renderActions?.(d)}

      <Card title={t('dossiers.view.timeline')}>
        <DossierTimeline d={d} />
      </Card>

      <MinutesModal
        open={minutesOpen}
        busy={draft.isPending}
        onCancel={() => setMinutesOpen(false)}
        onDraft={(body) => void onDraft('meeting_minutes', body)}
      />
    </Flex>
  );
}

function DossierTimeline({ d }: { d: Dossier }) {
  const { t } = useDossiersTranslation();
  const items: { at: string | null; text: string; color?: string }[] = [
    { at: d.createdAt, text: t('dossiers.timeline.created') },
  ];
  for (const r of d.returns)
    items.push({
      at: r.returnedAt,
      text: t('dossiers.timeline.returned', { reasons: r.reasons.join('; ') }),
      color: 'orange',
    });
  if (d.submittedAt) items.push({ at: d.submittedAt, text: t('dossiers.timeline.submitted'), color: 'blue' });
  if (d.receivedAt)
    items.push({
      at: d.receivedAt,
      text: t('dossiers.timeline.received', { number: d.receiptNumber ?? '' }),
      color: 'cyan',
    });
  items.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  if (['in_review', 'approved', 'rejected', 'awarded', 'forwarded'].includes(d.status))
    items.push({ at: null, text: t('dossiers.timeline.council'), color: 'purple' });
  if (['approved', 'awarded', 'forwarded'].includes(d.status))
    items.push({ at: null, text: t('dossiers.timeline.approved'), color: 'green' });
  if (d.status === 'rejected') items.push({ at: null, text: t('dossiers.timeline.rejected'), color: 'red' });
  if (d.status === 'awarded' || d.decisionId)
    items.push({ at: null, text: t('dossiers.timeline.awarded'), color: 'gold' });
  if (d.status === 'forwarded') items.push({ at: null, text: t('dossiers.timeline.forwarded'), color: 'geekblue' });
  return (
    <Timeline
      items={items.map((i) => ({
        color: i.color ?? 'gray',
        children: (
          <>
            <Typography.Text>{i.text}</Typography.Text>
            {i.at && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {formatDateTime(i.at)}
              </Typography.Text>
            )}
          </>
        ),
      }))}
    />
  );
}
