// The tenant's own zone is passed explicitly where it matters; this is the fallback that keeps
// server and client formatting identical (no hydration mismatch). Its own file: the request
// config that uses it reads the session, which client code must not import.
export const DEFAULT_TIME_ZONE = "Asia/Riyadh";
