/**
 * A dossier's documents, read-only: each present document with its source and a download link,
 * and (when `showMissing`) the required ones still missing. `extra` renders actions per kind (the
 * dossier page adds upload / draft buttons there).
 */
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dossier, DossierDocumentKind } from '@thidua/contract';
import type { ReactNode } from 'react';
import { downloadFile } from '../../lib/download.ts';
import { problemMessage } from '../../lib/problem.ts';
import { useDossierSharedTranslation } from './dossier-texts.ts';

type Props = {
  dossier: Pick<Dossier, 'documents' | 'missingDocuments'>;
  /** Also list the required documents not yet present. */
  showMissing?: boolean;
  /** Actions shown beside each kind (e.g. upload / draft on the dossier page). */
  extra?: (kind: DossierDocumentKind) => ReactNode;
  /** The kinds to list even when neither present nor required (e.g. all draftable kinds). */
  kinds?: readonly DossierDocumentKind[];
};

export function DossierDocuments({ dossier, showMissing = true, extra, kinds }: Props) {
  const { t } = useDossierSharedTranslation();
  const { message } = App.useApp();
  const present = new Map(dossier.documents.map((d) => [d.kind, d]));
  const listed: DossierDocumentKind[] = [];
  for (const k of [
    ...(kinds ?? []),
    ...dossier.documents.map((d) => d.kind),
    ...(showMissing ? dossier.missingDocuments : []),
  ]) {
    if (!listed.includes(k)) listed.push(k);
  }
  if (listed.length === 0) return <Typography.Text type="secondary">{t('dossierShared.noDocuments')}</Typography.Text>;
  return (
    <List
      size="small"
      bordered
      dataSource={listed}
      renderItem={(kind) => {
        const doc = present.get(kind);
        return (
          <List.Item
            data-testid={`dossier-document-${kind}`}
            actions={extra ? [<span key="extra">{extra(kind)}</span>] : []}
          >
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{t(`dossierShared.documentKind.${kind}`)}</Typography.Text>
              {doc ? (
                <Space size={4} wrap>
                  <Tag color={doc.source === 'drafted' ? 'blue' : 'green'}>
                    {t(`dossierShared.source.${doc.source}`)}
                  </Tag>
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      void downloadFile(`/files/${encodeURIComponent(doc.file.id)}/content`, doc.file.name).catch(
                        (e: unknown) => message.error(problemMessage(e)),
                      )
                    }
                  >
                    {doc.file.name}
                  </Button>
                </Space>
              ) : (
                <Tag color="red">{t('dossierShared.missing')}</Tag>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
