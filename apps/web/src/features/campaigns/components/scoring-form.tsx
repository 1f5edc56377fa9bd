/**
 * "Chấm điểm và xếp hạng": how the campaign scores and ranks — penalties, bands, the tie-break
 * order, named groups of units ranked apart (khối/cụm thi đua), four-eyes — and how it runs itself
 * (reminder days, opening and closing on its dates). Criterion weights are set per criterion, in
 * the criteria tab. A draft changes everything; once open the scoring part is read-only (frozen on
 * the server too), reminders and followsDates stay editable. Checked as typed with the contract's
 * rules (scoringProblems, unitGroupProblems, reminderDaysProblems), the ones the server applies.
 * Saves only what changed, with the campaign's ETag.
 */
import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormListFieldData } from 'antd';
import {
  DEFAULT_SCORING_RULES,
  PENALTY_KINDS,
  TIE_BREAKS,
  reminderDaysProblems,
  scoringProblems,
  unitGroupProblems,
} from '@thidua/contract';
import type {
  Campaign,
  PenaltyKind,
  ScoreBand,
  ScoringRules,
  TieBreak,
  Unit,
  UnitGroup,
  UpdateCampaignBody,
} from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useSaveCampaign } from '../hooks/use-save-campaign.ts';
import { editScope, isFieldEditable } from '../utils/campaign.ts';
import { unitsUnder } from '../utils/scoring.ts';
import { UnitMultiSelect } from './unit-multi-select.tsx';
import { StickyFormFooter } from '../../../components/sticky-form-footer.tsx';

interface Values {
  penalties: Record<PenaltyKind, { on: boolean; points: number | null }>;
  scoring: { bands: ScoreBand[]; tieBreak: TieBreak[] };
  unitGroups: UnitGroup[];
  requireSecondReviewer: boolean;
  reminderDaysBefore: number[];
  followsDates: boolean;
}

function toValues(c: Campaign): Values {
  const penalties = Object.fromEntries(
    PENALTY_KINDS.map((k) => {
      const rule = c.scoring.penalties.find((p) => p.kind === k);
      return [k, { on: Boolean(rule), points: rule?.points ?? null }];
    }),
  ) as Values['penalties'];
  return {
    penalties,
    scoring: { bands: c.scoring.bands.map((b) => ({ ...b })), tieBreak: [...c.scoring.tieBreak] },
    unitGroups: c.unitGroups.map((g) => ({ ...g, unitIds: [...g.unitIds] })),
    requireSecondReviewer: c.requireSecondReviewer,
    reminderDaysBefore: [...c.reminderDaysBefore],
    followsDates: c.followsDates,
  };
}

/** The form's values as the API's rules (penalties in the contract's order; days high to low). */
export function rulesOf(
  v: Values,
): Required<Pick<UpdateCampaignBody, 'scoring' | 'unitGroups' | 'reminderDaysBefore'>> {
  const scoring: ScoringRules = {
    penalties: PENALTY_KINDS.filter((k) => v.penalties?.[k]?.on).map((k) => ({
      kind: k,
      points: v.penalties[k].points ?? 0,
    })),
    bands: (v.scoring?.bands ?? []).map((b) => ({ label: (b?.label ?? '').trim(), minPoints: b?.minPoints ?? 0 })),
    tieBreak: [...(v.scoring?.tieBreak ?? [])],
  };
  const unitGroups = (v.unitGroups ?? []).map((g) => ({
    code: (g?.code ?? '').trim(),
    name: (g?.name ?? '').trim(),
    unitIds: [...(g?.unitIds ?? [])],
  }));
  const reminderDaysBefore = [...(v.reminderDaysBefore ?? [])].map(Number).sort((a, b) => b - a);
  return { scoring, unitGroups, reminderDaysBefore };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Props {
  campaign: Campaign;
  etag: string;
  units: readonly Unit[];
  onStale?: () => Promise<unknown>;
}

export function ScoringForm({ campaign, etag, units, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { save, saving } = useSaveCampaign({ campaign, etag, form, savedKey: 'campaigns.scoring.saved', onStale });
  const scope = editScope(campaign.status);
  const initialValues = useMemo(() => toValues(campaign), [campaign]);
  const groupUnits = useMemo(() => unitsUnder(units, campaign.authorityUnitId), [units, campaign.authorityUnitId]);
  const off = (f: keyof UpdateCampaignBody) => !isFieldEditable(scope, f);
  const scoringOff = off('scoring');

  /** The contract's problem for one form field (a name path under `scoring` or `unitGroups`), live. */
  const problemAt = (pointer: string) => {
    const v = form.getFieldsValue(true) as Values;
    const rules = rulesOf(v);
    const all = [
      ...scoringProblems(rules.scoring).map((p) => ({ ...p, field: `/scoring${p.field}` })),
      ...unitGroupProblems(rules.unitGroups).map((p) => ({ ...p, field: `/unitGroups${p.field}` })),
      ...reminderDaysProblems(rules.reminderDaysBefore).map((p) => ({ ...p, field: '/reminderDaysBefore' })),
    ];
    return all.find((p) => p.field === pointer || p.field.startsWith(`${pointer}/`));
  };
  const check = (pointer: string) => ({
    validator: async () => {
      const p = problemAt(pointer);
      if (p) throw new Error(t(`campaigns.scoring.problems.${p.code}`));
    },
  });

  async function submit(v: Values) {
    const rules = rulesOf(v);
    const body: UpdateCampaignBody = {};
    if (!off('scoring') && !same(rules.scoring, campaign.scoring)) body.scoring = rules.scoring;
    if (!off('unitGroups') && !same(rules.unitGroups, campaign.unitGroups)) body.unitGroups = rules.unitGroups;
    if (!off('requireSecondReviewer') && v.requireSecondReviewer !== campaign.requireSecondReviewer)
      body.requireSecondReviewer = v.requireSecondReviewer;
    if (!off('reminderDaysBefore') && !same(rules.reminderDaysBefore, campaign.reminderDaysBefore))
      body.reminderDaysBefore = rules.reminderDaysBefore;
    if (!off('followsDates') && v.followsDates !== campaign.followsDates) body.followsDates = v.followsDates;
    await save(body);
  }

  const revalidate = () => setTimeout(() => void form.validateFields().catch(() => undefined), 0);

  return (
    <Form<Values>
      form={form}
      name="scoring"
      layout="vertical"
      onFinish={submit}
      onValuesChange={revalidate}
      initialValues={initialValues}
      key={`${campaign.id}:${campaign.version}`}
      data-testid="scoring-form"
      scrollToFirstError
    >
      {scope === 'published' && (
        <Alert type="info" showIcon title={t('campaigns.scoring.frozenAlert')} style={{ marginBottom: 16 }} />
      )}
      {scope === 'none' && (
        <Alert type="warning" showIcon title={t('campaigns.editor.lockedAlert')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph type="secondary">{t('campaigns.scoring.intro')}</Typography.Paragraph>

      <Divider titlePlacement="start">{t('campaigns.scoring.sections.penalties')}</Divider>
      {PENALTY_KINDS.map((kind) => (
        <Row gutter={16} key={kind} align="middle">
          <Col xs={24} md={14}>
            <Form.Item name={['penalties', kind, 'on']} valuePropName="checked">
              <Checkbox disabled={scoringOff} data-testid={`penalty-${kind}`}>
                {t(`campaigns.scoring.penalties.${kind}`)}
              </Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item noStyle shouldUpdate>
              {() => (
                <Form.Item
                  name={['penalties', kind, 'points']}
                  rules={
                    form.getFieldValue(['penalties', kind, 'on'])
                      ? [{ required: true, message: t('campaigns.scoring.pointsRequired') }]
                      : []
                  }
                >
                  <InputNumber
                    disabled={scoringOff || !form.getFieldValue(['penalties', kind, 'on'])}
                    min={0.5}
                    max={1000}
                    step={0.5}
                    decimalSeparator=","
                    suffix={t('campaigns.scoring.pointsSuffix')}
                    style={{ width: 200 }}
                    data-testid={`penalty-${kind}-points`}
                  />
                </Form.Item>
              )}
            </Form.Item>
          </Col>
        </Row>
      ))}

      <Divider titlePlacement="start">{t('campaigns.scoring.sections.bands')}</Divider>
      <Typography.Paragraph type="secondary">{t('campaigns.scoring.bandsHint')}</Typography.Paragraph>
      <Form.List name={['scoring', 'bands']}>
        {(fields, { add, remove, move }) => (
          <>
            {fields.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.scoring.noBands')} />
            )}
            {fields.map((field, i) => (
              <BandRow
                key={field.key}
                field={field}
                index={i}
                count={fields.length}
                disabled={scoringOff}
                check={check}
                onMove={(to) => move(i, to)}
                onRemove={() => remove(i)}
              />
            ))}
            {!scoringOff && (
              <Space wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ label: '', minPoints: 0 })}
                  disabled={fields.length >= 10}
                  data-testid="band-add"
                >
                  {t('campaigns.scoring.addBand')}
                </Button>
                <Button
                  onClick={() =>
                    form.setFieldValue(
                      ['scoring', 'bands'],
                      DEFAULT_SCORING_RULES.bands.map((b) => ({ ...b })),
                    )
                  }
                >
                  {t('campaigns.scoring.defaultBands')}
                </Button>
              </Space>
            )}
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('campaigns.scoring.sections.tieBreak')}</Divider>
      <Form.Item name={['scoring', 'tieBreak']} extra={t('campaigns.scoring.tieBreakHint')}>
        <TieBreakOrder disabled={scoringOff} />
      </Form.Item>

      <Divider titlePlacement="start">{t('campaigns.scoring.sections.groups')}</Divider>
      <Typography.Paragraph type="secondary">{t('campaigns.scoring.groupsHint')}</Typography.Paragraph>
      <Form.List name="unitGroups">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid="unit-group"
                extra={
                  !scoringOff && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(i)}
                      aria-label={t('campaigns.scoring.removeGroup')}
                    />
                  )
                }
                title={t('campaigns.scoring.groupTitle', { n: i + 1 })}
              >
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'code']}
                      label={t('campaigns.scoring.fields.groupCode')}
                      rules={[
                        { required: true, whitespace: true, message: t('validation.required') },
                        {
                          pattern: /^[0-9A-Za-z][0-9A-Za-z._-]*$/,
                          message: t('campaigns.criteria.editor.codePattern'),
                        },
                        { max: 32, message: t('validation.maxLength', { max: 32 }) },
                        check(`/unitGroups/${i}/code`),
                      ]}
                    >
                      <Input disabled={scoringOff} placeholder="CUM-1" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={18}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('campaigns.scoring.fields.groupName')}
                      rules={[
                        { required: true, whitespace: true, message: t('validation.required') },
                        { max: 200, message: t('validation.maxLength', { max: 200 }) },
                      ]}
                    >
                      <Input disabled={scoringOff} placeholder={t('campaigns.scoring.groupNamePlaceholder')} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name={[field.name, 'unitIds']}
                  label={t('campaigns.scoring.fields.groupUnits')}
                  rules={[check(`/unitGroups/${i}/unitIds`)]}
                >
                  <UnitMultiSelect
                    units={groupUnits}
                    disabled={scoringOff}
                    placeholder={t('campaigns.editor.unitsPlaceholder')}
                  />
                </Form.Item>
              </Card>
            ))}
            {fields.length === 0 && scoringOff && (
              <Typography.Text type="secondary">{t('campaigns.scoring.noGroups')}</Typography.Text>
            )}
            {!scoringOff && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ code: `CUM-${fields.length + 1}`, name: '', unitIds: [] })}
                data-testid="group-add"
              >
                {t('campaigns.scoring.addGroup')}
              </Button>
            )}
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('campaigns.scoring.sections.review')}</Divider>
      <Form.Item
        name="requireSecondReviewer"
        valuePropName="checked"
        label={t('campaigns.scoring.fields.requireSecondReviewer')}
        extra={t('campaigns.scoring.secondReviewerHint')}
      >
        <Switch disabled={off('requireSecondReviewer')} data-testid="require-second-reviewer" />
      </Form.Item>

      <Divider titlePlacement="start">{t('campaigns.scoring.sections.automation')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="reminderDaysBefore"
            label={t('campaigns.scoring.fields.reminderDaysBefore')}
            extra={t('campaigns.scoring.reminderHint')}
            rules={[check('/reminderDaysBefore')]}
            normalize={(v: (string | number)[]) => (v ?? []).map((x) => Number(x)).filter((x) => Number.isFinite(x))}
          >
            <Select
              mode="tags"
              disabled={off('reminderDaysBefore')}
              options={[14, 10, 7, 5, 3, 2, 1, 0].map((d) => ({
                value: d,
                label: t('campaigns.scoring.daysBefore', { count: d }),
              }))}
              tokenSeparators={[',', ' ']}
              data-testid="reminder-days"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="followsDates"
            valuePropName="checked"
            label={t('campaigns.scoring.fields.followsDates')}
            extra={t('campaigns.scoring.followsDatesHint')}
          >
            <Switch disabled={off('followsDates')} data-testid="follows-dates" />
          </Form.Item>
        </Col>
      </Row>

      {scope !== 'none' && (
        <StickyFormFooter>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="scoring-save">
            {t('actions.save')}
          </Button>
        </StickyFormFooter>
      )}
    </Form>
  );
}

interface BandRowProps {
  field: FormListFieldData;
  index: number;
  count: number;
  disabled: boolean;
  check: (pointer: string) => { validator: () => Promise<void> };
  onMove: (to: number) => void;
  onRemove: () => void;
}

function BandRow({ field, index, count, disabled, check, onMove, onRemove }: BandRowProps) {
  const { t } = useTranslation();
  return (
    <Row gutter={12} align="top" data-testid="band-row">
      <Col flex="none" style={{ paddingTop: 5 }}>
        <Tag>{index + 1}</Tag>
      </Col>
      <Col xs={24} sm={10}>
        <Form.Item
          name={[field.name, 'label']}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 100, message: t('validation.maxLength', { max: 100 }) },
            check(`/scoring/bands/${index}/label`),
          ]}
        >
          <Input
            disabled={disabled}
            placeholder={t('campaigns.scoring.fields.bandLabel')}
            aria-label={t('campaigns.scoring.fields.bandLabel')}
          />
        </Form.Item>
      </Col>
      <Col xs={16} sm={7}>
        <Form.Item
          name={[field.name, 'minPoints']}
          rules={[{ required: true, message: t('validation.required') }, check(`/scoring/bands/${index}/minPoints`)]}
        >
          <InputNumber
            disabled={disabled}
            min={0}
            max={100000}
            decimalSeparator=","
            prefix="≥"
            suffix={t('campaigns.scoring.pointsSuffix')}
            style={{ width: '100%' }}
            aria-label={t('campaigns.scoring.fields.bandMinPoints')}
          />
        </Form.Item>
      </Col>
      {!disabled && (
        <Col flex="none">
          <Space size={4}>
            <Tooltip title={t('campaigns.scoring.moveUp')}>
              <Button
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => onMove(index - 1)}
                aria-label={t('campaigns.scoring.moveUp')}
              />
            </Tooltip>
            <Tooltip title={t('campaigns.scoring.moveDown')}>
              <Button
                icon={<ArrowDownOutlined />}
                disabled={index === count - 1}
                onClick={() => onMove(index + 1)}
                aria-label={t('campaigns.scoring.moveDown')}
              />
            </Tooltip>
            <Tooltip title={t('campaigns.scoring.removeBand')}>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={onRemove}
                aria-label={t('campaigns.scoring.removeBand')}
              />
            </Tooltip>
          </Space>
        </Col>
      )}
    </Row>
  );
}

/** The tie-break chain: the chosen criteria in order (move up/down, leave out), the others addable. */
function TieBreakOrder({
  value,
  onChange,
  disabled,
}: {
  value?: TieBreak[];
  onChange?: (v: TieBreak[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const chain = value ?? [];
  const unused = TIE_BREAKS.filter((k) => !chain.includes(k));
  const swap = (i: number, j: number) => {
    const next = [...chain];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange?.(next);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="tie-break">
      {chain.length === 0 && <Typography.Text type="secondary">{t('campaigns.scoring.noTieBreak')}</Typography.Text>}
      {chain.map((k, i) => (
        <Space key={k} data-testid="tie-break-item">
          <Tag color="blue">{i + 1}</Tag>
          <span>{t(`campaigns.scoring.tieBreaks.${k}`)}</span>
          {!disabled && (
            <>
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => swap(i, i - 1)}
                aria-label={t('campaigns.scoring.moveUp')}
              />
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === chain.length - 1}
                onClick={() => swap(i, i + 1)}
                aria-label={t('campaigns.scoring.moveDown')}
              />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange?.(chain.filter((x) => x !== k))}
                aria-label={t('campaigns.scoring.removeTieBreak')}
              />
            </>
          )}
        </Space>
      ))}
      {!disabled && unused.length > 0 && (
        <Space wrap>
          {unused.map((k) => (
            <Button key={k} size="small" icon={<PlusOutlined />} onClick={() => onChange?.([...chain, k])}>
              {t(`campaigns.scoring.tieBreaks.${k}`)}
            </Button>
          ))}
        </Space>
      )}
    </Space>
  );
}
