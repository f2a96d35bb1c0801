import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendPoint {
  date: string;
  score: number;
}

/**
 * A line of scores over time. Loaded only when someone opens a history (recharts is large), drawn
 * in the theme's own colours through CSS variables, and hidden from screen readers because the
 * table beside it says the same thing.
 */
export default function TrendChart({ points, min, max }: { points: TrendPoint[]; min: number; max: number }) {
  return (
    <div className="trend-chart" aria-hidden="true" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 12, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="date" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)' }} />
          <YAxis domain={[min, max]} stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)' }} />
          <Tooltip
            contentStyle={{
              background: 'var(--surface)',
              border: '1px solid var(--border)',
              color: 'var(--text)',
            }}
          />
          <Line
            type="monotone"
            dataKey="score"
            stroke="var(--accent)"
            strokeWidth={2}
            dot={{ r: 4, fill: 'var(--accent)' }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
