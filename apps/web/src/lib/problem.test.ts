import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { ApiError } from './api-client.ts';
import { applyProblemToForm, pointerToNamePath } from './problem.ts';

/** The two methods applyProblemToForm uses, recording what it puts under which field. */
function fakeForm(fieldNames: string[]) {
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  const form = {
    getFieldsValue: () => Object.fromEntries(fieldNames.map((n) => [n, undefined])),
    setFields: (fields: typeof set) => set.push(...fields),
  } as unknown as FormInstance;
  return { form, set };
}

describe('API problems in forms', () => {
  it('turns a JSON pointer into an antd name path', () => {
    expect(pointerToNamePath('/email')).toEqual(['email']);
    expect(pointerToNamePath('/roles/0/unitId')).toEqual(['roles', 0, 'unitId']);
    expect(pointerToNamePath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });

  it('puts a field problem under its field and leaves nothing else to show', () => {
    const { form, set } = fakeForm(['email', 'fullName']);
    const err = new ApiError(409, 'user.email_taken', 'Email này đã được dùng cho một tài khoản khác.', [
      { field: '/email', code: 'user.email_taken', message: 'Email này đã được dùng cho một tài khoản khác.' },
    ]);
    expect(applyProblemToForm(form, err)).toBeNull();
    expect(set).toEqual([{ name: ['email'], errors: ['Email này đã được dùng cho một tài khoản khác.'] }]);
  });

  it("translates the validator's English keyword messages", () => {
    const { form, set } = fakeForm(['email']);
    const err = new ApiError(400, 'validation.failed', 'Dữ liệu gửi lên không hợp lệ.', [
      { field: '/email', code: 'format', message: 'must match format "email"' },
    ]);
    applyProblemToForm(form, err);
    expect(set[0]?.errors).toEqual(['Giá trị không đúng định dạng.']);
  });

  it('shows a problem about a field the form does not have as a message', () => {
    const { form, set } = fakeForm(['fullName']);
    const err = new ApiError(400, 'validation.unknown_field', 'Trường không được phép: /status.', [
      { field: '/status', code: 'unknown_field', message: '' },
    ]);
    expect(applyProblemToForm(form, err)).toBe('Trường không được phép: /status.');
    expect(set).toEqual([]);
  });
});
