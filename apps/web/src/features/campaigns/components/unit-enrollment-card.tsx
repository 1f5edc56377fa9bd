/**
 * "Đăng ký thi đua" for a unit officer or head: their unit's enrolment in this campaign — the
 * commitment already registered, or the button to register while the campaign is open.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, FlagOutlined } from '@ant-design/icons';
import type { Campaign } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useParticipants } from '../api/get-participants.ts';
import { EnrollmentModal, type EnrollmentTarget } from './enrollment-modal.tsx';

interface Props {
  campaign: Pick<Campaign, 'id' | 'status'>;
  /** The units the user officers or heads. */
  unitIds: readonly string[];
}

export function UnitEnrollmentCard({ campaign, unitIds }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<EnrollmentTarget | null>(null);
  // Unit roles see only their own units in this list, so one page holds them.
  const { data, isPending, isError, error } = useParticipants(campaign.id, { page: 1, pageSize: 100 });
  const open = campaign.status === 'open';
  const mine = (data?.items ?? []).filter((p) => unitIds.includes(p.unitId));

  return (
    <Card title={t('campaigns.enrolment.title')} size="small" data-testid="unit-enrolment">
      {isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : isError ? (
        <Alert type="error" showIcon title={problemMessage(error)} />
      ) : mine.length === 0 ? (
        <Typography.Text type="secondary">{t('campaigns.enrolment.notParticipant')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {mine.map((p) => (
            <div key={p.unitId}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text strong>{p.unitName}</Typography.Text>
                {p.enrollment ? (
                  <Tag color="green" icon={<CheckCircleOutlined />}>
                    {t('campaigns.participants.enrolledTag')}
                  </Tag>
                ) : (
                  <Tag>{t('campaigns.participants.notEnrolledTag')}</Tag>
                )}
              </Flex>
              {p.enrollment ? (
                <div style={{ marginTop: 8 }}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {p.enrollment.commitment}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('campaigns.enrolment.enrolledOn', {
                      time: formatDateTime(p.enrollment.enrolledAt),
                      by: p.enrollment.enrolledByName ?? '—',
                    })}
                  </Typography.Text>
                  {open && (
                    <div style={{ marginTop: 8 }}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setTarget({ mode: 'edit', enrollment: p.enrollment! })}
                      >
                        {t('campaigns.enrolment.edit')}
                      </Button>
                    </div>
                  )}
                </div>
              ) : open ? (
                <Button
                  type="primary"
                  icon={<FlagOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() => setTarget({ mode: 'create', unitId: p.unitId, unitName: p.unitName })}
                  data-testid="enrol-button"
                >
                  {t('campaigns.enrolment.button')}
                </Button>
              ) : (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('campaigns.enrolment.notOpen')}
                </Typography.Paragraph>
              )}
            </div>
          ))}
        </Flex>
      )}
      <EnrollmentModal campaignId={campaign.id} target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
