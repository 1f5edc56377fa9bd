/**
 * Showing API problems to people: the server already sends `detail` in the user's language, and
 * field problems carry a JSON pointer (`/email`, `/roles/0/unitId`) that maps onto an antd Form
 * name path, so the message appears under the field it concerns.
 */
import type { FormInstance } from 'antd';
import { i18n } from './i18n.ts';
import { isApiError } from './api-client.ts';

/** `/roles/0/unitId` → ['roles', 0, 'unitId']; `/email` → ['email']. */
export function pointerToNamePath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Schema-validation problems arrive with the validator's English text (`must match format "email"`);
 * their keyword codes are translated here. Domain codes (`user.email_taken`) already come localised.
 */
const VALIDATOR_KEYWORDS = new Set([
  'required',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'type',
  'minimum',
  'maximum',
  'enum',
  'unknown_field',
]);

function fieldMessage(e: { code: string; message: string }, fallback: string): string {
  if (VALIDATOR_KEYWORDS.has(e.code)) return i18n.t(`fieldErrors.${e.code}`);
  return e.message || fallback;
}

/** A readable sentence for any error, in the current language. */
export function problemMessage(err: unknown): string {
  if (isApiError(err)) return err.detail || i18n.t('errors.http', { status: err.status });
  return i18n.t('errors.unexpected');
}

/**
 * Puts field problems under their fields. Returns the message still to show on its own (the
 * general `detail`, or null when every problem landed on a field of the form).
 */
export function applyProblemToForm(form: FormInstance, err: unknown): string | null {
  if (!isApiError(err) || err.errors.length === 0) return problemMessage(err);
  // Only top-level names the form knows: a problem about another field is shown as a message.
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  let unplaced = false;
  for (const e of err.errors) {
    const name = pointerToNamePath(e.field);
    if (name.length === 0 || !known.has(String(name[0]))) {
      unplaced = true;
      continue;
    }
    fields.push({ name, errors: [fieldMessage(e, err.detail)] });
  }
  form.setFields(fields);
  return unplaced || fields.length === 0 ? problemMessage(err) : null;
}

/**
 * After a failed save of an edit form. A 412 means someone else saved the record meanwhile: the
 * form is refilled from `reload` (the current version, whose ETag the next save sends) so the user
 * sees what changed instead of overwriting it blindly. Field problems go under their fields; the
 * message still to show is returned.
 */
export async function explainSaveError<V>(
  form: FormInstance<V>,
  err: unknown,
  reload?: () => Promise<V | undefined>,
): Promise<string | null> {
  if (reload && isApiError(err) && err.status === 412) {
    const current = await reload();
    if (current) form.setFieldsValue(current as Parameters<FormInstance<V>['setFieldsValue']>[0]);
  }
  return applyProblemToForm(form, err);
}
