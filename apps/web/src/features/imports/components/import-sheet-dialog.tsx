/**
 * Importing units or staff from a sheet: download the template, choose the filled-in file, see it
 * checked row by row (a dry run: nothing written), then import it — all rows or none. A sheet with
 * errors lists each with its row and column, as the server reported them, so the person can fix the
 * file and choose it again.
 */
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Spin, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportChange, ImportReport, ImportRowError } from '@thidua/contract';
import { problemMessage } from '../../../lib/problem.ts';
import { downloadImportTemplate, useImportSheet, type ImportKind } from '../api/import-sheet.ts';
import { useImportsTranslation } from '../locales/register.ts';

interface Props {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
  /** After rows were written: the page refreshes what it shows. */
  onImported: (report: ImportReport) => void;
}

export function ImportSheetDialog({ kind, open, onClose, onImported }: Props) {
  const { t } = useImportsTranslation();
  const { message } = App.useApp();
  const check = useImportSheet();
  const commit = useImportSheet();
  const [file, setFile] = useState<File | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [templateError, setTemplateError] = useState<unknown>(null);

  function choose(chosen: File) {
    setFile(chosen);
    commit.reset();
    check.mutate({ kind, file: chosen, dryRun: true });
    return false; // the file is sent by the check, not by antd's uploader
  }

  function close() {
    setFile(null);
    check.reset();
    commit.reset();
    setTemplateError(null);
    onClose();
  }

  async function importIt() {
    if (!file) return;
    const report = await commit.mutateAsync({ kind, file, dryRun: false }).catch(() => null);
    if (!report) return;
    if (report.committed) {
      void message.success(
        t('imports.done', { created: report.created, updated: report.updated, unchanged: report.unchanged }),
      );
      onImported(report);
      close();
    } else {
      // The data changed between the check and the import (a code taken meanwhile): show why.
      check.reset();
    }
  }

  const report = commit.data && !commit.data.committed ? commit.data : check.data;
  const failure = commit.error ?? check.error;
  const ready = report && report.errors.length === 0 && report.total > 0 && !commit.isPending;

  return (
    <Modal
      open={open}
      title={t(`imports.title.${kind}`)}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('actions.cancel')}</Button>
          <Button
            type="primary"
            disabled={!ready}
            loading={commit.isPending}
            onClick={() => void importIt()}
            data-testid="import-submit"
          >
            {t('imports.submit', { total: report?.total ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('imports.step1', { what: t(`imports.what.${kind}`) })}
          </Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => {
              setTemplateError(null);
              setDownloading(true);
              downloadImportTemplate(kind)
                .catch(setTemplateError)
                .finally(() => setDownloading(false));
            }}
            data-testid="import-template"
          >
            {t('imports.template')}
          </Button>
          {templateError ? (
            <Alert type="error" showIcon style={{ marginTop: 8 }} title={problemMessage(templateError)} />
          ) : null}
        </div>
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('imports.step2')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={choose}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
        </div>
        {check.isPending && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('imports.checking')}</Typography.Text>
          </Space>
        )}
        {failure ? <Alert type="error" showIcon title={problemMessage(failure)} data-testid="import-failure" /> : null}
        {report && !check.isPending && <ImportReportView report={report} />}
      </Space>
    </Modal>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useImportsTranslation();
  const ignored =
    report.ignoredColumns.length > 0 ? (
      <Typography.Text type="secondary">
        {t('imports.ignored', { columns: report.ignoredColumns.join(', ') })}
      </Typography.Text>
    ) : null;
  if (report.errors.length === 0) {
    return (
      <div data-testid="import-report">
        <Alert
          type="success"
          showIcon
          title={t('imports.valid', { total: report.total })}
          description={
            <>
              {t('imports.validDetail', {
                created: report.created,
                updated: report.updated,
                unchanged: report.unchanged,
              })}
              {ignored && <br />}
              {ignored}
            </>
          }
        />
        {report.changes.length > 0 && <ImportChangesView changes={report.changes} />}
      </div>
    );
  }
  return (
    <div data-testid="import-report">
      <Alert
        type="error"
        showIcon
        title={t('imports.invalid', { count: report.errors.length })}
        description={t('imports.invalidDetail')}
        style={{ marginBottom: 8 }}
      />
      <Table<ImportRowError>
        size="small"
        rowKey={(e) => `${e.row}:${e.field ?? ''}:${e.code}`}
        dataSource={report.errors}
        pagination={report.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { title: t('imports.row'), dataIndex: 'row', width: 70 },
          { title: t('imports.field'), dataIndex: 'field', width: 180, render: (f?: string) => f ?? '—' },
          { title: t('imports.problem'), dataIndex: 'message' },
        ]}
      />
      {ignored}
    </div>
  );
}

/** The existing records the import would overwrite, field by field: what a person must see before importing. */
function ImportChangesView({ changes }: { changes: ImportChange[] }) {
  const { t } = useImportsTranslation();
  const value = (v: string | null) => v ?? t('imports.empty');
  return (
    <div data-testid="import-changes" style={{ marginTop: 8 }}>
      <Alert
        type="warning"
        showIcon
        title={t('imports.changesTitle', { count: changes.length })}
        style={{ marginBottom: 8 }}
      />
      <Table<ImportChange>
        size="small"
        rowKey={(c) => `${c.row}`}
        dataSource={changes}
        pagination={changes.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { title: t('imports.row'), dataIndex: 'row', width: 70 },
          { title: t('imports.record'), dataIndex: 'record', width: 220 },
          {
            title: t('imports.change'),
            key: 'fields',
            render: (_: unknown, c: ImportChange) =>
              c.fields.map((f) => (
                <div key={f.field}>
                  <Typography.Text strong>{f.field}</Typography.Text>:{' '}
                  <Typography.Text delete>{value(f.before)}</Typography.Text>
                  {' → '}
                  {value(f.after)}
                </div>
              )),
          },
        ]}
      />
    </div>
  );
}
