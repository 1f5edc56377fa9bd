/**
 * Import errors point into the uploaded document with JSON pointers (`/criteria/3/threshold`).
 * People read them as a path of names: "Tiêu chuẩn thứ 4 (mã 1.2.a.8) › Ngưỡng".
 */
import { i18n } from '../../../lib/i18n.ts';

const CAMPAIGN_FIELDS: Record<string, string> = {
  participantKinds: 'campaigns.fields.participantKinds',
  participantUnitCodes: 'campaigns.templates.import.fields.participantUnitCodes',
  individualsTakePart: 'campaigns.fields.individualsTakePart',
  collective: 'campaigns.fields.contentsCollective',
  individual: 'campaigns.fields.contentsIndividual',
  onBehalfOf: 'campaigns.fields.signerOnBehalfOf',
  name: 'campaigns.fields.signerName',
};

const DOCUMENT_FIELDS: Record<string, string> = {
  format: 'campaigns.templates.import.fields.format',
  version: 'campaigns.templates.import.fields.version',
  name: 'campaigns.templates.import.fields.name',
  description: 'campaigns.templates.import.fields.description',
  campaign: 'campaigns.templates.import.fields.campaign',
  criteria: 'campaigns.templates.import.fields.criteria',
};

function label(key: string | undefined, fallback: string): string {
  return key && i18n.exists(key) ? i18n.t(key) : fallback;
}

function unescape(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer as names; `doc` (the uploaded JSON) lets a criterion be named by its code. */
export function describePointer(pointer: string, doc: unknown): string {
  const parts = pointer.split('/').filter(Boolean).map(unescape);
  if (parts.length === 0) return i18n.t('campaigns.templates.import.fields.document');
  const out: string[] = [];
  const [head, ...rest] = parts;
  if (head === 'criteria' && rest.length > 0 && /^\d+$/.test(rest[0]!)) {
    const index = Number(rest[0]);
    const code = (doc as { criteria?: { code?: unknown }[] } | null)?.criteria?.[index]?.code;
    out.push(
      typeof code === 'string' && code
        ? i18n.t('campaigns.templates.import.criterionWithCode', { n: index + 1, code })
        : i18n.t('campaigns.templates.import.criterionN', { n: index + 1 }),
    );
    for (const p of rest.slice(1))
      out.push(
        /^\d+$/.test(p)
          ? i18n.t('campaigns.templates.import.itemN', { n: Number(p) + 1 })
          : label(`campaigns.criteria.fields.${p}`, p),
      );
  } else if (head === 'campaign') {
    out.push(i18n.t('campaigns.templates.import.fields.campaign'));
    for (const p of rest)
      out.push(
        /^\d+$/.test(p)
          ? i18n.t('campaigns.templates.import.itemN', { n: Number(p) + 1 })
          : label(CAMPAIGN_FIELDS[p] ?? `campaigns.fields.${p}`, p),
      );
  } else {
    out.push(label(DOCUMENT_FIELDS[head!], head!));
    for (const p of rest)
      out.push(/^\d+$/.test(p) ? i18n.t('campaigns.templates.import.itemN', { n: Number(p) + 1 }) : p);
  }
  return out.join(' › ');
}

/** The message of one field problem: validator keywords are translated, domain messages come localised. */
export function fieldProblemText(e: { code: string; message: string }): string {
  const key = `fieldErrors.${e.code}`;
  return i18n.exists(key) ? i18n.t(key) : e.message;
}
