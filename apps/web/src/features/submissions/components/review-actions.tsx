/**
 * The standing office's decision on a submitted self-assessment: return it with the reason (what
 * the unit must correct — required), or accept it with an optional comment. Accept stays disabled
 * while `acceptBlocked` says why (criteria not reviewed yet, scores not confirmed). What the review
 * still has to save goes out before a dialog opens. A refusal (another reviewer was quicker: 409) is
 * shown in the dialog.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import type { SubmissionSummary } from '@thidua/contract';
import { problemMessage } from '../../../lib/problem.ts';
import { useAcceptSubmission } from '../api/accept-submission.ts';
import { submissionKeys } from '../api/keys.ts';
import { useReturnSubmission } from '../api/return-submission.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';

type Mode = 'return' | 'accept';

export function ReviewActions({
  submission,
  acceptBlocked = null,
  beforeOpen,
}: {
  submission: Pick<SubmissionSummary, 'id' | 'unitName' | 'personName'>;
  acceptBlocked?: string | null;
  beforeOpen?: () => Promise<boolean>;
}) {
  const qc = useQueryClient();
  const { t } = useSubmissionsTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const returner = useReturnSubmission();
  const accepter = useAcceptSubmission();
  const busy = returner.isPending || accepter.isPending;

  async function show(m: Mode) {
    if (beforeOpen && !(await beforeOpen())) return;
    setError(null);
    form.resetFields();
    setMode(m);
  }

  async function confirm() {
    // Invalid fields show their messages under them; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { text } = values;
    try {
      if (mode === 'return') await returner.mutateAsync({ id: submission.id, reason: text.trim() });
      else await accepter.mutateAsync({ id: submission.id, comment: text?.trim() || undefined });
      void message.success(t(mode === 'return' ? 'submissions.review.returned' : 'submissions.review.accepted'));
      setMode(null);
      void qc.invalidateQueries({ queryKey: submissionKeys.review(submission.id) });
    } catch (err) {
      setError(problemMessage(err));
    }
  }

  const who = submission.personName ?? submission.unitName;
  return (
    <>
      <Space wrap>
        <Button danger icon={<RollbackOutlined />} onClick={() => void show('return')} data-testid="return-button">
          {t('submissions.review.return')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => void show('accept')}
          disabled={Boolean(acceptBlocked)}
          title={acceptBlocked ?? undefined}
          data-testid="accept-button"
        >
          {t('submissions.review.accept')}
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={t(mode === 'return' ? 'submissions.review.returnTitle' : 'submissions.review.acceptTitle', { who })}
        okText={t(mode === 'return' ? 'submissions.review.return' : 'submissions.review.accept')}
        okButtonProps={{ danger: mode === 'return', loading: busy }}
        cancelText={t('submissions.submit.cancel')}
        onOk={() => void confirm()}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={mode === 'return'}>
          <Form.Item
            name="text"
            label={t(mode === 'return' ? 'submissions.review.reason' : 'submissions.review.comment')}
            rules={
              mode === 'return'
                ? [{ required: true, whitespace: true, message: t('submissions.review.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 12 }}
              maxLength={5000}
              showCount
              placeholder={t(
                mode === 'return' ? 'submissions.review.reasonPlaceholder' : 'submissions.review.commentPlaceholder',
              )}
            />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
