import { createContext, useContext } from 'react';
import { isAllowed, type Permission, type Role } from '../../src/domain/access/permissions.js';

/** Who is signed in. The role decides what the console shows (the API enforces it too). */
export interface Session {
  readonly keyId: string;
  readonly role: Role;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

/** Whether the signed-in role may take an action (the same policy table the API checks). */
export function useCan(permission: Permission): boolean {
  return isAllowed(useSession().role, permission);
}
