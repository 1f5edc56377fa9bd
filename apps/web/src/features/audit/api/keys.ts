/** Query keys of the audit log. */
export interface AuditListParams {
  q?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (params: AuditListParams) => [...auditKeys.all, 'list', params] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
};
