/**
 * The mark on values AWARDS.md gives as "(verify)": shipped as defaults, to be checked by the
 * administrator against the rules in force.
 */
import { Tooltip } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useAwardCatalogueTranslation } from '../locales/register.ts';

/** Award types whose coefficient AWARDS.md marks "(verify)": collective Giấy khen / Bằng khen, the provincial Bằng khen and Cờ thi đua. */
export const VERIFY_CODES: ReadonlySet<string> = new Set([
  'giay_khen_collective',
  'bang_khen_collective',
  'bang_khen_individual',
  'co_thi_dua_tinh',
]);

export function VerifyMark() {
  const { t } = useAwardCatalogueTranslation();
  return (
    <Tooltip title={t('awardCatalogue.verifyHelp')}>
      <ExclamationCircleOutlined style={{ color: '#d48806' }} aria-label={t('awardCatalogue.verifyHelp')} />
    </Tooltip>
  );
}
