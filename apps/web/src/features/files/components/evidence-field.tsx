/**
 * Evidence files of one record: the attached files (each downloadable, and removable when the
 * record is editable) and, when editable, an upload button whose files each get a real progress
 * bar while their bytes leave the browser. A refused file (413 too large, 415 not an allowed type)
 * stays in the list with the server's reason until dismissed.
 *
 * The component only uploads; attaching is the record's business: `onAdd` hands the stored file to
 * the parent, which puts its id in the record's `fileIds` and saves the record.
 */
import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { CloseOutlined, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { FILE_ACCEPT } from '@thidua/contract';
import type { FileInfo } from '@thidua/contract';
import type { EvidenceSlotProps } from '../../../components/file-slots.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { uploadFile } from '../api/upload-file.ts';
import { useDownloadEvidence } from '../api/download-file.ts';
import { useFilesTranslation } from '../locales/register.ts';
import { formatFileSize } from '../utils/file-size.ts';

export interface EvidenceFieldProps extends EvidenceSlotProps {
  /** The "no files yet" line in the words of the record (default: files.none). */
  emptyText?: string;
}

interface Transfer {
  uid: string;
  name: string;
  percent: number;
  error: string | null;
}

export function EvidenceField({
  files,
  onAdd,
  onRemove,
  ownerUnitId,
  disabled,
  uploadLabel,
  hideEmpty,
  emptyText,
  testId,
}: EvidenceFieldProps) {
  const { t } = useFilesTranslation();
  const { message } = App.useApp();
  const download = useDownloadEvidence();
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const editable = Boolean(onAdd) && !disabled;

  // Leaving the page cancels what is still uploading: nobody would attach the result.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const c of running.values()) c.abort();
    };
  }, []);

  const patch = (uid: string, change: Partial<Transfer>) =>
    setTransfers((list) => list.map((x) => (x.uid === uid ? { ...x, ...change } : x)));
  const drop = (uid: string) => setTransfers((list) => list.filter((x) => x.uid !== uid));

  const customRequest: UploadProps['customRequest'] = ({ file }) => {
    const f = file as File & { uid: string };
    const controller = new AbortController();
    controllers.current.set(f.uid, controller);
    setTransfers((list) => [...list, { uid: f.uid, name: f.name, percent: 0, error: null }]);
    uploadFile(f, {
      unitId: ownerUnitId,
      signal: controller.signal,
      onProgress: (percent) => patch(f.uid, { percent }),
    })
      .then((stored) => {
        drop(f.uid);
        onAdd?.(stored);
      })
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') drop(f.uid);
        else patch(f.uid, { error: problemMessage(err) });
      })
      .finally(() => controllers.current.delete(f.uid));
  };

  async function save(file: FileInfo) {
    try {
      await download.mutateAsync(file);
    } catch (err) {
      void message.error(t('files.downloadFailed', { message: problemMessage(err) }));
    }
  }

  return (
    <div data-testid={testId}>
      {files.length === 0 && transfers.length === 0 && !hideEmpty && !editable && (
        <Typography.Text type="secondary" data-testid="no-files">
          {emptyText ?? t('files.none')}
        </Typography.Text>
      )}
      {files.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="attached-files">
          {files.map((f) => (
            <li key={f.id} data-testid="attached-file">
              <Flex align="center" gap={4} wrap>
                <PaperClipOutlined aria-hidden />
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 2, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => void save(f)}
                  aria-label={t('files.download', { name: f.name })}
                >
                  {f.name}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({formatFileSize(f.size)})
                </Typography.Text>
                {onRemove && !disabled && (
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('files.remove', { name: f.name })}
                    title={t('files.remove', { name: f.name })}
                    onClick={() => onRemove(f.id)}
                  />
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {transfers.map((x) => (
        <div key={x.uid} data-testid={x.error ? 'upload-failed' : 'upload-progress'} style={{ marginTop: 4 }}>
          <Flex align="center" gap={8}>
            <Typography.Text ellipsis style={{ maxWidth: 320 }} type={x.error ? 'danger' : undefined}>
              {x.error ? t('files.failed', { name: x.name }) : x.name}
            </Typography.Text>
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={x.error ? t('files.dismiss') : t('files.cancel')}
              title={x.error ? t('files.dismiss') : t('files.cancel')}
              onClick={() => (x.error ? drop(x.uid) : controllers.current.get(x.uid)?.abort())}
            />
          </Flex>
          {x.error ? (
            <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 13 }}>
              {x.error}
            </Typography.Text>
          ) : (
            <Progress
              percent={x.percent}
              size="small"
              status="active"
              aria-label={t('files.uploading', { name: x.name })}
            />
          )}
        </div>
      ))}
      {editable && (
        <div style={{ marginTop: 6 }}>
          <Upload accept={FILE_ACCEPT} multiple showUploadList={false} customRequest={customRequest}>
            <Button icon={<UploadOutlined />} size="small">
              {uploadLabel ?? t('files.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
            {t('files.uploadHint')}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
