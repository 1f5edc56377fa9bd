/**
 * One campaign as the user's units take part in it: which of them take part and have enrolled, then
 * the self-assessment card (start or continue) of the submissions feature. Shown on "Phong trào của
 * đơn vị" for every running campaign and on the campaign's own page under the enrolment.
 */
import { useMemo } from 'react';
import { ownUnitsFor, type Campaign } from '@thidua/contract';
import { useSession } from '../lib/auth.ts';
import { useParticipants } from '../features/campaigns/api/get-participants.ts';
import { MyCampaignCard, type UnitParticipation } from '../features/submissions/components/my-campaign-card.tsx';

export function MyCampaignEntry({ campaign }: { campaign: Campaign }) {
  const { user } = useSession();
  // The units whose self-assessment the user writes as their officer or head.
  const myUnits = useMemo(() => ownUnitsFor(user, 'submission.write'), [user]);
  // Unit roles see only their own units among the participants, so one page holds them.
  const participants = useParticipants(campaign.id, { page: 1, pageSize: 100 }, myUnits.length > 0);
  const units: UnitParticipation[] | undefined =
    myUnits.length === 0
      ? []
      : participants.data?.items
          .filter((p) => myUnits.includes(p.unitId))
          .map((p) => ({ unitId: p.unitId, unitName: p.unitName, enrolled: p.enrolled }));
  return <MyCampaignCard campaign={campaign} units={units} unitsError={participants.error} />;
}

/** On the campaign's page: the card once the campaign takes self-assessments (open, or closed for corrections). */
export function CampaignPageSelfAssessment({ campaign }: { campaign: Campaign }) {
  const { user } = useSession();
  const writes = useMemo(() => ownUnitsFor(user, 'submission.write').length > 0, [user]);
  if (!writes || (campaign.status !== 'open' && campaign.status !== 'closed')) return null;
  return <MyCampaignEntry campaign={campaign} />;
}
