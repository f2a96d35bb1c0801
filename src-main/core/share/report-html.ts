import { SUPPORT_PREFERENCE_LABELS, type ShareData } from '../../contract';

/**
 * report.html: one self-contained page a coach can open in any browser, print, or save as PDF.
 * No script at all (the CSP forbids it), no remote anything; charts are inline SVG with a table
 * beside them. Every piece of the user's text goes through `escapeHtml`, including into attributes.
 */

export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => ESCAPES[char] ?? char);
}

const date = (iso: string) => escapeHtml(iso.slice(0, 10));
const dateTime = (iso: string) => escapeHtml(iso.slice(0, 16).replace('T', ' '));
const para = (text: string) =>
  text.trim() ? `<p class="text">${escapeHtml(text)}</p>` : '<p class="empty">(left blank)</p>';
const field = (label: string, text: string) => `<h4>${escapeHtml(label)}</h4>${para(text)}`;
const rating = (value: number | null) => (value === null ? 'not rated' : `${value}%`);

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2327;background:#fff;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;border-bottom:2px solid #d5dde2;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}h4{font-size:.9rem;margin:.6rem 0 0;color:#44525b}
.meta,.empty{color:#55636c}.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.1rem 0}
article{border:1px solid #d5dde2;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0;break-inside:avoid}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d5dde2;padding:.2rem .5rem;text-align:left}
svg{max-width:100%;height:auto}.line{fill:none;stroke:#2f6f8f;stroke-width:2}.dot{fill:#2f6f8f}
.axis{stroke:#8a99a3;stroke-width:1}.label{font-size:11px;fill:#44525b}
@media print{body{margin:0;max-width:none}a{color:inherit}}`;

function diarySection(data: ShareData): string {
  if (data.diary.length === 0) return '';
  const entries = data.diary
    .map(
      (entry) => `<article><h3>${dateTime(entry.occurredAt)}: stress ${entry.stress} out of 10</h3>
${field('What happened', entry.what)}${field('In my body', entry.body)}${field('What I thought', entry.thoughts)}${field('What I did', entry.actions)}</article>`,
    )
    .join('\n');
  return `<section><h2>Stress diary (${data.diary.length})</h2>${entries}</section>`;
}

function thoughtSection(data: ShareData): string {
  if (data.thoughtRecords.length === 0) return '';
  const records = data.thoughtRecords
    .map((record) => {
      const thoughts = record.automaticThoughts
        .map((t) => `<li><span class="text">${escapeHtml(t.text)}</span> (believed ${rating(t.belief)})</li>`)
        .join('');
      const feelings = (list: typeof record.emotions) =>
        list.length
          ? `<ul>${list.map((e) => `<li>${escapeHtml(e.name)}: ${rating(e.intensity)}</li>`).join('')}</ul>`
          : '<p class="empty">(none)</p>';
      const traps = record.thinkingTraps.map((trap) => escapeHtml(trap.name)).join(', ');
      return `<article><h3>${dateTime(record.occurredAt)}${record.status === 'draft' ? ' (not finished)' : ''}</h3>
${field('Situation', record.situation)}<h4>Thoughts</h4>${thoughts ? `<ul>${thoughts}</ul>` : '<p class="empty">(none)</p>'}
<h4>Feelings</h4>${feelings(record.emotions)}<h4>Thinking traps spotted</h4>${traps ? `<p>${traps}</p>` : '<p class="empty">(none)</p>'}
${field('Evidence for', record.evidenceFor)}${field('Evidence against', record.evidenceAgainst)}${field('Balanced thought', record.balancedThought)}
<h4>Afterwards</h4><p>Belief in the first thought: ${rating(record.rerated.belief)}</p>${feelings(record.rerated.emotions)}</article>`;
    })
    .join('\n');
  return `<section><h2>Thought records (${data.thoughtRecords.length})</h2>${records}</section>`;
}

function checkinSection(data: ShareData): string {
  if (data.checkins.length === 0) return '';
  const rows = data.checkins
    .flatMap((checkin) =>
      checkin.scales.map(
        (scale) =>
          `<tr><td>${date(checkin.takenAt)}</td><td>${escapeHtml(checkin.measureName)}</td><td>${escapeHtml(scale.label)}</td><td>${scale.score} (${scale.min}–${scale.max})</td><td>${escapeHtml(scale.band)}</td></tr>`,
      ),
    )
    .join('\n');
  return `<section><h2>Check-in results (${data.checkins.length})</h2>
<table><thead><tr><th scope="col">Date</th><th scope="col">Questionnaire</th><th scope="col">Scale</th><th scope="col">Score (range)</th><th scope="col">Band</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** A line chart of one questionnaire's scores over time, as inline SVG (no script, prints well). */
export function trendSvg(trend: ShareData['trends'][number]): string {
  const width = 560;
  const height = 220;
  const left = 40;
  const right = 16;
  const top = 16;
  const bottom = 36;
  const span = trend.max - trend.min || 1;
  const times = trend.points.map((point) => Date.parse(point.takenAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (time: number) =>
    last === first
      ? left + (width - left - right) / 2
      : left + ((time - first) / (last - first)) * (width - left - right);
  const y = (score: number) => top + (1 - (score - trend.min) / span) * (height - top - bottom);
  const coords = trend.points.map((point, i) => [x(times[i] as number), y(point.score)] as const);
  const line = coords.map(([cx, cy]) => `${cx.toFixed(1)},${cy.toFixed(1)}`).join(' ');
  const dots = coords
    .map(
      ([cx, cy], i) =>
        `<circle class="dot" cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3.5"><title>${date(trend.points[i]?.takenAt ?? '')}: ${trend.points[i]?.score}</title></circle>`,
    )
    .join('');
  const title = escapeHtml(`${trend.measureName}, ${trend.scaleLabel}: scores over time`);
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg">
<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}"/><line class="axis" x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}"/>
<text class="label" x="${left - 6}" y="${top + 4}" text-anchor="end">${trend.max}</text><text class="label" x="${left - 6}" y="${height - bottom}" text-anchor="end">${trend.min}</text>
<text class="label" x="${left}" y="${height - 12}">${date(trend.points[0]?.takenAt ?? '')}</text><text class="label" x="${width - right}" y="${height - 12}" text-anchor="end">${date(trend.points.at(-1)?.takenAt ?? '')}</text>
<polyline class="line" points="${line}"/>${dots}</svg>`;
}

function trendSection(data: ShareData): string {
  if (data.trends.length === 0) return '';
  const trends = data.trends
    .map((trend) => {
      const rows = trend.points
        .map(
          (point) =>
            `<tr><td>${date(point.takenAt)}</td><td>${point.score}</td><td>${escapeHtml(point.band)}</td></tr>`,
        )
        .join('');
      return `<article><h3>${escapeHtml(trend.measureName)}: ${escapeHtml(trend.scaleLabel)} (${trend.min}–${trend.max})</h3>${trendSvg(trend)}
<table><thead><tr><th scope="col">Date</th><th scope="col">Score</th><th scope="col">Band</th></tr></thead><tbody>${rows}</tbody></table></article>`;
    })
    .join('\n');
  return `<section><h2>Trends</h2>${trends}</section>`;
}

function courseSection(data: ShareData): string {
  const { modules, answers } = data.course;
  if (modules.length === 0 && answers.length === 0) return '';
  const moduleRows = modules
    .map(
      (module) =>
        `<tr><td>${escapeHtml(module.title)}</td><td>${module.completedSteps} of ${module.totalSteps} steps</td><td>${module.completedAt ? date(module.completedAt) : 'not yet'}</td></tr>`,
    )
    .join('');
  const answerList = answers
    .map(
      (answer) =>
        `<article><h3>${escapeHtml(answer.moduleTitle)}: ${escapeHtml(answer.prompt)}</h3><p class="meta">${date(answer.answeredAt)}</p>${para(answer.answer)}</article>`,
    )
    .join('\n');
  return `<section><h2>Course</h2>${
    modules.length
      ? `<table><thead><tr><th scope="col">Module</th><th scope="col">Progress</th><th scope="col">Finished</th></tr></thead><tbody>${moduleRows}</tbody></table>`
      : ''
  }${answerList}</section>`;
}

/** The page's heading and first line; the full export uses its own, the coach share the default. */
export interface ReportHeading {
  title: string;
  intro: string;
}

const SHARE_HEADING: ReportHeading = {
  title: 'Shared from Stillroom',
  intro: 'The person chose everything on this page themselves. Please keep it private.',
};

export function renderReportHtml(data: ShareData, heading: ReportHeading = SHARE_HEADING): string {
  const preference = data.supportPreference
    ? `<p><strong>Support I would like:</strong> ${escapeHtml(SUPPORT_PREFERENCE_LABELS[data.supportPreference])}</p>`
    : '';
  const note = data.note ? `<section><h2>A note for you</h2>${para(data.note)}</section>` : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading.title)}, ${date(data.createdAt)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(heading.title)}</h1>
<p class="meta">Made on ${dateTime(data.createdAt)} (UTC) with Stillroom ${escapeHtml(data.app.version)}. ${escapeHtml(heading.intro)}</p>
${preference}</header>
<main>
${note}${diarySection(data)}${thoughtSection(data)}${checkinSection(data)}${trendSection(data)}${courseSection(data)}
</main>
</body>
</html>
`;
}
