/** The feed summary of an event: shared by the API's recent events and the admin's received ones. */
const SUMMARY_KEYS = ["id", "number", "name", "status", "total", "currency", "email", "url"];

/** The few fields of an event's data the feed shows (never whole payloads). */
export function summarizeEventData(data: unknown): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  if (!data || typeof data !== "object") return summary;
  const d = data as Record<string, unknown>;
  for (const key of SUMMARY_KEYS) if (d[key] !== undefined) summary[key] = d[key];
  return summary;
}
