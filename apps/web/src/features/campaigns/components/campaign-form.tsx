/**
 * The campaign's fields: number and title, the issuing authority, dates, participants, the plan's
 * text, the signer and the attached files (the signed plan …). A draft changes freely; once open or
 * closed only the number, issue date, deadlines and attachments (the rest is shown disabled, with
 * the reason); finalized or archived, nothing. Attached files are uploaded at once and saved with
 * the plan, as the list `attachmentFileIds`.
 * Saves only what changed, with the ETag read with the campaign (412 → reload and say so).
 */
import { useMemo } from 'react';
import { Alert, Button, Checkbox, Col, DatePicker, Divider, Form, Input, Row, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { UNIT_KINDS } from '@thidua/contract';
import type {
  Campaign,
  CampaignParticipants,
  CampaignSigner,
  Unit,
  UnitKind,
  UpdateCampaignBody,
} from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../lib/api-client.ts';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useSaveCampaign } from '../hooks/use-save-campaign.ts';
import { editScope, isFieldEditable } from '../utils/campaign.ts';
import { DATE_FORMAT, fromDateOnly, toDateOnly } from '../utils/dates.ts';
import type { AttachmentsSlot } from '../../../components/file-slots.ts';
import { UnitMultiSelect } from './unit-multi-select.tsx';
import { StickyFormFooter } from '../../../components/sticky-form-footer.tsx';

/** Plan items edited as one paragraph a line. */
const LINE_FIELDS = [
  'purposes',
  'requirements',
  'participantsText',
  'awardProvisions',
  'implementation',
  'recipients',
] as const;
type LineField = (typeof LINE_FIELDS)[number];

interface Values {
  number: string;
  title: string;
  authorityUnitId: string | null;
  issuedOn: Dayjs | null;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  submissionDeadline: Dayjs | null;
  dossierDeadline: Dayjs | null;
  participants: { kinds: UnitKind[]; unitIds: string[]; individualsTakePart: boolean };
  authorityHeading: string;
  place: string;
  legalBasis: string;
  purposes: string;
  requirements: string;
  participantsText: string;
  contents: { collective: string; individual: string };
  awardProvisions: string;
  implementation: string;
  closing: string;
  signer: { onBehalfOf: string; title: string; name: string };
  recipients: string;
  attachmentFileIds: string[];
}

const toText = (lines: readonly string[]) => lines.join('\n');
const toLines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function toValues(c: Campaign): Values {
  return {
    number: c.number,
    title: c.title,
    authorityUnitId: c.authorityUnitId,
    issuedOn: fromDateOnly(c.issuedOn),
    startsOn: fromDateOnly(c.startsOn),
    endsOn: fromDateOnly(c.endsOn),
    submissionDeadline: fromDateOnly(c.submissionDeadline),
    dossierDeadline: fromDateOnly(c.dossierDeadline),
    participants: {
      kinds: [...c.participants.kinds],
      unitIds: [...c.participants.unitIds],
      individualsTakePart: c.participants.individualsTakePart,
    },
    authorityHeading: c.authorityHeading ?? '',
    place: c.place ?? '',
    legalBasis: c.legalBasis,
    purposes: toText(c.purposes),
    requirements: toText(c.requirements),
    participantsText: toText(c.participantsText),
    contents: { collective: toText(c.contents.collective), individual: toText(c.contents.individual) },
    awardProvisions: toText(c.awardProvisions),
    implementation: toText(c.implementation),
    closing: c.closing,
    signer: { onBehalfOf: c.signer.onBehalfOf ?? '', title: c.signer.title, name: c.signer.name },
    recipients: toText(c.recipients),
    attachmentFileIds: [...c.attachmentFileIds],
  };
}

/** Only the fields that changed and may change in this status. */
function campaignChanges(before: Campaign, v: Values): UpdateCampaignBody {
  const scope = editScope(before.status);
  const body: UpdateCampaignBody = {};
  const can = (f: keyof UpdateCampaignBody) => isFieldEditable(scope, f);
  if (can('number') && v.number.trim() !== before.number) body.number = v.number.trim();
  if (can('title') && v.title.trim() !== before.title) body.title = v.title.trim();
  if (can('authorityUnitId') && v.authorityUnitId && v.authorityUnitId !== before.authorityUnitId)
    body.authorityUnitId = v.authorityUnitId;
  if (can('issuedOn') && toDateOnly(v.issuedOn) !== before.issuedOn) body.issuedOn = toDateOnly(v.issuedOn);
  for (const f of ['startsOn', 'endsOn', 'submissionDeadline'] as const) {
    const d = toDateOnly(v[f]);
    if (can(f) && d && d !== before[f]) body[f] = d;
  }
  if (can('dossierDeadline') && toDateOnly(v.dossierDeadline) !== before.dossierDeadline)
    body.dossierDeadline = toDateOnly(v.dossierDeadline);
  if (can('participants')) {
    const p: CampaignParticipants = {
      kinds: v.participants.kinds ?? [],
      unitIds: v.participants.unitIds ?? [],
      individualsTakePart: Boolean(v.participants.individualsTakePart),
    };
    const b = before.participants;
    if (
      !sameList([...p.kinds].sort(), [...b.kinds].sort()) ||
      !sameList([...p.unitIds].sort(), [...b.unitIds].sort()) ||
      p.individualsTakePart !== b.individualsTakePart
    )
      body.participants = p;
  }
  if (can('authorityHeading') && blank(v.authorityHeading) !== before.authorityHeading)
    body.authorityHeading = blank(v.authorityHeading);
  if (can('place') && blank(v.place) !== before.place) body.place = blank(v.place);
  if (can('legalBasis') && (v.legalBasis ?? '').trim() !== before.legalBasis)
    body.legalBasis = (v.legalBasis ?? '').trim();
  if (can('closing') && (v.closing ?? '').trim() !== before.closing) body.closing = (v.closing ?? '').trim();
  for (const f of LINE_FIELDS) {
    const lines = toLines(v[f]);
    if (can(f) && !sameList(lines, before[f])) body[f] = lines;
  }
  if (can('contents')) {
    const contents = { collective: toLines(v.contents.collective), individual: toLines(v.contents.individual) };
    if (
      !sameList(contents.collective, before.contents.collective) ||
      !sameList(contents.individual, before.contents.individual)
    )
      body.contents = contents;
  }
  if (can('signer')) {
    const signer: CampaignSigner = {
      onBehalfOf: blank(v.signer.onBehalfOf),
      title: (v.signer.title ?? '').trim(),
      name: (v.signer.name ?? '').trim(),
    };
    if (
      signer.onBehalfOf !== before.signer.onBehalfOf ||
      signer.title !== before.signer.title ||
      signer.name !== before.signer.name
    )
      body.signer = signer;
  }
  // In order: the first file is the one the plan is known by (the signed copy).
  const attachments = v.attachmentFileIds ?? [];
  if (can('attachmentFileIds') && !sameList(attachments, before.attachmentFileIds))
    body.attachmentFileIds = [...attachments];
  return body;
}

/**
 * A problem about one paragraph of a list (`/purposes/2`) belongs to the text box holding the
 * whole list; rewrite such pointers so the message lands under that box.
 */
function pointToEditedFields(err: unknown): unknown {
  if (!isApiError(err)) return err;
  // The attachments too: `/attachmentFileIds/1` belongs under the one file field.
  const lineRoots = new Set<string>([
    ...LINE_FIELDS,
    'contents/collective',
    'contents/individual',
    'attachmentFileIds',
  ]);
  const errors = err.errors.map((e) => {
    const parts = e.field.split('/').filter(Boolean);
    for (let n = parts.length - 1; n >= 1; n--) {
      if (lineRoots.has(parts.slice(0, n).join('/'))) return { ...e, field: `/${parts.slice(0, n).join('/')}` };
    }
    return e;
  });
  return new ApiError(err.status, err.code, err.detail, errors, err.requestId);
}

interface Props {
  campaign: Campaign;
  etag: string;
  units: readonly Unit[];
  /** The file widget (from the files feature) for the attachments. */
  Attachments: AttachmentsSlot;
  onSaved?: (campaign: Campaign) => void;
  /** Called after a 412: the campaign is reloaded by the caller's query. */
  onStale?: () => Promise<unknown>;
}

export function CampaignForm({ campaign, etag, units, Attachments, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { save, saving } = useSaveCampaign({
    campaign,
    etag,
    form,
    savedKey: 'campaigns.editor.saved',
    onStale,
    onSaved,
    mapError: pointToEditedFields,
  });
  const scope = editScope(campaign.status);
  const initialValues = useMemo(() => toValues(campaign), [campaign]);
  const authorityIds = useMemo(
    () => new Set(units.filter((u) => u.kind === 'authority' && !u.archived).map((u) => u.id)),
    [units],
  );
  const off = (f: keyof UpdateCampaignBody) => !isFieldEditable(scope, f);
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const linesHint = t('campaigns.editor.linesHint');

  function submit(v: Values) {
    return save(campaignChanges(campaign, v));
  }

  const lineArea = (
    name: LineField | ['contents', 'collective' | 'individual'],
    label: string,
    field: keyof UpdateCampaignBody,
    rows = 3,
  ) => (
    <Form.Item name={name} label={label} extra={linesHint}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 14 }} disabled={off(field)} />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      name="campaign"
      layout="vertical"
      onFinish={submit}
      initialValues={initialValues}
      key={`${campaign.id}:${campaign.version}`}
      data-testid="campaign-form"
      scrollToFirstError
    >
      {scope === 'published' && (
        <Alert type="info" showIcon title={t('campaigns.editor.publishedAlert')} style={{ marginBottom: 16 }} />
      )}
      {scope === 'none' && (
        <Alert type="warning" showIcon title={t('campaigns.editor.lockedAlert')} style={{ marginBottom: 16 }} />
      )}

      <Divider titlePlacement="start">{t('campaigns.editor.sections.identity')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="number"
            label={t('campaigns.fields.number')}
            rules={[required, { max: 64, message: t('validation.maxLength', { max: 64 }) }]}
            extra={t('campaigns.create.numberHint')}
          >
            <Input disabled={off('number')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="issuedOn" label={t('campaigns.fields.issuedOn')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabled={off('issuedOn')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {off('authorityUnitId') ? (
            <Form.Item label={t('campaigns.fields.authority')}>
              <Input disabled value={campaign.authorityName} />
            </Form.Item>
          ) : (
            <Form.Item name="authorityUnitId" label={t('campaigns.fields.authority')}>
              <UnitTreeSelect
                units={units}
                allowedIds={authorityIds}
                allowClear={false}
                loading={units.length === 0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t('campaigns.fields.title')}
        rules={[required, { max: 1000, message: t('validation.maxLength', { max: 1000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} disabled={off('title')} />
      </Form.Item>

      <Divider titlePlacement="start">{t('campaigns.editor.sections.dates')}</Divider>
      <Row gutter={16}>
        {(['startsOn', 'endsOn', 'submissionDeadline', 'dossierDeadline'] as const).map((f) => (
          <Col xs={24} sm={12} lg={6} key={f}>
            <Form.Item
              name={f}
              label={t(`campaigns.fields.${f}`)}
              rules={f === 'dossierDeadline' ? [] : [{ required: true, message: t('validation.required') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: '100%' }}
                disabled={off(f)}
                allowClear={f === 'dossierDeadline'}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <Divider titlePlacement="start">{t('campaigns.editor.sections.participants')}</Divider>
      <Form.Item
        name={['participants', 'kinds']}
        label={t('campaigns.fields.participantKinds')}
        extra={t('campaigns.editor.kindsHint')}
      >
        <Checkbox.Group
          disabled={off('participants')}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name={['participants', 'unitIds']}
        label={t('campaigns.fields.participantUnits')}
        extra={t('campaigns.editor.unitsHint')}
      >
        <UnitMultiSelect
          units={units}
          disabled={off('participants')}
          placeholder={t('campaigns.editor.unitsPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name={['participants', 'individualsTakePart']}
        label={t('campaigns.fields.individualsTakePart')}
        valuePropName="checked"
      >
        <Switch disabled={off('participants')} />
      </Form.Item>

      <Divider titlePlacement="start">{t('campaigns.editor.sections.text')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="authorityHeading"
            label={t('campaigns.fields.authorityHeading')}
            extra={t('campaigns.editor.headingHint')}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 3 }} disabled={off('authorityHeading')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('campaigns.fields.place')}>
            <Input disabled={off('place')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label={t('campaigns.fields.legalBasis')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} disabled={off('legalBasis')} />
      </Form.Item>
      {lineArea('purposes', t('campaigns.fields.purposes'), 'purposes')}
      {lineArea('requirements', t('campaigns.fields.requirements'), 'requirements')}
      {lineArea('participantsText', t('campaigns.fields.participantsText'), 'participantsText', 2)}
      {lineArea(['contents', 'collective'], t('campaigns.fields.contentsCollective'), 'contents')}
      {lineArea(['contents', 'individual'], t('campaigns.fields.contentsIndividual'), 'contents')}
      {lineArea('awardProvisions', t('campaigns.fields.awardProvisions'), 'awardProvisions', 4)}
      {lineArea('implementation', t('campaigns.fields.implementation'), 'implementation', 4)}
      <Form.Item name="closing" label={t('campaigns.fields.closing')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} disabled={off('closing')} />
      </Form.Item>

      <Divider titlePlacement="start">{t('campaigns.editor.sections.signer')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['signer', 'onBehalfOf']} label={t('campaigns.fields.signerOnBehalfOf')}>
            <Input disabled={off('signer')} placeholder="TM. ỦY BAN NHÂN DÂN" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['signer', 'title']} label={t('campaigns.fields.signerTitle')}>
            <Input disabled={off('signer')} placeholder="CHỦ TỊCH" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['signer', 'name']} label={t('campaigns.fields.signerName')}>
            <Input disabled={off('signer')} />
          </Form.Item>
        </Col>
      </Row>
      {lineArea('recipients', t('campaigns.fields.recipients'), 'recipients', 3)}

      <Divider titlePlacement="start">{t('campaigns.editor.sections.attachments')}</Divider>
      {/* The divider names the field; a label repeating it would say it twice. */}
      <Form.Item name="attachmentFileIds" extra={t('campaigns.editor.attachmentsHint')}>
        <Attachments
          disabled={off('attachmentFileIds')}
          uploadLabel={t('campaigns.editor.attach')}
          emptyText={t('campaigns.details.noAttachments')}
          testId="campaign-attachments-field"
        />
      </Form.Item>

      {scope !== 'none' && (
        <StickyFormFooter>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="campaign-save">
            {t('actions.save')}
          </Button>
        </StickyFormFooter>
      )}
    </Form>
  );
}
