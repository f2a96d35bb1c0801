import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import { bandTicks, dateFormats, pointWords, type ScoreRange } from './trend-summary';

export interface TrendPoint {
  /** The time taken, in milliseconds, so the spacing between points is the time between them. */
  time: number;
  score: number;
  bandLabel: string;
}

export interface TrendBand {
  min: number;
  label: string;
}

/** Room at the right for the band names, the longest being "Fair to good wellbeing". */
const BAND_NAME_ROOM = 156;
/** At most this many dates under the chart; more would run into each other. */
const MAX_DATE_TICKS = 6;

/** The dates to label: every check-in when there are few, else an even spread with both ends. */
function dateTicks(points: readonly TrendPoint[], format: (time: number) => string): number[] {
  const step = Math.max(1, Math.ceil((points.length - 1) / (MAX_DATE_TICKS - 1)));
  const picked = points.filter((_, index) => index % step === 0 || index === points.length - 1);
  const seen = new Set<string>();
  return picked
    .filter((point) => {
      const label = format(point.time);
      if (seen.has(label)) return false; // two check-ins on one day share one date
      seen.add(label);
      return true;
    })
    .map((point) => point.time);
}

/** The check-ins' span with a little room each side, so the bands run past the end points. */
function timeDomain(points: readonly TrendPoint[]): [number, number] {
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? first;
  const room = Math.max((last - first) * 0.04, 12 * 60 * 60 * 1000);
  return [first - room, last + room];
}

function PointTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="trend-tooltip">
      {pointWords(point.score, point.bandLabel, dates.long.format(point.time))}
    </div>
  );
}

const dates = dateFormats();
const scoreFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/**
 * A line of scores over time over the measure's bands, each shaded and named in plain words at
 * the right. Loaded only when someone opens a history (recharts is large), drawn in the theme's
 * colours through CSS (checkins.css), and hidden from screen readers: the table says the same.
 */
export default function TrendChart({
  points,
  range,
  bands,
}: {
  points: TrendPoint[];
  range: ScoreRange;
  bands: TrendBand[];
}) {
  const shortDate = (time: number) => dates.short.format(time);
  return (
    <div className="trend-chart" aria-hidden="true" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={260}>
        {/* The right margin holds the band names; the others keep the end dates from being cut off. */}
        {/* No keyboard layer: the chart is hidden from assistive tech, so it must not take focus. */}
        <LineChart
          accessibilityLayer={false}
          data={points}
          margin={{ top: 10, right: BAND_NAME_ROOM, bottom: 4, left: 4 }}
        >
          {bands.map((band, index) => (
            <ReferenceArea
              key={band.label}
              y1={band.min}
              y2={bands[index + 1]?.min ?? range.max}
              className={`trend-band trend-band-${index % 2}`}
              ifOverflow="hidden"
              label={{ value: band.label, position: 'right', offset: 10, className: 'trend-band-label' }}
            />
          ))}
          <CartesianGrid className="trend-grid" vertical={false} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={timeDomain(points)}
            ticks={dateTicks(points, shortDate)}
            tickFormatter={shortDate}
            interval={0}
            tickMargin={6}
            className="trend-axis"
          />
          <YAxis
            domain={[range.min, range.max]}
            ticks={bandTicks(range, bands)}
            tickFormatter={(score: number) => scoreFormat.format(score)}
            interval={0}
            width={44}
            className="trend-axis"
          />
          <Tooltip content={PointTooltip} cursor={{ className: 'trend-cursor' }} isAnimationActive={false} />
          <Line
            type="linear"
            dataKey="score"
            className="trend-line"
            stroke="currentColor"
            strokeWidth={2.5}
            dot={{ r: 4.5, className: 'trend-dot' }}
            activeDot={{ r: 6, className: 'trend-dot' }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
