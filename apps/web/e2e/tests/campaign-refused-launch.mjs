/**
 * Launching a draft that names no participants is refused by the API (409); the campaign page
 * shows the reason in words and the campaign stays a draft.
 */
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, signIn } from '../lib/session.mjs';

export const name = 'launching a campaign without participants is refused and the page says why';

export async function run({ page, baseUrl }) {
  // The draft is prepared through the API: what is under test is the page's handling of the 409.
  const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { email: 'noivu@thachha.gov.vn', password: DEMO_PASSWORD },
  });
  const { accessToken } = await login.json();
  const headers = { Authorization: `Bearer ${accessToken}` };
  const created = await page.request.post(`${baseUrl}/api/v1/campaigns`, {
    headers,
    data: {
      number: '08/KH-UBND',
      title: 'Phát động thi đua “Dân vận khéo” năm 2032',
      startsOn: '2032-03-01',
      endsOn: '2032-09-30',
    },
  });
  assert.equal(created.status(), 201);
  const campaign = await created.json();
  const criterion = await page.request.post(`${baseUrl}/api/v1/campaigns/${campaign.id}/criteria`, {
    headers,
    data: {
      code: '1',
      target: 'collective',
      group: 'specific',
      title: 'Có mô hình “Dân vận khéo” được công nhận',
      kind: 'boolean',
    },
  });
  assert.equal(criterion.status(), 201);

  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await page.goto(`${baseUrl}/phong-trao/${campaign.id}`);
  await page.getByTestId('action-open').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Phát động' }).click();
  const refusal = page.getByTestId('action-refusal');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Kế hoạch chưa xác định đối tượng tham gia nên chưa thể phát động/);
  assert.equal(await page.getByTestId('campaign-status').first().innerText(), 'Nháp');
}
