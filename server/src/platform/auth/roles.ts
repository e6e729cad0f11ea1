/** Account roles; an anonymous visitor has none and may only read. */
export const ROLES = ['planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** An admin may do everything a planner may, and also manage accounts. */
const RANK: Record<Role, number> = { planner: 1, admin: 2 };

export const hasRole = (actual: Role, required: Role): boolean => RANK[actual] >= RANK[required];
