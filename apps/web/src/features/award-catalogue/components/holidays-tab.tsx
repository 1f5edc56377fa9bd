/** Public holidays by year: working-day counts (reception times, posting periods) skip them besides weekends. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PublicHoliday } from '@thidua/contract';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useDeleteHoliday, useHolidays, usePutHoliday } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { actionsColumn, CatalogueTable, DeleteRowButton } from './catalogue-table.tsx';

const DATE_FORMAT = 'DD/MM/YYYY';

export function HolidaysTab({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useAwardCatalogueTranslation();
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
      <CatalogueTable<PublicHoliday>
        error={holidays.error}
        rowKey="date"
        loading={holidays.isLoading}
        dataSource={holidays.data?.items ?? []}
        columns={[
          {
            title: t('awardCatalogue.holidays.date'),
            dataIndex: 'date',
            render: (d: string) => `${formatDate(d)} (${weekday(d)})`,
          },
          { title: t('awardCatalogue.holidays.name'), dataIndex: 'name' },
          ...actionsColumn<PublicHoliday>(canManage, t('awardCatalogue.actions'), (r) => (
            <DeleteRowButton onDelete={() => remove.mutateAsync(r.date)} />
          )),
        ]}
      />
      {adding && <HolidayModal year={year} onClose={() => setAdding(false)} />}
    </>
  );
}

function HolidayModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const put = usePutHoliday();
  return (
    <FormDialog<{ date: Dayjs; name: string }>
      title={t('awardCatalogue.holidays.addTitle')}
      okText={t('awardCatalogue.save')}
      cancelText={t('awardCatalogue.cancel')}
      saving={put.isPending}
      savedMessage={t('awardCatalogue.saved')}
      onSubmit={(v) => put.mutateAsync({ date: v.date.format('YYYY-MM-DD'), name: v.name })}
      onClose={onClose}
      initialValues={{ date: dayjs(`${year}-01-01`) }}
    >
      <Form.Item name="date" label={t('awardCatalogue.holidays.date')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="name" label={t('awardCatalogue.holidays.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}
