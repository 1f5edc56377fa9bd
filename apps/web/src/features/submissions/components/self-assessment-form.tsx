/**
 * The self-assessment form: criterion by criterion, grouped as the plan prints them (general, then
 * specific), each saved automatically as the unit types. A slim bar stays on screen with the
 * progress, the save state and the submit button (the head's sign-off, or the person's own). Once
 * submitted the form is read-only with its status; a returned one shows the office's reason first.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Progress, Skeleton, Space, Tag, Typography, theme } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { CRITERION_GROUPS } from '@thidua/contract';
import type { CriterionAnswer, FileInfo, SubmissionAnswer } from '@thidua/contract';
import { isApiError } from '../../../lib/api-client.ts';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSubmission, type SubmissionWithEtag } from '../api/get-submission.ts';
import { useReview } from '../api/get-review.ts';
import { useSubmitSubmission } from '../api/submit-submission.ts';
import { useAutosave } from '../hooks/use-autosave.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { daysUntil } from '../utils/deadline.ts';
import { canEdit, canSubmit, isAuthor, writesSubmissions } from '../utils/permissions.ts';
import { AutosaveIndicator } from './autosave-indicator.tsx';
import { CriterionCard } from './criterion-card.tsx';
import { DeadlineTag } from './deadline-tag.tsx';
import type { EvidenceSlot } from '../../../components/file-slots.ts';
import { SubmissionStatusTag } from './submission-status-tag.tsx';
import { SubmitDialog } from './submit-dialog.tsx';

interface Props {
  submissionId: string;
  /** Each criterion's guidance (from the campaign's criteria), by criterion id. */
  guidance: ReadonlyMap<string, string | null>;
  Evidence: EvidenceSlot;
}

export function SelfAssessmentForm({ submissionId, guidance, Evidence }: Props) {
  const { t } = useSubmissionsTranslation();
  const query = useSubmission(submissionId);
  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        title={notFound ? t('submissions.form.notFound') : problemMessage(query.error)}
        action={!notFound && <Button onClick={() => void query.refetch()}>{t('submissions.form.retry')}</Button>}
      />
    );
  }
  return <LoadedForm initial={query.data} guidance={guidance} Evidence={Evidence} />;
}

function LoadedForm({
  initial,
  guidance,
  Evidence,
}: {
  initial: SubmissionWithEtag;
  guidance: ReadonlyMap<string, string | null>;
  Evidence: EvidenceSlot;
}) {
  const { t } = useSubmissionsTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const { user } = useSession();
  const autosave = useAutosave(initial);
  const s = autosave.submission;
  const editable = canEdit(user, s);
  const submitter = canSubmit(user, s) && (s.status === 'draft' || s.status === 'returned');
  const submit = useSubmitSubmission();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [reloading, setReloading] = useState(false);
  // Once the office has decided (returned or accepted), the unit sees its verdicts and comments.
  const decided = s.status === 'returned' || s.status === 'accepted';
  const reviewQuery = useReview(s.id, decided);
  const reviews = new Map(
    decided && reviewQuery.data ? reviewQuery.data.review.criteria.map((c) => [c.criterionId, c.review]) : [],
  );

  const sections = useMemo(
    () =>
      CRITERION_GROUPS.map((group) => ({ group, items: s.answers.filter((a) => a.group === group) })).filter(
        (x) => x.items.length > 0,
      ),
    [s.answers],
  );
  // Criteria of a group the contract does not know (should not happen) still show, last.
  const others = s.answers.filter((a) => !(CRITERION_GROUPS as readonly string[]).includes(a.group));

  const valueOf = (a: SubmissionAnswer): { answer: CriterionAnswer | null; note: string | null; files: FileInfo[] } => {
    const d = autosave.drafts.get(a.criterionId);
    return {
      answer: d && d.answer !== undefined ? d.answer : a.answer,
      note: d && d.note !== undefined ? d.note : a.note,
      files: d?.fileIds
        ? d.fileIds.map((id) => autosave.fileInfo(id)).filter((f): f is FileInfo => Boolean(f))
        : a.files,
    };
  };

  async function openSubmit() {
    setSubmitError(null);
    setPreparing(true);
    try {
      // The summary must describe what the server holds: send what is still typed first.
      if (!(await autosave.flush())) {
        void message.error(t('submissions.submit.saveFirst'));
        return;
      }
      setDialogOpen(true);
    } finally {
      setPreparing(false);
    }
  }

  async function confirmSubmit() {
    try {
      await submit.mutateAsync(s.id);
      setDialogOpen(false);
      void message.success(t('submissions.submit.done'));
    } catch (err) {
      const codes =
        isApiError(err) && err.code === 'submission.missing_evidence' ? err.errors.map((e) => e.field).join(', ') : '';
      setSubmitError(codes ? `${problemMessage(err)} (${codes})` : problemMessage(err));
    }
  }

  async function reload() {
    setReloading(true);
    try {
      await autosave.reload();
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setReloading(false);
    }
  }

  const p = s.progress;
  const percent = p.criteria ? Math.round((p.answered / p.criteria) * 100) : 0;
  const subject = s.personName
    ? t('submissions.form.subjectPerson', { person: s.personName, unit: s.unitName })
    : s.unitName;
  const firstSubmitTooLate = s.status === 'draft' && daysUntil(s.deadline) < 0;

  const renderCard = (a: SubmissionAnswer) => (
    <CriterionCard
      key={a.criterionId}
      answer={a}
      value={valueOf(a)}
      guidance={guidance.get(a.criterionId)}
      editable={editable && autosave.status.kind !== 'conflict'}
      pending={autosave.drafts.has(a.criterionId)}
      ownerUnitId={s.unitId}
      Evidence={Evidence}
      review={reviews.get(a.criterionId) ?? null}
      onAnswer={(answer) => autosave.change(a.criterionId, { answer })}
      onNote={(note) => autosave.change(a.criterionId, { note })}
      onAddFile={(file) => {
        autosave.rememberFile(file);
        autosave.updateFiles(a.criterionId, (ids) => (ids.includes(file.id) ? ids : [...ids, file.id]));
      }}
      onRemoveFile={(fileId) => autosave.updateFiles(a.criterionId, (ids) => ids.filter((x) => x !== fileId))}
    />
  );

  return (
    <div data-testid="self-assessment-form">
      {/* Back to where the reader came from: the unit's campaigns, or the office's review of this one. */}
      {writesSubmissions(user) ? (
        <Link to="/cua-toi" style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('submissions.form.back')}
        </Link>
      ) : (
        <Link
          to="/phong-trao/$campaignId/tu-danh-gia/$submissionId"
          params={{ campaignId: s.campaignId, submissionId: s.id }}
          style={{ display: 'inline-block', marginBottom: 8 }}
        >
          <ArrowLeftOutlined /> {t('submissions.form.backToReview')}
        </Link>
      )}
      <PageHeader
        title={
          <Space align="center" wrap>
            <span>{t(s.target === 'individual' ? 'submissions.form.titleIndividual' : 'submissions.form.title')}</span>
            <SubmissionStatusTag status={s.status} />
          </Space>
        }
        subtitle={
          <>
            <span data-testid="campaign-title">{s.campaignTitle}</span>
            <br />
            <Typography.Text strong>{subject}</Typography.Text>
          </>
        }
      />

      <Flex vertical gap={12}>
        {s.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            data-testid="return-reason"
            title={
              <Typography.Text strong>
                {t('submissions.form.returnedTitle', { time: formatDateTime(s.returnedAt) })}
              </Typography.Text>
            }
            description={
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, marginBottom: 0 }}>
                {s.returnReason}
              </Typography.Paragraph>
            }
          />
        )}
        {s.status === 'submitted' && (
          <Alert
            type="info"
            showIcon
            data-testid="submitted-banner"
            title={t('submissions.form.submittedBanner', {
              time: formatDateTime(s.submittedAt),
              by: s.submittedByName ?? '—',
              version: s.versionCount,
            })}
          />
        )}
        {s.status === 'accepted' && (
          <Alert
            type="success"
            showIcon
            title={t('submissions.form.acceptedBanner', { time: formatDateTime(s.acceptedAt) })}
            description={
              s.reviewComment ? t('submissions.form.reviewComment', { comment: s.reviewComment }) : undefined
            }
          />
        )}
        {firstSubmitTooLate && isAuthor(user, s) && (
          <Alert type="error" showIcon title={t('submissions.form.deadlinePassed', { date: formatDate(s.deadline) })} />
        )}
        {autosave.status.kind === 'conflict' && (
          <Alert
            type="error"
            showIcon
            data-testid="autosave-conflict"
            title={t('submissions.autosave.conflictTitle')}
            description={t('submissions.autosave.conflictText')}
            action={
              <Button icon={<ReloadOutlined />} loading={reloading} onClick={() => void reload()}>
                {t('submissions.autosave.reload')}
              </Button>
            }
          />
        )}
        {autosave.status.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('submissions.autosave.failedTitle')}
            description={autosave.status.message}
            action={
              <Space orientation="vertical">
                <Button size="small" onClick={() => void autosave.flush()}>
                  {t('submissions.autosave.retry')}
                </Button>
                <Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={() => void reload()}>
                  {t('submissions.autosave.reload')}
                </Button>
              </Space>
            }
          />
        )}

        {/* Stays in view while scrolling through the criteria. */}
        <Card
          size="small"
          style={{ position: 'sticky', top: 0, zIndex: 5, boxShadow: token.boxShadowTertiary }}
          data-testid="form-toolbar"
        >
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Flex align="center" gap={16} wrap style={{ flex: 1, minWidth: 280 }}>
              <div style={{ minWidth: 220, flex: 1, maxWidth: 380 }}>
                <Typography.Text style={{ fontSize: 13 }} data-testid="progress-text">
                  {t('submissions.progress.answeredOf', {
                    done: formatNumber(p.answered),
                    total: formatNumber(p.criteria),
                  })}
                </Typography.Text>
                <Progress
                  percent={percent}
                  size="small"
                  showInfo={false}
                  aria-label={t('submissions.progress.answered')}
                />
              </div>
              <Space size={[6, 4]} wrap>
                <Tag color="green">{t('submissions.progress.met', { count: p.met })}</Tag>
                {p.evidenceMissing.length > 0 ? (
                  <Tag color="red">
                    {t('submissions.progress.evidenceMissing', { count: p.evidenceMissing.length })}
                  </Tag>
                ) : (
                  <Tag>{t('submissions.progress.withEvidence', { count: p.withEvidence })}</Tag>
                )}
                {(s.status === 'draft' || s.status === 'returned') && (
                  <DeadlineTag deadline={s.deadline} extended={s.deadlineExtended} />
                )}
              </Space>
            </Flex>
            <Flex align="center" gap={12} wrap>
              {editable && (
                <AutosaveIndicator
                  status={autosave.status}
                  onRetry={() => void autosave.flush()}
                  onReload={() => void reload()}
                />
              )}
              {submitter ? (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={preparing}
                  disabled={autosave.status.kind === 'conflict'}
                  onClick={() => void openSubmit()}
                  data-testid="submit-button"
                >
                  {t(s.status === 'returned' ? 'submissions.submit.buttonAgain' : 'submissions.submit.button')}
                </Button>
              ) : (
                editable &&
                s.personId === null && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('submissions.submit.headOnly')}
                  </Typography.Text>
                )
              )}
            </Flex>
          </Flex>
        </Card>

        {s.answers.length === 0 && (
          <Card>
            <Empty description={t('submissions.form.noCriteria')} />
          </Card>
        )}
        {sections.map(({ group, items }) => (
          <section key={group} data-testid={`criteria-group-${group}`} aria-labelledby={`group-${group}`}>
            <Typography.Title level={4} id={`group-${group}`} style={{ margin: '8px 0 12px' }}>
              {t(`submissions.groups.${group}`)} ({formatNumber(items.length)})
            </Typography.Title>
            <Flex vertical gap={12}>
              {items.map(renderCard)}
            </Flex>
          </section>
        ))}
        {others.length > 0 && (
          <Flex vertical gap={12}>
            {others.map(renderCard)}
          </Flex>
        )}
      </Flex>

      <SubmitDialog
        open={dialogOpen}
        submission={s}
        submitting={submit.isPending}
        error={submitError}
        onConfirm={() => void confirmSubmit()}
        onCancel={() => setDialogOpen(false)}
      />
    </div>
  );
}
