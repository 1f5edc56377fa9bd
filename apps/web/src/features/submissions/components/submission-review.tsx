/**
 * A self-assessment as the standing office reviews it: who sent it and when, the return reason or
 * acceptance, the answers with their evaluations and evidence beside the review per criterion
 * (verdict, score, comment; the return/accept decision while it waits), and the comparison of its
 * submitted versions.
 */
import { useState, type ReactNode } from 'react';
import type { Submission } from '@thidua/contract';
import { Alert, Card, Descriptions, Skeleton, Space, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSubmission } from '../api/get-submission.ts';
import { useReview, type ReviewWithEtag } from '../api/get-review.ts';
import { useReviewAutosave } from '../hooks/use-review-autosave.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { canConfirmReview, canReviewSubmission, canScoreSubmission } from '../utils/permissions.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';
import { ReviewActions } from './review-actions.tsx';
import { ReviewSummary, ReviewTable, useAcceptBlocked } from './review-scores.tsx';
import { SubmissionStatusTag } from './submission-status-tag.tsx';
import { VersionCompare } from './version-compare.tsx';

export function SubmissionReview({
  campaignId,
  submissionId,
  Evidence,
}: {
  campaignId: string;
  submissionId: string;
  Evidence: EvidenceSlot;
}) {
  const { t } = useSubmissionsTranslation();
  const query = useSubmission(submissionId);
  const reviewQuery = useReview(submissionId);
  const back = (
    <Link
      to="/phong-trao/$campaignId/tu-danh-gia"
      params={{ campaignId }}
      style={{ display: 'inline-block', marginBottom: 8 }}
    >
      <ArrowLeftOutlined /> {t('submissions.review.back')}
    </Link>
  );

  if (query.isPending || reviewQuery.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  const error = query.error ?? reviewQuery.error;
  if (error) {
    return (
      <div>
        {back}
        <Alert
          type="error"
          showIcon
          title={isApiError(error) && error.status === 404 ? t('submissions.form.notFound') : problemMessage(error)}
        />
      </div>
    );
  }
  if (!query.data || !reviewQuery.data) return null;
  return <LoadedReview submission={query.data.submission} review={reviewQuery.data} back={back} Evidence={Evidence} />;
}

function LoadedReview({
  submission: s,
  review,
  back,
  Evidence,
}: {
  submission: Submission;
  review: ReviewWithEtag;
  back: ReactNode;
  Evidence: EvidenceSlot;
}) {
  const { t } = useSubmissionsTranslation();
  const { user } = useSession();
  const [tab, setTab] = useState<'answers' | 'versions'>('answers');
  const autosave = useReviewAutosave(review);
  const acceptBlocked = useAcceptBlocked(autosave);
  const can = {
    score: canScoreSubmission(user, s),
    decide: canReviewSubmission(user, s),
    confirm: canConfirmReview(user, s),
    userId: user?.id ?? null,
  };
  const p = s.progress;
  return (
    <div data-testid="submission-review">
      {back}
      <PageHeader
        title={
          <Space wrap>
            <span>{s.personName ?? s.unitName}</span>
            <SubmissionStatusTag status={s.status} />
          </Space>
        }
        subtitle={s.campaignTitle}
        extra={
          s.status === 'submitted' &&
          can.decide && <ReviewActions submission={s} acceptBlocked={acceptBlocked} beforeOpen={autosave.flush} />
        }
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {s.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            title={t('submissions.review.returnedAt', { time: formatDateTime(s.returnedAt) })}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{s.returnReason}</span>}
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
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('submissions.list.unit')}>
              {s.unitName} ({s.unitCode})
            </Descriptions.Item>
            <Descriptions.Item label={t('submissions.list.target')}>
              {t(`submissions.target.${s.target}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('submissions.list.submittedAt')}>
              {s.submittedAt
                ? `${formatDateTime(s.submittedAt)}${s.submittedByName ? ` · ${s.submittedByName}` : ''}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('submissions.list.progress')}>
              {t('submissions.progress.answeredOf', {
                done: formatNumber(p.answered),
                total: formatNumber(p.criteria),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('submissions.review.results')}>
              {t('submissions.list.results', { met: p.met, notMet: p.notMet, review: p.needsReview })}
            </Descriptions.Item>
            <Descriptions.Item label={t('submissions.list.deadline')}>
              {formatDate(s.deadline)}
              {s.deadlineExtended && ` ${t('submissions.list.extended')}`}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <ReviewSummary submission={s} autosave={autosave} can={can} acceptBlocked={acceptBlocked} />
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as typeof tab)}
            items={[
              {
                key: 'answers',
                label: t('submissions.review.tabAnswers'),
                children: <ReviewTable submission={s} autosave={autosave} editable={can.score} Evidence={Evidence} />,
              },
              {
                key: 'versions',
                label: t('submissions.review.tabVersions', { count: s.versionCount }),
                children: <VersionCompare submissionId={s.id} />,
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
