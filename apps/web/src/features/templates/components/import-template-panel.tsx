/**
 * "Nhập tệp mẫu phong trào (.json)" with its explanation: the file is read in the browser and sent as it is; the server checks it.
 * When it refuses, every problem is listed with the place it points at, in words ("Tiêu chuẩn thứ
 * 4 (mã 1.2.a.8) › Ngưỡng") and as the JSON pointer, so the author can fix the file.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, List, Typography, Upload } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { CampaignTemplateRecord } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey, type ApiFieldError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useImportTemplate } from '../api/import-template.ts';
import { describePointer, fieldProblemText } from '../utils/pointer.ts';

const MAX_BYTES = 5 * 1024 * 1024;

interface Failure {
  fileName: string;
  message: string;
  errors: ApiFieldError[];
  doc: unknown;
}

export function ImportTemplatePanel({ onImported }: { onImported?: (record: CampaignTemplateRecord) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportTemplate();
  const [failure, setFailure] = useState<Failure | null>(null);

  async function handle(file: File) {
    setFailure(null);
    if (file.size > MAX_BYTES) {
      setFailure({ fileName: file.name, message: t('campaigns.templates.import.tooLarge'), errors: [], doc: null });
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      setFailure({ fileName: file.name, message: t('campaigns.templates.import.notJson'), errors: [], doc: null });
      return;
    }
    try {
      // A new key per file read: the same file chosen again is a new attempt, not a replay.
      const record = await importer.mutateAsync({ document: doc, idempotencyKey: newIdempotencyKey() });
      void message.success(t('campaigns.templates.import.done', { name: record.name }));
      onImported?.(record);
    } catch (err) {
      setFailure({ fileName: file.name, message: problemMessage(err), errors: isApiError(err) ? err.errors : [], doc });
    }
  }

  return (
    <div>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Typography.Text type="secondary" style={{ maxWidth: 640 }}>
          {t('campaigns.templates.import.hint')}
        </Typography.Text>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void handle(file);
            return false; // read here, never posted as multipart
          }}
        >
          <Button icon={<ImportOutlined />} loading={importer.isPending} data-testid="template-import">
            {t('campaigns.templates.import.button')}
          </Button>
        </Upload>
      </Flex>
      {failure && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          style={{ marginTop: 12 }}
          title={t('campaigns.templates.import.failed', { file: failure.fileName })}
          data-testid="template-import-errors"
          description={
            <div>
              <Typography.Paragraph style={{ marginBottom: failure.errors.length ? 8 : 0 }}>
                {failure.message}
              </Typography.Paragraph>
              {failure.errors.length > 0 && (
                <List
                  size="small"
                  dataSource={failure.errors}
                  renderItem={(e) => (
                    <List.Item style={{ paddingInline: 0 }}>
                      <div>
                        <Typography.Text strong>{describePointer(e.field, failure.doc)}</Typography.Text>
                        {': '}
                        {fieldProblemText(e)}
                        <div>
                          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                            {e.field || '/'}
                          </Typography.Text>
                        </div>
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </div>
          }
        />
      )}
    </div>
  );
}
