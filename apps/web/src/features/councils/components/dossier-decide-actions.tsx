/**
 * The leader's buttons on a dossier under review, for the dossier page's DossierActions slot:
 * "Phê duyệt" / "Không phê duyệt" outside a council meeting, each with the reason recorded (the
 * council's tally does the same when its meeting closes).
 */
import { useState } from 'react';
import { Button } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { Dossier } from '@thidua/contract';
import { ReasonDialog } from '../../../components/reason-dialog.tsx';
import { useCan } from '../../../lib/permissions.ts';
import { useDecideDossier, type DossierDecision } from '../api/decide.ts';
import { useCouncilsTranslation } from '../locales/register.ts';

export function DossierDecideActions({ dossier }: { dossier: Dossier }) {
  const { t } = useCouncilsTranslation();
  const can = useCan();
  const decide = useDecideDossier();
  const [action, setAction] = useState<DossierDecision | null>(null);
  if (dossier.status !== 'in_review' || !can('dossier.decide', { unitId: dossier.authorityUnitId })) return null;
  return (
    <>
      <Button icon={<CheckOutlined />} onClick={() => setAction('approve')} data-testid="dossier-approve">
        {t('councils.decide.approve')}
      </Button>
      <Button danger icon={<CloseOutlined />} onClick={() => setAction('reject')} data-testid="dossier-reject">
        {t('councils.decide.reject')}
      </Button>
      {action && (
        <ReasonDialog<{ note: string }>
          title={t(`councils.decide.${action}Title`, { name: dossier.nomineeName })}
          okText={t(`councils.decide.${action}`)}
          cancelText={t('councils.decide.cancel')}
          danger={action === 'reject'}
          okTestId="dossier-decide-ok"
          saving={decide.isPending}
          savedMessage={t(`councils.decide.${action}Done`)}
          reason={{ name: 'note', label: t('councils.decide.note'), maxLength: 2000, testId: 'dossier-decide-note' }}
          onSubmit={(values) => decide.mutateAsync({ id: dossier.id, action, body: { note: values.note.trim() } })}
          onClose={() => setAction(null)}
        >
          {t('councils.decide.intro')}
        </ReasonDialog>
      )}
    </>
  );
}
