/**
 * Adding or changing one criterion. The fields follow its kind — a ratio has a comparator and a
 * threshold in percent, a count a comparator and a whole number, a derived criterion its data
 * source (and a threshold measured like it), boolean and text criteria none — and are checked as
 * they are typed with `criterionProblems`, the same rules the server applies. Once the campaign
 * is open only the guidance may change; the drawer says why the rest is locked.
 */
import { useEffect, useMemo } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
} from 'antd';
import {
  COMPARATORS,
  CRITERION_GROUPS,
  CRITERION_WEIGHT,
  CRITERION_KINDS,
  CRITERION_TARGETS,
  DERIVED_SOURCES,
  criterionProblems,
} from '@thidua/contract';
import type {
  Comparator,
  CreateCriterionBody,
  Criterion,
  CriterionGroup,
  CriterionKind,
  CriterionTarget,
  DerivedSource,
  UpdateCriterionBody,
} from '@thidua/contract';
import type { RuleObject } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCreateCriterion } from '../api/create-criterion.ts';
import { useCriterion } from '../api/get-criterion.ts';
import { useUpdateCriterion } from '../api/update-criterion.ts';
import { measureOf } from '../utils/criteria.ts';

export type CriterionTargetSpec =
  { mode: 'create'; target: CriterionTarget; group: CriterionGroup } | { mode: 'edit'; criterionId: string };

interface Props {
  campaignId: string;
  /** Criteria are frozen once the campaign is open: only guidance then. */
  frozen: boolean;
  spec: CriterionTargetSpec | null;
  onClose: () => void;
}

interface Values {
  code: string;
  target: CriterionTarget;
  group: CriterionGroup;
  title: string;
  guidance: string;
  kind: CriterionKind;
  comparator: Comparator | null;
  threshold: number | null;
  derivedSource: DerivedSource | null;
  maxScore: number | null;
  weight: number | null;
  evidenceRequired: boolean;
}

const RULE_FIELDS = ['comparator', 'threshold', 'derivedSource', 'maxScore', 'weight'] as const;

function toValues(c: Criterion): Values {
  return {
    code: c.code,
    target: c.target,
    group: c.group,
    title: c.title,
    guidance: c.guidance ?? '',
    kind: c.kind,
    comparator: c.comparator,
    threshold: c.threshold,
    derivedSource: c.derivedSource,
    maxScore: c.maxScore,
    weight: c.weight,
    evidenceRequired: c.evidenceRequired,
  };
}

/** The rule fields a kind uses; the others are sent as null so a changed kind leaves nothing behind. */
function ruleOf(v: Values) {
  const hasThreshold = v.kind === 'ratio' || v.kind === 'count' || v.kind === 'derived';
  return {
    kind: v.kind,
    comparator: hasThreshold ? (v.comparator ?? null) : null,
    threshold: hasThreshold ? (v.threshold ?? null) : null,
    derivedSource: v.kind === 'derived' ? (v.derivedSource ?? null) : null,
    maxScore: v.maxScore ?? null,
    weight: v.weight ?? null,
  };
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function CriterionDrawer({ campaignId, frozen, spec, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editId = spec?.mode === 'edit' ? spec.criterionId : null;
  const existing = useCriterion(campaignId, editId);
  const create = useCreateCriterion();
  const update = useUpdateCriterion();
  const keyFor = useIdempotencyKey(spec);
  const kind = Form.useWatch('kind', form);
  const derivedSource = Form.useWatch('derivedSource', form);
  const measure = kind ? measureOf({ kind, derivedSource: derivedSource ?? null }) : null;
  const locked = frozen;

  const initialValues = useMemo<Values | undefined>(() => {
    if (spec?.mode === 'create') {
      return {
        code: '',
        target: spec.target,
        group: spec.group,
        title: '',
        guidance: '',
        kind: 'boolean',
        comparator: null,
        threshold: null,
        derivedSource: null,
        maxScore: 10,
        weight: CRITERION_WEIGHT.default,
        evidenceRequired: false,
      };
    }
    return existing.data ? toValues(existing.data.criterion) : undefined;
  }, [spec, existing.data]);

  useEffect(() => {
    if (initialValues) form.setFieldsValue(initialValues);
  }, [initialValues, form]);

  /** A validator reporting the shared rule's problem for one field, in the user's language. */
  const ruleCheck = (field: (typeof RULE_FIELDS)[number]): RuleObject => ({
    validator: async () => {
      if (locked) return;
      const problem = criterionProblems(ruleOf(form.getFieldsValue(true) as Values)).find(
        (p) => p.field === `/${field}`,
      );
      if (problem) throw new Error(t(`campaigns.criteria.problems.${problem.code}`));
    },
  });

  function onValuesChange(changed: Partial<Values>) {
    if ('kind' in changed) {
      // Fields of the previous kind would make the rule invalid ("a boolean has no threshold").
      const k = changed.kind;
      if (k === 'boolean' || k === 'text')
        form.setFieldsValue({ comparator: null, threshold: null, derivedSource: null });
      else if (k !== 'derived') form.setFieldsValue({ derivedSource: null });
      if ((k === 'ratio' || k === 'count' || k === 'derived') && !form.getFieldValue('comparator'))
        form.setFieldsValue({ comparator: k === 'ratio' ? 'gt' : 'gte' });
    }
    // Each rule field depends on the others: re-check those on screen, live.
    if (RULE_FIELDS.some((f) => f in changed) || 'kind' in changed) {
      // After the render that shows the new kind's fields (unregistered fields are skipped).
      setTimeout(() => void form.validateFields([...RULE_FIELDS]).catch(() => undefined), 0);
    }
  }

  async function submit(v: Values) {
    const rule = ruleOf(v);
    const problems = locked ? [] : criterionProblems(rule);
    if (problems.length > 0) {
      form.setFields(
        problems.map((p) => ({
          name: p.field.slice(1) as keyof Values,
          errors: [t(`campaigns.criteria.problems.${p.code}`)],
        })),
      );
      return;
    }
    try {
      if (spec?.mode === 'edit') {
        if (!existing.data) return;
        const before = existing.data.criterion;
        const body: UpdateCriterionBody = {};
        if (blank(v.guidance) !== before.guidance) body.guidance = blank(v.guidance);
        if (!locked) {
          if (v.code.trim() !== before.code) body.code = v.code.trim();
          if (v.target !== before.target) body.target = v.target;
          if (v.group !== before.group) body.group = v.group;
          if (v.title.trim() !== before.title) body.title = v.title.trim();
          if (rule.kind !== before.kind) body.kind = rule.kind;
          if (rule.comparator !== before.comparator) body.comparator = rule.comparator;
          if (rule.threshold !== before.threshold) body.threshold = rule.threshold;
          if (rule.derivedSource !== before.derivedSource) body.derivedSource = rule.derivedSource;
          if (rule.maxScore !== null && rule.maxScore !== before.maxScore) body.maxScore = rule.maxScore;
          if (rule.weight !== null && rule.weight !== before.weight) body.weight = rule.weight;
          if (v.evidenceRequired !== before.evidenceRequired) body.evidenceRequired = v.evidenceRequired;
        }
        if (Object.keys(body).length > 0)
          await update.mutateAsync({ campaignId, criterionId: before.id, etag: existing.data.etag, body });
      } else {
        const body: CreateCriterionBody = {
          code: v.code.trim(),
          target: v.target,
          group: v.group,
          title: v.title.trim(),
          guidance: blank(v.guidance),
          kind: rule.kind,
          comparator: rule.comparator,
          threshold: rule.threshold,
          derivedSource: rule.derivedSource,
          maxScore: rule.maxScore ?? 10,
          weight: rule.weight ?? CRITERION_WEIGHT.default,
          evidenceRequired: v.evidenceRequired,
        };
        await create.mutateAsync({ campaignId, body, idempotencyKey: keyFor(body) });
      }
      void message.success(t('campaigns.criteria.editor.saved', { code: v.code.trim() }));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 412) {
        const fresh = await existing.refetch();
        if (fresh.data) form.setFieldsValue(toValues(fresh.data.criterion));
      }
      const rest = applyProblemToForm(form, err);
      if (rest) void message.error(rest);
    }
  }

  const hasThreshold = kind === 'ratio' || kind === 'count' || kind === 'derived';

  return (
    <Drawer
      open={spec !== null}
      onClose={onClose}
      size={640}
      title={
        spec?.mode === 'edit' ? t('campaigns.criteria.editor.editTitle') : t('campaigns.criteria.editor.createTitle')
      }
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={create.isPending || update.isPending}
            disabled={!initialValues}
            data-testid="criterion-save"
          >
            {t('actions.save')}
          </Button>
        </Space>
      }
    >
      {!initialValues ? (
        existing.isError ? (
          <Alert type="error" showIcon title={problemMessage(existing.error)} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <Form<Values>
          form={form}
          name="criterion"
          layout="vertical"
          onFinish={submit}
          onValuesChange={onValuesChange}
          initialValues={initialValues}
          preserve={false}
          data-testid="criterion-form"
        >
          {locked && (
            <Alert
              type="info"
              showIcon
              title={t('campaigns.criteria.editor.frozenTitle')}
              description={t('campaigns.criteria.editor.frozenDrawer')}
              style={{ marginBottom: 16 }}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item
                name="code"
                label={t('campaigns.criteria.fields.code')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 32, message: t('validation.maxLength', { max: 32 }) },
                  { pattern: /^[0-9A-Za-z][0-9A-Za-z._-]*$/, message: t('campaigns.criteria.editor.codePattern') },
                ]}
              >
                <Input disabled={locked} placeholder="1.2.a.8" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="target" label={t('campaigns.criteria.fields.target')}>
                <Radio.Group
                  disabled={locked}
                  optionType="button"
                  options={CRITERION_TARGETS.map((x) => ({ value: x, label: t(`campaigns.criteria.targets.${x}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="group" label={t('campaigns.criteria.fields.group')}>
                <Select
                  disabled={locked}
                  options={CRITERION_GROUPS.map((x) => ({ value: x, label: t(`campaigns.criteria.groups.${x}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('campaigns.criteria.fields.title')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 2000, message: t('validation.maxLength', { max: 2000 }) },
            ]}
          >
            <Input.TextArea disabled={locked} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('campaigns.criteria.fields.kind')}
            extra={kind ? t(`campaigns.criteria.kindHints.${kind}`) : undefined}
          >
            <Select
              disabled={locked}
              options={CRITERION_KINDS.map((k) => ({ value: k, label: t(`campaigns.criteria.kinds.${k}`) }))}
              data-testid="criterion-kind"
            />
          </Form.Item>
          {kind === 'derived' && (
            <Form.Item
              name="derivedSource"
              label={t('campaigns.criteria.fields.derivedSource')}
              rules={[ruleCheck('derivedSource')]}
            >
              <Select
                disabled={locked}
                allowClear
                options={DERIVED_SOURCES.map((s) => ({ value: s, label: t(`campaigns.criteria.sources.${s}`) }))}
                placeholder={t('campaigns.criteria.editor.sourcePlaceholder')}
              />
            </Form.Item>
          )}
          {hasThreshold && (
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="comparator"
                  label={t('campaigns.criteria.fields.comparator')}
                  rules={[ruleCheck('comparator')]}
                >
                  <Select
                    disabled={locked}
                    allowClear
                    options={COMPARATORS.map((c) => ({ value: c, label: t(`campaigns.criteria.comparators.${c}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="threshold"
                  label={
                    measure === 'ratio'
                      ? t('campaigns.criteria.fields.thresholdPercent')
                      : t('campaigns.criteria.fields.threshold')
                  }
                  rules={[ruleCheck('threshold')]}
                >
                  <InputNumber
                    disabled={locked}
                    style={{ width: '100%' }}
                    suffix={measure === 'ratio' ? '%' : undefined}
                    decimalSeparator=","
                    data-testid="criterion-threshold-input"
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item
                name="maxScore"
                label={t('campaigns.criteria.fields.maxScore')}
                rules={[ruleCheck('maxScore')]}
              >
                <InputNumber disabled={locked} style={{ width: '100%' }} max={1000} decimalSeparator="," />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="weight"
                label={t('campaigns.criteria.fields.weight')}
                extra={t('campaigns.criteria.editor.weightHint')}
                rules={[ruleCheck('weight')]}
              >
                <InputNumber
                  disabled={locked}
                  style={{ width: '100%' }}
                  min={0}
                  max={CRITERION_WEIGHT.max}
                  step={0.5}
                  decimalSeparator=","
                  data-testid="criterion-weight-input"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="evidenceRequired" valuePropName="checked" label=" ">
                <Checkbox disabled={locked}>{t('campaigns.criteria.fields.evidenceRequired')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="guidance"
            label={t('campaigns.criteria.fields.guidance')}
            extra={t('campaigns.criteria.editor.guidanceHint')}
            rules={[{ max: 5000, message: t('validation.maxLength', { max: 5000 }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
