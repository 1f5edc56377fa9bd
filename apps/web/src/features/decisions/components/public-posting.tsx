/**
 * The public campaign page's "Niêm yết công khai": the list proposed for awards, its period and the
 * working days left, and — while it is open — a form anyone can use to object (name, contact,
 * content, optionally the nominee concerned). Nothing is shown when the campaign has no posting.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { OBJECTION_LIMITS, type PublicNominee } from '@thidua/contract';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { SearchSelect } from '../../../components/search-select.tsx';
import { usePublicPosting, useSendObjection } from '../api/public-posting.ts';
import { useDecisionsTranslation } from '../locales/register.ts';
import { dmy } from './format.ts';

interface Values {
  name: string;
  contact: string;
  content: string;
  dossierId?: string;
}

export function PublicPostingSection({ campaignId }: { campaignId: string }) {
  const { t } = useDecisionsTranslation();
  const posting = usePublicPosting(campaignId);
  if (posting.isPending || posting.data === null) return null;
  if (posting.isError) return <Alert type="error" showIcon title={problemMessage(posting.error)} />;
  const p = posting.data;
  return (
    <Card title={t('decisions.public.title')} data-testid="public-posting">
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('decisions.public.period', {
            from: dmy(p.startsOn),
            to: dmy(p.endsOn),
            days: p.workingDays,
            authority: p.authorityName,
          })}{' '}
          {p.open ? (
            <Tag color="processing">{t('decisions.posting.daysLeft', { count: p.daysLeft })}</Tag>
          ) : (
            <Tag>{t('decisions.posting.ended')}</Tag>
          )}
        </Typography.Paragraph>
        <Table<PublicNominee>
          rowKey="dossierId"
          size="small"
          pagination={false}
          dataSource={p.nominees}
          columns={[
            { title: t('decisions.columns.index'), width: 60, render: (_v, _r, i) => i + 1 },
            { title: t('decisions.columns.nominee'), dataIndex: 'nomineeName' },
            { title: t('decisions.columns.unit'), dataIndex: 'unitName' },
            { title: t('decisions.columns.award'), dataIndex: 'awardTypeName' },
          ]}
        />
        {p.open ? (
          <ObjectionForm postingId={p.id} nominees={p.nominees} />
        ) : (
          <Typography.Text type="secondary">{t('decisions.public.closed')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function ObjectionForm({ postingId, nominees }: { postingId: string; nominees: PublicNominee[] }) {
  const { t } = useDecisionsTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = useSendObjection(postingId);
  async function submit(values: Values) {
    setError(null);
    try {
      await send.mutateAsync({
        name: values.name.trim(),
        contact: values.contact.trim(),
        content: values.content.trim(),
        ...(values.dossierId ? { dossierId: values.dossierId } : {}),
      });
      form.resetFields();
      setSent(true);
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }
  return (
    <section aria-labelledby="objection-form-title">
      <Typography.Title level={5} id="objection-form-title">
        {t('decisions.public.formTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('decisions.public.formIntro')}</Typography.Paragraph>
      {sent && (
        <Alert
          type="success"
          showIcon
          title={t('decisions.public.sent')}
          style={{ marginBottom: 12 }}
          data-testid="objection-sent"
          closable
          onClose={() => setSent(false)}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="objection" style={{ maxWidth: 640 }}>
        <Form.Item
          name="name"
          label={t('decisions.public.name')}
          rules={[{ required: true, whitespace: true, message: t('decisions.public.nameRequired') }]}
        >
          <Input maxLength={OBJECTION_LIMITS.name} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('decisions.public.contact')}
          extra={t('decisions.public.contactHelp')}
          rules={[{ required: true, whitespace: true, min: 3, message: t('decisions.public.contactRequired') }]}
        >
          <Input maxLength={OBJECTION_LIMITS.contact} />
        </Form.Item>
        <Form.Item name="dossierId" label={t('decisions.public.nominee')}>
          <SearchSelect
            allowClear
            placeholder={t('decisions.public.wholeList')}
            options={nominees.map((n) => ({ value: n.dossierId, label: `${n.nomineeName} — ${n.awardTypeName}` }))}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('decisions.public.content')}
          rules={[{ required: true, whitespace: true, min: 10, message: t('decisions.public.contentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={OBJECTION_LIMITS.content} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="objection-submit">
          {t('decisions.public.submit')}
        </Button>
      </Form>
    </section>
  );
}
