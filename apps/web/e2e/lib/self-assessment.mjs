/**
 * Steps shared by the self-assessment browser tests: opening one's own self-assessment, and for the
 * registers that feed derived criteria (findings, initiatives) the demo accounts that act in them,
 * dates relative to today as a person in Vietnam types them, and evidence files to attach.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The standing office (Phòng Nội vụ), which records findings and recognitions. */
export const OFFICE = 'noivu@thachha.gov.vn';
/** XA-THACHHAI's unit officer, who reports remedies and registers initiatives. */
export const OFFICER = 'canbo.thachhai@thachha.gov.vn';

/** dd/MM/yyyy of a day `days` from today in Vietnam. */
export function vnDate(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(d)
    .split('-');
  return `${day}/${m}/${y}`;
}

/**
 * Runs `steps(pdf)`, where `pdf(name)` writes a minimal but real PDF (the server recognises files
 * by their bytes, not their names) and returns its path; the files are removed afterwards.
 */
export async function withPdfFiles(prefix, steps) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const pdf = (name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    return file;
  };
  try {
    await steps(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The seed campaign's card on "Của tôi": picked by its title, since other tests open campaigns of
 * their own (award tests among them) that list the same people and may come first.
 */
export const seedCampaignCard = (page) =>
  page.getByTestId('my-campaign').filter({ hasText: 'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính' });

/**
 * From an entry on "Của tôi" (`/cua-toi`, a locator of `my-campaign` or `my-subject`), starts its
 * self-assessment, or continues it when a draft exists, and waits for the form.
 */
export async function openSelfAssessment(page, entry) {
  await entry.waitFor();
  const start = entry.getByTestId('start-self-assessment');
  const resume = entry.getByTestId('continue-self-assessment');
  await start.or(resume).first().waitFor();
  await ((await start.count()) ? start : resume).click();
  await page.getByTestId('self-assessment-form').waitFor();
}
