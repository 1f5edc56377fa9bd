/** Steps shared by the campaign browser tests. */
import { openDialog, pickOption, typeDate } from './session.mjs';

/** From the campaign list, opens the demo data's campaign (open, from the 2022 reform plan). */
export async function openSeedCampaign(page, baseUrl) {
  await page.goto(`${baseUrl}/phong-trao`);
  await pickOption(page, page.getByRole('combobox', { name: 'Trạng thái' }), 'Đang diễn ra');
  const link = page.getByTestId('campaign-link').filter({ hasText: 'Cải cách hành chính' }).first();
  await link.waitFor();
  await link.click();
  await page.getByTestId('campaign-page').waitFor();
}

/**
 * As the standing office (already signed in): creates a blank draft from the campaign list and
 * waits for its editor, which opens on the plan. Dates are dd/MM/yyyy; `afterChoosingBlank` runs
 * once "Kế hoạch trống" is chosen.
 */
export async function createBlankCampaign(page, baseUrl, { number, title, startsOn, endsOn, afterChoosingBlank }) {
  await page.goto(`${baseUrl}/phong-trao`);
  // A click during the dialog's zoom-in can be lost: the bundled plan would then stay chosen.
  const dialog = await openDialog(page, page.getByTestId('campaign-create'), 'Tạo phong trào thi đua');
  await dialog.locator('label.ant-radio-button-wrapper').filter({ hasText: 'Kế hoạch trống' }).click();
  await afterChoosingBlank?.();
  await page.getByLabel('Số, ký hiệu').fill(number);
  await page.getByLabel('Tên (trích yếu) kế hoạch').fill(title);
  await typeDate(page, 'Ngày bắt đầu', startsOn);
  await typeDate(page, 'Ngày kết thúc', endsOn);
  await page.getByRole('button', { name: 'Tạo phong trào' }).last().click();
  await page.waitForURL(/\/phong-trao\/[^/]+\/sua$/);
}

/** A day in Vietnam `days` from today, as YYYY-MM-DD. */
const vnDay = (days) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Through the API as `office` (an apiAs client): a campaign for communes launched `startsInDays`
 * ahead of its first day (upcoming), with one yes/no criterion, moved by hand (`followsDates: false`).
 * Resolves with `{ id, title, startsOn }`.
 */
export async function openUpcomingCampaign(office, { title, startsInDays }) {
  const startsOn = vnDay(startsInDays);
  const created = await office.call('POST', '/campaigns', {
    number: '/KH-UBND',
    title,
    startsOn,
    endsOn: vnDay(90),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
    followsDates: false,
  });
  const id = created.body.id;
  await office.call('POST', `/campaigns/${id}/criteria`, {
    code: '1.1',
    target: 'collective',
    group: 'general',
    title: 'Ban hành kế hoạch',
    kind: 'boolean',
  });
  await office.call('POST', `/campaigns/${id}/open`);
  return { id, title, startsOn };
}
