"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useDisplayFormatter } from "@/lib/admin/format/client";

export interface TrendChartPoint {
  date: string;
  /** The day, short ("3 Nov"), for the axis. */
  label: string;
  /** The day in full, for the tooltip. */
  fullLabel: string;
  revenue: number;
  orders: number;
}

const HEIGHT = 300;
// The theme's primary teal for money, a slate for the count: apart in hue and in lightness.
const REVENUE = "var(--color-primary)";
const ORDERS = "#94a3b8";

/**
 * Without animation: it would replay on every range change and ignores reduced-motion settings.
 * Revenue (a line, its axis at the start side) over orders (bars, axis at the end side), one point
 * a day. In Arabic time runs right to left: the axis is reversed and the money axis sits on the
 * right. Drawn only in the browser (it measures its box); screen readers get the table beside it.
 */
export function TrendChart({
  points,
  currency,
  rtl,
  labels,
}: {
  points: TrendChartPoint[];
  currency: string;
  rtl: boolean;
  labels: { revenue: string; orders: string };
}) {
  const format = useDisplayFormatter();
  const hydrated = useHydrated();
  const money = (value: number, compact = false) =>
    format.number(value, {
      style: "currency",
      currency,
      ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
    });

  if (!hydrated) return <div style={{ height: HEIGHT }} />;
  return (
    // overflow-hidden: until the chart measures its new box (a resize, a rotated phone), what it
    // drew at the old width is clipped instead of widening the page.
    <div aria-hidden data-testid="trend-chart" dir="ltr" className="min-w-0 overflow-hidden">
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ComposedChart
          data={points}
          margin={{ top: 8, right: 4, bottom: 0, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="label"
            reversed={rtl}
            tickLine={false}
            axisLine={{ stroke: "var(--color-border)" }}
            tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
            minTickGap={16}
          />
          <YAxis
            yAxisId="revenue"
            orientation={rtl ? "right" : "left"}
            tickFormatter={(value: number) => money(value, true)}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
            width={72}
          />
          <YAxis
            yAxisId="orders"
            orientation={rtl ? "left" : "right"}
            allowDecimals={false}
            tickFormatter={(value: number) => format.number(value)}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
            width={40}
          />
          <Tooltip
            labelFormatter={(_, payload) => payload?.[0]?.payload?.fullLabel ?? ""}
            formatter={(value, name) =>
              name === labels.revenue ? money(Number(value)) : format.number(Number(value))
            }
            contentStyle={{
              borderRadius: 8,
              borderColor: "var(--color-border)",
              direction: rtl ? "rtl" : "ltr",
              textAlign: "start",
            }}
          />
          <Legend wrapperStyle={{ fontSize: 13, direction: rtl ? "rtl" : "ltr" }} iconSize={10} />
          <Bar
            yAxisId="orders"
            dataKey="orders"
            name={labels.orders}
            fill={ORDERS}
            radius={[3, 3, 0, 0]}
            maxBarSize={24}
            isAnimationActive={false}
          />
          <Line
            yAxisId="revenue"
            dataKey="revenue"
            name={labels.revenue}
            stroke={REVENUE}
            strokeWidth={2}
            dot={points.length <= 31 ? { r: 2.5 } : false}
            type="monotone"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
