import type { z } from "zod";
import type { Overview } from "@/lib/analytics/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type AnalyticsOverview = Camelize<z.infer<typeof Overview>>;
/** Days as YYYY-MM-DD in the store's time zone, both inclusive; without them, the last 30 days. */
export interface OverviewParams {
  startDate?: string;
  endDate?: string;
}

export class AnalyticsResource {
  constructor(private readonly http: HttpClient) {}

  getOverview(params: OverviewParams = {}): Promise<AnalyticsOverview> {
    return this.http.request("GET", "/api/v1/analytics/overview", { query: { ...params } });
  }
}
