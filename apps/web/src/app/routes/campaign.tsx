/** /phong-trao/$campaignId: the campaign page (plan, timeline, criteria, participants, enrolment); its attached files through the files feature's widget; the reminders (đôn đốc) panel below. */
import { getRouteApi } from '@tanstack/react-router';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { CampaignDetails } from '../../features/campaigns/components/campaign-details.tsx';
import { FileIdsField } from '../../features/files/components/file-ids-field.tsx';
import { useCampaign } from '../../features/campaigns/api/get-campaign.ts';
import { RemindersPanel } from '../../features/reminders/components/reminders-panel.tsx';
import { CampaignAwardsCard } from '../../features/award-catalogue/components/campaign-awards-card.tsx';
import { CampaignDossiersCard } from '../../features/dossiers/components/campaign-dossiers-card.tsx';
import { CampaignDecisionLinks } from '../../features/decisions/components/campaign-links.tsx';
import { CampaignPageSelfAssessment } from '../my-campaign-entry.tsx';

const route = getRouteApi('/_app/phong-trao/$campaignId');

export default function CampaignPage() {
  const { campaignId } = route.useParams();
  const tree = useUnitTree();
  // The same query as the details' (one request): the reminders panel needs the campaign's status.
  const campaign = useCampaign(campaignId).data?.campaign;
  const status = campaign?.status;
  return (
    <>
      <CampaignDetails
        key={campaignId}
        campaignId={campaignId}
        units={tree.data?.items ?? []}
        Attachments={FileIdsField}
        SelfAssessment={CampaignPageSelfAssessment}
      />
      {campaign && (
        <CampaignAwardsCard
          key={`awards-${campaignId}`}
          campaignId={campaignId}
          authorityUnitId={campaign.authorityUnitId}
          status={status}
        />
      )}
      {campaign && (
        <CampaignDecisionLinks campaignId={campaignId} authorityUnitId={campaign.authorityUnitId} status={status} />
      )}
      <CampaignDossiersCard
        key={`dossiers-${campaignId}`}
        campaignId={campaignId}
        status={status}
        dossierDeadline={campaign?.dossierDeadline}
      />
      {status && status !== 'draft' && (
        <RemindersPanel key={`reminders-${campaignId}`} campaignId={campaignId} campaignOpen={status === 'open'} />
      )}
    </>
  );
}
