/**
 * The standing office scores a unit's self-assessment criterion by criterion and accepts it. The
 * data is made through the API (a campaign of its own with three criteria, XA-THACHHAI enrolled,
 * its self-assessment answered and submitted by its head), so the test leans on no other. In the
 * browser the office finds accept disabled until every criterion is reviewed, chooses verdicts,
 * changes a score, writes a comment, sees the total follow and the autosave land, and accepts.
 * Saved as apps/web/test-results/review-scores.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, openDialog, signIn } from '../lib/session.mjs';

export const name =
  'the office scores each criterion of a self-assessment (verdict, score, comment) and accepts it (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/review-scores.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const HEAD = 'chutich.thachhai@thachha.gov.vn';

/** YYYY-MM-DD of a day `days` from today in Vietnam. */
function isoDay(days) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** A tiny API client for the setup: signs in once per account and fails loudly on an unexpected status. */
function apiClient(baseUrl) {
  const tokens = new Map();
  async function token(email) {
    if (!tokens.has(email)) {
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      assert.equal(res.status, 200, `sign-in of ${email}`);
      tokens.set(email, (await res.json()).accessToken);
    }
    return tokens.get(email);
  }
  return async function call(
    email,
    method,
    url,
    body,
    { status = method === 'POST' && body ? 201 : 200, ifMatch } = {},
  ) {
    const headers = { authorization: `Bearer ${await token(email)}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch) headers['if-match'] = ifMatch;
    const res = await fetch(`${baseUrl}/api/v1${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.equal(res.status, status, `${method} ${url}: ${text.slice(0, 300)}`);
    return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
  };
}

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const api = apiClient(baseUrl);

  // ── Setup through the API ────────────────────────────────────────────────────────────────────
  const campaign = (
    await api(OFFICE, 'POST', '/campaigns', {
      number: '/KH-UBND',
      title: `Thi đua thực hiện dân chủ cơ sở ${Date.now()}`,
      startsOn: isoDay(-7),
      endsOn: isoDay(60),
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
      // Opened by hand below: the scheduler must not open it (its start date is past) while its criteria are added.
      followsDates: false,
    })
  ).body;
  const criteria = [
    { code: '1.1', title: 'Ban hành kế hoạch thực hiện dân chủ ở cơ sở', kind: 'boolean', maxScore: 10 },
    {
      code: '1.2',
      title: 'Tỷ lệ thủ tục hành chính có hồ sơ trực tuyến',
      kind: 'ratio',
      comparator: 'gt',
      threshold: 30,
      maxScore: 10,
    },
    { code: '1.3', title: 'Tổ chức hội nghị đối thoại với Nhân dân', kind: 'boolean', maxScore: 5 },
  ];
  const ids = {};
  for (const c of criteria) {
    const made = await api(OFFICE, 'POST', `/campaigns/${campaign.id}/criteria`, {
      target: 'collective',
      group: 'specific',
      ...c,
    });
    ids[c.code] = made.body.id;
  }
  await api(OFFICE, 'POST', `/campaigns/${campaign.id}/open`);
  const units = await api(OFFICE, 'GET', '/units?q=XA-THACHHAI');
  const unit = units.body.items.find((u) => u.code === 'XA-THACHHAI');
  await api(OFFICE, 'POST', `/campaigns/${campaign.id}/enrollments`, {
    unitId: unit.id,
    commitment: 'Cam kết thực hiện đầy đủ các tiêu chí.',
  });
  const started = await api(OFFICER, 'POST', `/campaigns/${campaign.id}/submissions`, {});
  const submissionId = started.body.id;
  await api(
    OFFICER,
    'PATCH',
    `/submissions/${submissionId}`,
    {
      answers: [
        { criterionId: ids['1.1'], answer: { value: true } },
        { criterionId: ids['1.2'], answer: { numerator: 45, denominator: 100 } },
        { criterionId: ids['1.3'], answer: { value: false } },
      ],
    },
    { ifMatch: started.etag },
  );
  await api(HEAD, 'POST', `/submissions/${submissionId}/submit`);

  // ── The office scores each criterion ────────────────────────────────────────────────────────
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/phong-trao/${campaign.id}/tu-danh-gia/${submissionId}`);
  await page.getByTestId('submission-review').waitFor();
  const accept = page.getByTestId('accept-button');
  assert.equal(await accept.isDisabled(), true, 'accept waits for the review');
  assert.match(await page.getByTestId('accept-blocked').innerText(), /còn 3 tiêu chuẩn chưa chấm điểm/);
  assert.equal(await page.getByTestId('review-total').innerText(), 'Tổng điểm: 0/25');

  const verdict = (code, label) =>
    page.getByTestId(`review-${code}`).locator('label.ant-radio-button-wrapper').filter({ hasText: label }).click();
  await verdict('1.1', /^Đạt$/);
  await verdict('1.2', /^Đạt$/);
  await verdict('1.3', /^Không đạt$/);
  // Met takes the maximum, not met 0: 10 + 10 + 0.
  await page.getByTestId('review-total').filter({ hasText: 'Tổng điểm: 20/25' }).waitFor();
  // The ratio is only just over the threshold: 7.5 of 10, with a comment for the unit.
  const score = page.getByLabel('Điểm của tiêu chuẩn 1.2');
  await score.fill('7.5');
  await score.blur();
  await page
    .getByLabel('Nhận xét về tiêu chuẩn 1.2')
    .fill('Tỷ lệ 45 % vượt ngưỡng không nhiều, đề nghị tiếp tục nâng cao.');
  await page.getByTestId('review-total').filter({ hasText: 'Tổng điểm: 17,5/25' }).waitFor();
  await page
    .getByTestId('review-summary')
    .getByTestId('autosave-status')
    .filter({ hasText: /Đã lưu lúc/ })
    .waitFor();
  assert.equal(await page.getByTestId('review-count').innerText(), 'Đã chấm 3/3 tiêu chuẩn');
  await page.getByTestId('accept-blocked').waitFor({ state: 'detached' });

  fs.mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });

  // ── Accept, and the review is what the server holds ─────────────────────────────────────────
  const dialog = await openDialog(page, accept, /^Chấp nhận báo cáo của/);
  await dialog.getByRole('button', { name: 'Chấp nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('submission-status').first().innerText(), 'Đã chấp nhận');
  const review = (await api(OFFICE, 'GET', `/submissions/${submissionId}/review`)).body;
  assert.equal(review.status, 'accepted');
  assert.equal(review.totalScore, 17.5);
  const byCode = Object.fromEntries(review.criteria.map((c) => [c.code, c.review]));
  assert.deepEqual([byCode['1.1'].verdict, byCode['1.2'].score, byCode['1.3'].verdict], ['met', 7.5, 'not_met']);
  assert.match(byCode['1.2'].comment, /vượt ngưỡng không nhiều/);
  // Once accepted, the review is read-only.
  assert.equal(await page.getByLabel('Điểm của tiêu chuẩn 1.2').count(), 0);
}
