import type { ShareData } from '../../../../src-main/contract';
import { SUPPORT_PREFERENCE_LABELS } from '../../../../src-main/contract/plain';
import { formatDay, formatDayTime } from '../../components/format';

/*
 * What the coach sees, drawn from the same data.json the report.html in the file is made from,
 * section for section. React renders every piece of text as text, so nothing typed is markup.
 * (The app's CSP allows no inline styles, so report.html itself cannot be framed here.)
 */

// In UTC, as report.html in the file says: the coach may read it in another zone.
const UTC = { timeZone: 'UTC' };
const rating = (value: number | null) => (value === null ? 'not rated' : `${value}%`);

function Field({ label, text }: { label: string; text: string }) {
  return (
    <>
      <h5>{label}</h5>
      {text.trim() ? <p className="share-text">{text}</p> : <p className="muted">(left blank)</p>}
    </>
  );
}

function TrendSvg({ trend }: { trend: ShareData['trends'][number] }) {
  const width = 560;
  const height = 200;
  const pad = { left: 36, right: 12, top: 12, bottom: 28 };
  const times = trend.points.map((point) => Date.parse(point.takenAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = trend.max - trend.min || 1;
  const x = (time: number) =>
    last === first
      ? (pad.left + width - pad.right) / 2
      : pad.left + ((time - first) / (last - first)) * (width - pad.left - pad.right);
  const y = (score: number) => pad.top + (1 - (score - trend.min) / span) * (height - pad.top - pad.bottom);
  const coords = trend.points.map((point, i) => [x(times[i] ?? 0), y(point.score)] as const);
  return (
    <svg className="share-chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} className="share-axis" />
      <line
        x1={pad.left}
        y1={height - pad.bottom}
        x2={width - pad.right}
        y2={height - pad.bottom}
        className="share-axis"
      />
      <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" className="share-label">
        {trend.max}
      </text>
      <text x={pad.left - 6} y={height - pad.bottom} textAnchor="end" className="share-label">
        {trend.min}
      </text>
      <polyline points={coords.map(([cx, cy]) => `${cx},${cy}`).join(' ')} className="share-line" />
      {coords.map(([cx, cy], i) => (
        <circle key={i} cx={cx} cy={cy} r={3.5} className="share-dot" />
      ))}
    </svg>
  );
}

/** The report, read-only. `headingLevel` 2 in the preview and the coach view alike. */
export function ShareReport({ data }: { data: ShareData }) {
  const empty = (what: string) => <p className="muted">(no {what})</p>;
  return (
    <div className="share-report" data-testid="share-report">
      <p className="muted">
        Made on {formatDayTime(data.createdAt, UTC)} (UTC) with Stillroom {data.app.version}.
      </p>
      {data.supportPreference && (
        <p>
          <strong>Support I would like:</strong> {SUPPORT_PREFERENCE_LABELS[data.supportPreference]}
        </p>
      )}
      {data.note && (
        <section aria-labelledby="share-note">
          <h3 id="share-note">A note for you</h3>
          <p className="share-text">{data.note}</p>
        </section>
      )}
      {data.diary.length > 0 && (
        <section aria-labelledby="share-diary">
          <h3 id="share-diary">Stress diary ({data.diary.length})</h3>
          {data.diary.map((entry) => (
            <article key={entry.id} className="share-item" data-testid="share-diary-entry">
              <h4>
                {formatDayTime(entry.occurredAt, UTC)}: stress {entry.stress} out of 10
              </h4>
              <Field label="What happened" text={entry.what} />
              <Field label="In my body" text={entry.body} />
              <Field label="What I thought" text={entry.thoughts} />
              <Field label="What I did" text={entry.actions} />
            </article>
          ))}
        </section>
      )}
      {data.thoughtRecords.length > 0 && (
        <section aria-labelledby="share-thoughts">
          <h3 id="share-thoughts">Thought records ({data.thoughtRecords.length})</h3>
          {data.thoughtRecords.map((record) => (
            <article key={record.id} className="share-item">
              <h4>
                {formatDayTime(record.occurredAt, UTC)}
                {record.status === 'draft' ? ' (not finished)' : ''}
              </h4>
              <Field label="Situation" text={record.situation} />
              <h5>Thoughts</h5>
              {record.automaticThoughts.length ? (
                <ul>
                  {record.automaticThoughts.map((thought, i) => (
                    <li key={i}>
                      <span className="share-text">{thought.text}</span> (believed {rating(thought.belief)})
                    </li>
                  ))}
                </ul>
              ) : (
                empty('thoughts')
              )}
              <h5>Feelings</h5>
              {record.emotions.length ? (
                <ul>
                  {record.emotions.map((emotion, i) => (
                    <li key={i}>
                      {emotion.name}: {rating(emotion.intensity)}
                    </li>
                  ))}
                </ul>
              ) : (
                empty('feelings')
              )}
              <h5>Thinking traps spotted</h5>
              {record.thinkingTraps.length ? (
                <p>{record.thinkingTraps.map((trap) => trap.name).join(', ')}</p>
              ) : (
                empty('thinking traps')
              )}
              <Field label="Evidence for" text={record.evidenceFor} />
              <Field label="Evidence against" text={record.evidenceAgainst} />
              <Field label="Balanced thought" text={record.balancedThought} />
              <h5>Afterwards</h5>
              <p>Belief in the first thought: {rating(record.rerated.belief)}</p>
              {record.rerated.emotions.length ? (
                <ul>
                  {record.rerated.emotions.map((emotion, i) => (
                    <li key={i}>
                      {emotion.name}: {rating(emotion.intensity)}
                    </li>
                  ))}
                </ul>
              ) : (
                empty('feelings')
              )}
            </article>
          ))}
        </section>
      )}
      {data.checkins.length > 0 && (
        <section aria-labelledby="share-checkins">
          <h3 id="share-checkins">Check-in results ({data.checkins.length})</h3>
          <table className="results-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">Scale</th>
                <th scope="col">Score (range)</th>
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {data.checkins.flatMap((checkin) =>
                checkin.scales.map((scale) => (
                  <tr key={`${checkin.id}-${scale.scaleId}`} data-testid="share-checkin-row">
                    <td>{formatDay(checkin.takenAt, UTC)}</td>
                    <td>{checkin.measureName}</td>
                    <td>{scale.label}</td>
                    <td>
                      {scale.score} ({scale.min}–{scale.max})
                    </td>
                    <td>{scale.band}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      )}
      {data.trends.length > 0 && (
        <section aria-labelledby="share-trends">
          <h3 id="share-trends">Trends</h3>
          {data.trends.map((trend) => (
            <article key={trend.measureId} className="share-item">
              <h4>
                {trend.measureName}: {trend.scaleLabel} ({trend.min}–{trend.max})
              </h4>
              <TrendSvg trend={trend} />
              <table className="results-table">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Score</th>
                    <th scope="col">Band</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.points.map((point, i) => (
                    <tr key={i}>
                      <td>{formatDay(point.takenAt, UTC)}</td>
                      <td>{point.score}</td>
                      <td>{point.band}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))}
        </section>
      )}
      {(data.course.modules.length > 0 || data.course.answers.length > 0) && (
        <section aria-labelledby="share-course">
          <h3 id="share-course">Course</h3>
          {data.course.modules.length > 0 && (
            <ul>
              {data.course.modules.map((module) => (
                <li key={module.moduleId}>
                  {module.title}: {module.completedSteps} of {module.totalSteps} steps
                  {module.completedAt ? `, finished ${formatDay(module.completedAt, UTC)}` : ''}
                </li>
              ))}
            </ul>
          )}
          {data.course.answers.map((answer) => (
            <article key={answer.id} className="share-item">
              <h4>
                {answer.moduleTitle}: {answer.prompt}
              </h4>
              <p className="share-text">{answer.answer}</p>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
