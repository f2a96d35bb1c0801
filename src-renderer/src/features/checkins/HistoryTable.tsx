import type { StoredResult } from '../../../../src-main/contract';
import { dateFormats } from './trend-summary';

const dates = dateFormats();

/**
 * Every past result as a real table (date, score, band), saying what the chart shows to anyone
 * who cannot see it. A questionnaire with several scales (the burnout check) gets a score and a
 * band column for each.
 */
export function HistoryTable({ name, results }: { name: string; results: StoredResult[] }) {
  // Every scale any result has, in order: an optional scale may be answered only some weeks.
  const scales = [
    ...new Map(results.flatMap((entry) => entry.result.scales).map((s) => [s.scaleId, s])).values(),
  ];
  const single = scales.length === 1;
  return (
    <table className="results-table" data-testid="history-table">
      <caption>{name} results, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {scales.map((scale) => [
            <th scope="col" key={`${scale.scaleId}-score`}>
              {single ? 'Score' : scale.label}
            </th>,
            <th scope="col" key={`${scale.scaleId}-band`}>
              {single ? 'Band' : `${scale.label}: band`}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {results.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">{dates.long.format(new Date(entry.takenAt))}</th>
            {scales.map((column) => {
              const scale = entry.result.scales.find((s) => s.scaleId === column.scaleId);
              return [
                <td key={`${column.scaleId}-score`}>{scale?.score ?? '–'}</td>,
                <td key={`${column.scaleId}-band`}>{scale?.band.label ?? 'Not answered'}</td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
