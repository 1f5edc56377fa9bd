/**
 * The file widget for a record that holds only file ids (a campaign's attachments): it reads each
 * file's name and size (GET /files/:id) and shows them with the evidence widget — the same list,
 * downloads, upload with progress and refusal messages. It is an antd form control: `value` is the
 * ids in order, `onChange` (present = editable) receives the new list when a file is uploaded or
 * removed; the record saves the list itself.
 */
import { useRef } from 'react';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { FileInfo } from '@thidua/contract';
import type { AttachmentsSlotProps } from '../../../components/file-slots.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { fileKeys, useFilesByIds } from '../api/get-file.ts';
import { useFilesTranslation } from '../locales/register.ts';
import { EvidenceField } from './evidence-field.tsx';

export interface FileIdsFieldProps extends AttachmentsSlotProps {
  /** Owner unit sent with uploads (see POST /files); omitted = the uploader's own unit or the authority. */
  ownerUnitId?: string | null;
}

const NO_IDS: readonly string[] = [];

export function FileIdsField({
  value = NO_IDS,
  onChange,
  ownerUnitId,
  disabled,
  uploadLabel,
  emptyText,
  testId,
}: FileIdsFieldProps) {
  const { t } = useFilesTranslation();
  const qc = useQueryClient();
  const results = useFilesByIds(value);
  // Two uploads may finish before the parent re-renders with the first one's list: each change
  // starts from the latest list handed out, not from the render's `value`.
  const latest = useRef(value);
  latest.current = value;
  const editable = Boolean(onChange) && !disabled;

  const change = (ids: string[]) => {
    latest.current = ids;
    onChange?.(ids);
  };
  const add = (file: FileInfo) => {
    qc.setQueryData(fileKeys.detail(file.id), file);
    if (!latest.current.includes(file.id)) change([...latest.current, file.id]);
  };
  const remove = (id: string) => change(latest.current.filter((x) => x !== id));

  const files = results.flatMap((r) => (r.data ? [r.data] : []));
  const pending = value.filter((_, i) => results[i]?.isPending);
  const failed = value.flatMap((id, i) => (results[i]?.isError ? [{ id, error: results[i].error }] : []));

  return (
    <div data-testid={testId}>
      <EvidenceField
        files={files}
        onAdd={onChange ? add : undefined}
        onRemove={onChange ? remove : undefined}
        ownerUnitId={ownerUnitId}
        disabled={disabled}
        uploadLabel={uploadLabel}
        hideEmpty={value.length > 0}
        emptyText={emptyText}
      />
      {pending.map((id) => (
        <Skeleton.Input
          key={id}
          active
          size="small"
          style={{ display: 'block', width: 240, marginTop: 4 }}
          aria-label={t('files.loading')}
        />
      ))}
      {failed.map(({ id, error }) => (
        <Flex key={id} align="center" gap={4} data-testid="file-unavailable" style={{ marginTop: 4 }}>
          <Typography.Text type="danger">{t('files.unavailable', { message: problemMessage(error) })}</Typography.Text>
          {editable && (
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('files.removeUnavailable')}
              title={t('files.removeUnavailable')}
              onClick={() => remove(id)}
            />
          )}
        </Flex>
      ))}
    </div>
  );
}
