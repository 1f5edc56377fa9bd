/** Public holidays by year: working-day counts (reception times, posting periods) skip them besides weekends. */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PublicHoliday } from '@thidua/contract';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { formatDate } from '../../../lib/format.ts';
import { useDeleteHoliday, useHolidays, usePutHoliday } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';

const DATE_FORMAT = 'DD/MM/YYYY';

export function HolidaysTab({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useAwardCatalogueTranslation();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const holidays = useHolidays(year);
  const remove = useDeleteHoliday();
  const weekday = (d: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long' }).format(
      new Date(`${d}T12:00:00+07:00`),
    );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('awardCatalogue.holidays.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('awardCatalogue.holidays.year')}</span>
        <Select
          aria-label={t('awardCatalogue.holidays.year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[-2, -1, 0, 1, 2].map((d) => ({ value: thisYear + d, label: String(thisYear + d) }))}
        />
        {canManage && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('awardCatalogue.add')}
          </Button>
        )}
      </Space>
      {holidays.error ? (
        <Alert type="error" showIcon message={problemMessage(holidays.error)} />
      ) : (
        <Table<PublicHoliday>
          rowKey="date"
          size="middle"
          loading={holidays.isLoading}
          dataSource={holidays.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('awardCatalogue.empty') }}
          columns={[
            {
              title: t('awardCatalogue.holidays.date'),
              dataIndex: 'date',
              render: (d: string) => `${formatDate(d)} (${weekday(d)})`,
            },
            { title: t('awardCatalogue.holidays.name'), dataIndex: 'name' },
            ...(canManage
              ? [
                  {
                    title: t('awardCatalogue.actions'),
                    key: 'actions',
                    render: (_: unknown, r: PublicHoliday) => (
                      <Popconfirm
                        title={t('awardCatalogue.confirmDelete')}
                        onConfirm={() =>
                          remove.mutateAsync(r.date).then(
                            () => void message.success(t('awardCatalogue.deleted')),
                            (err: unknown) => void message.error(problemMessage(err)),
                          )
                        }
                      >
                        <Button size="small" danger>
                          {t('awardCatalogue.delete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {adding && <HolidayModal year={year} onClose={() => setAdding(false)} />}
    </>
  );
}

function HolidayModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; name: string }>();
  const [error, setError] = useState<string | null>(null);
  const put = usePutHoliday();
  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await put.mutateAsync({ date: v.date.format('YYYY-MM-DD'), name: v.name });
      void message.success(t('awardCatalogue.saved'));
      onClose();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }
  return (
    <Modal
      open
      title={t('awardCatalogue.holidays.addTitle')}
      okText={t('awardCatalogue.save')}
      cancelText={t('awardCatalogue.cancel')}
      onOk={save}
      confirmLoading={put.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(`${year}-01-01`) }}>
        <Form.Item name="date" label={t('awardCatalogue.holidays.date')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="name" label={t('awardCatalogue.holidays.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
