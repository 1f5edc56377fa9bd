/** A dossier's status as a coloured tag with its Vietnamese (or English) label. */
import { Tag } from 'antd';
import type { DossierStatus } from '@thidua/contract';
import { useDossierSharedTranslation } from './dossier-texts.ts';

const COLORS: Record<DossierStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  received: 'cyan',
  returned: 'orange',
  in_review: 'purple',
  approved: 'green',
  rejected: 'red',
  awarded: 'gold',
  forwarded: 'geekblue',
};

export function DossierStatusTag({ status }: { status: DossierStatus }) {
  const { t } = useDossierSharedTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="dossier-status">
      {t(`dossierShared.status.${status}`)}
    </Tag>
  );
}
