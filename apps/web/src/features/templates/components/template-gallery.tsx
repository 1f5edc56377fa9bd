/**
 * The template gallery: bundled and imported templates as cards. Authors create a campaign from a
 * template (the page opens the create dialog), download a template as JSON, import one from a
 * file, and delete imported ones.
 */
import { Alert, App, Button, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, FlagOutlined } from '@ant-design/icons';
import type { CampaignTemplateSummary } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { useDeleteTemplate } from '../api/delete-template.ts';
import { useDownloadTemplate } from '../api/download-template.ts';
import { useTemplates } from '../api/get-templates.ts';
import { ImportTemplatePanel } from './import-template-panel.tsx';

interface Props {
  canAuthor: boolean;
  onUseTemplate: (template: CampaignTemplateSummary) => void;
}

export function TemplateGallery({ canAuthor, onUseTemplate }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirmAction = useConfirmedAction();
  const { data, isPending, isError, error } = useTemplates();
  const remove = useDeleteTemplate();
  const download = useDownloadTemplate();

  function confirmDelete(tp: CampaignTemplateSummary) {
    confirmAction({
      title: t('campaigns.templates.deleteTitle', { name: tp.name }),
      content: t('campaigns.templates.deleteContent'),
      okText: t('campaigns.templates.delete'),
      danger: true,
      run: () => remove.mutateAsync(tp.id),
      doneMessage: t('campaigns.templates.deleted', { name: tp.name }),
    });
  }

  async function save(tp: CampaignTemplateSummary) {
    try {
      await download.mutateAsync(tp.id);
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  return (
    <div>
      {canAuthor && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <ImportTemplatePanel />
        </Card>
      )}
      {isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : isError ? (
        <Alert type="error" showIcon title={problemMessage(error)} />
      ) : data.items.length === 0 ? (
        <Empty description={t('campaigns.templates.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {data.items.map((tp) => (
            <Col xs={24} md={12} xl={8} key={tp.id}>
              <Card
                data-testid={`template-card-${tp.id}`}
                style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
                styles={{ body: { flex: 1 } }}
                title={
                  <Space>
                    <Tag color={tp.source === 'bundled' ? 'red' : 'blue'}>
                      {t(`campaigns.templates.source.${tp.source}`)}
                    </Tag>
                    <span>
                      {t('campaigns.templates.criteriaCount', {
                        count: tp.criteriaCount,
                        formatted: formatNumber(tp.criteriaCount),
                      })}
                    </span>
                  </Space>
                }
                actions={[
                  ...(canAuthor
                    ? [
                        <Button
                          key="use"
                          type="link"
                          icon={<FlagOutlined />}
                          onClick={() => onUseTemplate(tp)}
                          data-testid="template-use"
                        >
                          {t('campaigns.templates.use')}
                        </Button>,
                      ]
                    : []),
                  <Button key="download" type="link" icon={<DownloadOutlined />} onClick={() => void save(tp)}>
                    {t('campaigns.templates.download')}
                  </Button>,
                  ...(canAuthor && tp.source === 'saved'
                    ? [
                        <Button
                          key="delete"
                          type="link"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => confirmDelete(tp)}
                        >
                          {t('campaigns.templates.delete')}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {tp.name}
                </Typography.Title>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 4, expandable: 'collapsible' }}>
                  {tp.description}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{t('campaigns.templates.campaignTitle')}: </Typography.Text>
                  {tp.campaignTitle}
                </Typography.Paragraph>
                {tp.createdAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('campaigns.templates.importedAt', { time: formatDateTime(tp.createdAt) })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
