/**
 * The planner account the browser tests log in with. playwright.config.ts creates it (with the user CLI) on the
 * e2e server's database before the server starts, because the embedded engine's folder is locked while it runs.
 * A throwaway password for a throwaway database, never a real secret.
 */
export const E2E_PLANNER = {
  email: 'planner@example.dk',
  name: 'Planlægger Test',
  password: 'e2e-planner-password-2026',
} as const;
