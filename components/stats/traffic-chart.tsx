'use client';

import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useId, useRef, useState } from 'react';
import { formatNumber } from '@/lib/format-number';

// Only the parts a line chart needs, so the dashboard's bundle stays small.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

export type ChartPoint = {
  label: string;
  previousLabel: string;
  current: { pageViews: number; visits: number } | null;
  previous: { pageViews: number; visits: number };
};
type Metric = 'pageViews' | 'visits';

const METRICS: Record<Metric, string> = { pageViews: 'Lượt xem', visits: 'Lượt truy cập' };

/**
 * The range against the period before it, as two lines. Drawn on a canvas, so the page also
 * gives the same numbers as a table; the canvas itself is described by its label.
 */
export function TrafficChart({ points, summary }: { points: ChartPoint[]; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [metric, setMetric] = useState<Metric>('pageViews');
  const selectId = useId();

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: points.map((p) => p.label),
        datasets: [
          {
            label: `${METRICS[metric]}: khoảng đã chọn`,
            data: points.map((p) => (p.current ? p.current[metric] : null)),
            borderColor: '#0b4f96',
            backgroundColor: '#0b4f96',
            borderWidth: 2,
            pointRadius: points.length > 40 ? 0 : 2,
            tension: 0.25,
          },
          {
            label: `${METRICS[metric]}: kỳ trước`,
            data: points.map((p) => p.previous[metric]),
            borderColor: '#94a3b8',
            backgroundColor: '#94a3b8',
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
            tension: 0.25,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        locale: 'vi-VN',
        scales: {
          x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
          y: { beginAtZero: true, ticks: { callback: (value) => formatNumber(Number(value)) } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              title: (items) => {
                const point = points[items[0]?.dataIndex ?? 0];
                return point ? `${point.label} (kỳ trước: ${point.previousLabel})` : '';
              },
            },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [points, metric]);

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={selectId}>Số liệu trên biểu đồ</label>
        <select
          id={selectId}
          value={metric}
          onChange={(event) => setMetric(event.target.value as Metric)}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          {Object.entries(METRICS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="relative h-64 w-full sm:h-80">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
    </div>
  );
}
