/**
 * Cookies of the demo owner, saved by auth.setup.ts and reused by the en and ar projects. Under
 * test-results/ (git- and prettier-ignored); Playwright empties that folder before setup runs.
 */
export const OWNER_STATE = "test-results/.auth/owner.json";
