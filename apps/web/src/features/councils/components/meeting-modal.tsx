/**
 * "Tổ chức cuộc họp" (POST /councils/:id/meetings): a launched campaign of the council's authority,
 * the time and place, the voting method, the chair and the secretary among the members. Opens the
 * meeting's page once created.
 */
import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { Council, CouncilMeeting, CreateMeetingBody, VotingMethod } from '@thidua/contract';
import { useCreateDialog } from '../../../lib/use-create-dialog.ts';
import { useAuthorityCampaigns, useCreateMeeting } from '../api/councils.ts';
import { useCouncilsTranslation } from '../locales/register.ts';
import { SearchSelect } from '../../../components/search-select.tsx';

interface Values {
  campaignId: string;
  heldAt: Dayjs;
  place: string;
  method: VotingMethod;
  chairPersonId: string;
  secretaryPersonId: string;
}

/**
 * The office usually records a meeting held today: now, down to the quarter hour (never ahead of
 * now, as voting does not open on a meeting whose time has not come).
 */
function nowToQuarterHour() {
  const now = dayjs();
  return now
    .minute(now.minute() - (now.minute() % 15))
    .second(0)
    .millisecond(0);
}

export function MeetingModal({ council, onClose }: { council: Council; onClose: () => void }) {
  const { t } = useCouncilsTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const dialog = useCreateDialog(form, onClose);
  const create = useCreateMeeting();
  const campaigns = useAuthorityCampaigns(council.authorityUnitId, true);
  const chair = council.members.find((m) => m.role === 'chair');
  const secretary = council.members.find((m) => m.role === 'secretary');
  const memberOptions = council.members.map((m) => ({
    value: m.personId,
    label: `${m.fullName} - ${t(`councils.role.${m.role}`)}`,
  }));
  let created: CouncilMeeting | null = null;
  return (
    <Modal
      open
      width={640}
      title={t('councils.meetingForm.title')}
      onCancel={dialog.close}
      confirmLoading={create.isPending}
      data-testid="meeting-modal"
      onOk={() =>
        void dialog
          .save(
            (v): CreateMeetingBody => ({
              campaignId: v.campaignId,
              heldAt: v.heldAt.toISOString(),
              place: v.place ?? '',
              method: v.method,
              chairPersonId: v.chairPersonId,
              secretaryPersonId: v.secretaryPersonId,
            }),
            async (body, idempotencyKey) => {
              created = await create.mutateAsync({ councilId: council.id, body, idempotencyKey });
            },
            t('councils.meetingForm.saved'),
          )
          .then(() => {
            if (created) void navigate({ to: '/hoi-dong/cuoc-hop/$meetingId', params: { meetingId: created.id } });
          })
      }
      destroyOnHidden
    >
      {dialog.error && <Alert type="error" showIcon message={dialog.error} style={{ marginBottom: 12 }} />}
      {campaigns.data && campaigns.data.length === 0 && (
        <Alert type="warning" showIcon message={t('councils.meetingForm.noCampaigns')} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          method: 'show_of_hands',
          heldAt: nowToQuarterHour(),
          chairPersonId: chair?.personId,
          secretaryPersonId: secretary?.personId,
        }}
      >
        <Form.Item name="campaignId" label={t('councils.fields.campaign')} rules={[{ required: true }]}>
          <SearchSelect
            data-testid="meeting-campaign"
            loading={campaigns.isLoading}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
        </Form.Item>
        <Form.Item name="heldAt" label={t('councils.fields.heldAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
        </Form.Item>
        <Form.Item name="place" label={t('councils.fields.place')} rules={[{ max: 300 }]}>
          <Input data-testid="meeting-place" />
        </Form.Item>
        <Form.Item name="method" label={t('councils.fields.method')} rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="show_of_hands">{t('councils.method.show_of_hands')}</Radio>
            <Radio value="secret_ballot">{t('councils.method.secret_ballot')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="chairPersonId" label={t('councils.fields.chair')} rules={[{ required: true }]}>
          <Select options={memberOptions} />
        </Form.Item>
        <Form.Item name="secretaryPersonId" label={t('councils.fields.secretary')} rules={[{ required: true }]}>
          <Select options={memberOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
