/** The roles an API key can have (one each). */
export const ROLES = Object.freeze(['platform', 'analyst', 'lead', 'auditor', 'admin'] as const);

/** A role: what a key is allowed to do. */
export type Role = (typeof ROLES)[number];

/**
 * Who may do what: the one declarative policy every route checks. Separation of duties:
 * the platform screens and sends accounts, analysts and leads decide, only leads restore,
 * auditors read the log, admins manage keys and lists but take no decisions.
 */
export const PERMISSIONS = Object.freeze({
  'screen': ['platform'],
  'accounts.write': ['platform'],
  'accounts.read': ['platform', 'analyst', 'lead', 'auditor'],
  'matches.read': ['analyst', 'lead', 'auditor'],
  'matches.review': ['analyst', 'lead'],
  'accounts.restore': ['lead'],
  'coverage.read': ['lead', 'auditor', 'admin', 'analyst'],
  'restorations.read': ['lead', 'analyst', 'auditor'],
  'policy.read': ['analyst', 'lead', 'auditor', 'admin'],
  'policy.write': ['lead', 'admin'],
  'lists.read': ['platform', 'analyst', 'lead', 'auditor', 'admin'],
  'audit.read': ['auditor', 'lead', 'admin'],
  'metrics.read': ['admin', 'lead', 'auditor'],
  'session.read': ['platform', 'analyst', 'lead', 'auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>);

/** An action the policy names. */
export type Permission = keyof typeof PERMISSIONS;

/** Whether a role may take an action. */
export function isAllowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Whether a string is a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
