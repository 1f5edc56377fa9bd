/**
 * Registering a unit for a campaign with its commitment (đăng ký thi đua), or changing the
 * commitment of an existing enrolment (PATCH with the ETag read when the dialog opens).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Skeleton } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { CreateEnrollmentBody, Enrollment } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCreateEnrollment } from '../api/create-enrollment.ts';
import { enrollmentQueryOptions, type EnrollmentWithEtag } from '../api/get-enrollment.ts';
import { useUpdateEnrollment } from '../api/update-enrollment.ts';

export type EnrollmentTarget =
  { mode: 'create'; unitId: string; unitName: string } | { mode: 'edit'; enrollment: Enrollment };

interface Props {
  campaignId: string;
  target: EnrollmentTarget | null;
  onClose: () => void;
}

export function EnrollmentModal({ campaignId, target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ commitment: string }>();
  const create = useCreateEnrollment();
  const update = useUpdateEnrollment();
  const keyFor = useIdempotencyKey(target);
  const [current, setCurrent] = useState<EnrollmentWithEtag | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const editing = target?.mode === 'edit' ? target.enrollment : null;

  // An edit starts from a fresh read: the ETag must be the one of the text being changed.
  useEffect(() => {
    setCurrent(null);
    setLoadError(null);
    if (!editing) return;
    qc.fetchQuery(enrollmentQueryOptions(campaignId, editing.id)).then(setCurrent, setLoadError);
  }, [qc, campaignId, editing]);

  const unitName = target?.mode === 'create' ? target.unitName : (editing?.unitName ?? '');
  const ready = target?.mode === 'create' || current !== null;

  async function submit({ commitment }: { commitment: string }) {
    if (!target) return;
    try {
      if (target.mode === 'create') {
        const body: CreateEnrollmentBody = { unitId: target.unitId, commitment: commitment.trim() };
        await create.mutateAsync({ campaignId, body, idempotencyKey: keyFor(body) });
        void message.success(t('campaigns.enrolment.done', { unit: unitName }));
      } else if (current) {
        await update.mutateAsync({
          campaignId,
          enrollmentId: current.enrollment.id,
          etag: current.etag,
          body: { commitment: commitment.trim() },
        });
        void message.success(t('campaigns.enrolment.updated', { unit: unitName }));
      }
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 412 && editing) {
        const fresh = await qc.fetchQuery(enrollmentQueryOptions(campaignId, editing.id));
        setCurrent(fresh);
        form.setFieldsValue({ commitment: fresh.enrollment.commitment });
      }
      const rest = applyProblemToForm(form, err);
      if (rest) void message.error(rest);
    }
  }

  return (
    <Modal
      open={target !== null}
      title={
        target?.mode === 'edit'
          ? t('campaigns.enrolment.editTitle', { unit: unitName })
          : t('campaigns.enrolment.createTitle', { unit: unitName })
      }
      okText={target?.mode === 'edit' ? t('actions.save') : t('campaigns.enrolment.submit')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ disabled: !ready }}
      destroyOnHidden
      width={640}
    >
      {!ready ? (
        loadError ? (
          <Alert type="error" showIcon title={problemMessage(loadError)} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <Form
          form={form}
          name="enrolment"
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{
            commitment: current
              ? current.enrollment.commitment
              : t('campaigns.enrolment.defaultCommitment', { unit: unitName }),
          }}
        >
          <Form.Item
            name="commitment"
            label={t('campaigns.enrolment.commitment')}
            extra={t('campaigns.enrolment.commitmentHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 10000, message: t('validation.maxLength', { max: 10000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="enrolment-commitment" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
