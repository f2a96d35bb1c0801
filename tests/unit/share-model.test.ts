import { describe, expect, it } from 'vitest';
import { shareDataSchema, shareSelectionSchema, type StoredResult } from '../../src-main/contract';
import { buildShareData, countShareData, isEmptyShare } from '../../src-main/core/share/export-model';
import { passphraseBits, suggestPassphrase } from '../../src-main/core/share/passphrase';
import { escapeHtml, renderReportHtml, REPORT_CSP } from '../../src-main/core/share/report-html';
import type { ShareSources } from '../../src-main/core/share/share-sources';
import { PASSPHRASE_WORDS } from '../../src-main/core/share/word-list';
import { inspectAgeHeader } from '../../src-main/infra/share/age-header';

/* The export model, the report and the passphrase, as pure functions over hand-made sources. */

const HOSTILE = [
  '<script>alert(1)</script>',
  '</style><style>body{display:none}</style>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</textarea></title><!--',
  '`${x}` & &amp; <svg onload=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
];

const entry = (n: number, what = `ENTRY-${n}`) => ({
  id: `d${n}`,
  occurredAt: `2026-11-0${n}T09:00:00.000Z`,
  stress: n,
  what,
  body: `body ${n}`,
  thoughts: '',
  actions: '',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

const result = (id: string, takenAt: string, score: number): StoredResult => ({
  id,
  takenAt,
  result: {
    measureId: 'phq-4',
    scales: [
      {
        scaleId: 'total',
        label: 'Total',
        score,
        range: { min: 0, max: 12 },
        primary: true,
        band: {
          id: 'b',
          label: `Band ${score}`,
          description: '',
          helps: { text: 'A walk', modules: [], topics: [] },
          suggestMeasures: [],
          suggestProfessional: false,
        },
      },
    ],
    skippedScales: [],
    safety: { triggered: true, reasons: [{ ruleId: 'secret', reason: 'SAFETY-REASON' }] },
    unscored: [],
  },
});

function sources(what: (n: number) => string = (n) => `ENTRY-${n}`): ShareSources {
  return {
    diaryEntries: () => [5, 4, 3, 2, 1].map((n) => entry(n, what(n))),
    thoughtRecords: () => [
      {
        id: 't1',
        status: 'complete',
        occurredAt: '2026-11-03T10:00:00.000Z',
        situation: 'THOUGHT-1',
        automaticThoughts: [{ text: 'They think I am slow', belief: 80 }],
        emotions: [{ name: 'anxious', intensity: 70 }],
        thinkingTraps: ['mind-reading'],
        evidenceFor: 'a',
        evidenceAgainst: 'b',
        balancedThought: 'c',
        rerated: { belief: 30, emotions: [] },
        createdAt: '2026-11-03T10:00:00.000Z',
        updatedAt: '2026-11-03T10:00:00.000Z',
      },
    ],
    checkinResults: () => [
      {
        measureId: 'phq-4',
        results: [result('c2', '2026-11-20T09:00:00.000Z', 6), result('c1', '2026-11-06T09:00:00.000Z', 3)],
      },
    ],
    course: () => ({ modules: [], answers: [] }),
  };
}

const context = {
  now: Date.parse('2026-11-26T09:00:00Z'),
  appVersion: '1.2.3',
  measureNames: new Map([['phq-4', 'Patient Health Questionnaire-4']]),
  trapNames: new Map([['mind-reading', 'Mind reading']]),
};

const select = (input: Record<string, unknown>) => shareSelectionSchema.parse(input);

describe('export model', () => {
  it('holds exactly the chosen items, in the order they happened, and nothing by default', () => {
    const data = buildShareData(
      select({ diaryEntryIds: ['d4', 'd2'], checkinResultIds: ['c1'] }),
      sources(),
      context,
    );
    expect(shareDataSchema.parse(data)).toEqual(data);
    expect(data.diary.map((e) => e.id)).toEqual(['d2', 'd4']);
    expect(data.thoughtRecords).toEqual([]);
    expect(data.checkins.map((c) => c.id)).toEqual(['c1']);
    expect(data.trends).toEqual([]);
    expect(data.supportPreference).toBeNull();
    const json = JSON.stringify(data);
    for (const unchosen of ['ENTRY-1', 'ENTRY-3', 'ENTRY-5', 'THOUGHT-1'])
      expect(json).not.toContain(unchosen);
    // Safety flags and per-item answers never go into a share.
    expect(json).not.toContain('SAFETY-REASON');
    expect(isEmptyShare(countShareData(buildShareData(select({}), sources(), context)))).toBe(true);
  });

  it('gives a trend every result of the questionnaire, oldest first, and names thinking traps', () => {
    const data = buildShareData(
      select({ trendMeasureIds: ['phq-4'], thoughtRecordIds: ['t1'] }),
      sources(),
      context,
    );
    expect(data.trends[0]?.points.map((p) => p.score)).toEqual([3, 6]);
    expect(data.trends[0]).toMatchObject({ measureName: 'Patient Health Questionnaire-4', min: 0, max: 12 });
    expect(data.thoughtRecords[0]?.thinkingTraps).toEqual([{ id: 'mind-reading', name: 'Mind reading' }]);
  });

  it('refuses a chosen item that no longer exists rather than quietly leaving it out', () => {
    expect(() => buildShareData(select({ diaryEntryIds: ['d1', 'gone'] }), sources(), context)).toThrow(
      /no longer there/,
    );
    expect(() => buildShareData(select({ courseAnswerIds: ['a1'] }), sources(), context)).toThrow(
      /no longer there/,
    );
    expect(() => buildShareData(select({ trendMeasureIds: ['gad-7'] }), sources(), context)).toThrow(
      /no results/,
    );
  });
});

describe('report.html', () => {
  it('escapes every hostile text and carries no script at all', () => {
    const data = buildShareData(
      select({
        diaryEntryIds: HOSTILE.map((_, i) => `d${i + 1}`).slice(0, 5),
        note: HOSTILE.join('\n'),
        trendMeasureIds: ['phq-4'],
      }),
      sources((n) => HOSTILE[n - 1] ?? ''),
      { ...context, appVersion: '"><script>alert(2)</script>' },
    );
    const html = renderReportHtml(data);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<meta http-equiv="refresh"/i);
    // Every `<` left is one of the report's own tags: none of them has an event handler.
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    for (const text of HOSTILE) expect(html).toContain(escapeHtml(text));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
  });

  it('draws each trend as inline SVG with a table of the same numbers', () => {
    const html = renderReportHtml(buildShareData(select({ trendMeasureIds: ['phq-4'] }), sources(), context));
    expect(html).toMatch(
      /<svg [^>]*role="img"[^>]*aria-label="Patient Health Questionnaire-4, Total: scores over time"/,
    );
    expect(html.match(/<circle /g)).toHaveLength(2);
    expect(html).toContain('<td>2026-11-06</td><td>3</td><td>Band 3</td>');
  });

  it('escapes the five HTML specials and backticks', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;',
    );
  });
});

describe('suggested passphrases', () => {
  it('are six words from the list, each drawn with the given random source', () => {
    const draws: number[] = [];
    const suggestion = suggestPassphrase((max) => {
      draws.push(max);
      return draws.length - 1;
    });
    expect(draws).toEqual(Array(6).fill(PASSPHRASE_WORDS.length));
    expect(suggestion.passphrase).toBe(PASSPHRASE_WORDS.slice(0, 6).join('-'));
    expect(suggestion.bits).toBe(passphraseBits(6));
    expect(suggestion.bits).toBeGreaterThanOrEqual(64);
  });

  it('come from a list of at least 1,000 distinct short lower-case words', () => {
    expect(PASSPHRASE_WORDS.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length);
    for (const word of PASSPHRASE_WORDS) expect(word).toMatch(/^[a-z]{2,6}$/);
  });
});

describe('age header inspection', () => {
  const file = (stanzas: string) =>
    new TextEncoder().encode(`age-encryption.org/v1\n${stanzas}--- mac\nbody`);

  it('reads the scrypt work factor before any key is derived', () => {
    expect(inspectAgeHeader(file('-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nYm9keQ\n'))).toEqual({
      ok: true,
      recipientTypes: ['scrypt'],
      scryptLogN: 18,
    });
    expect(inspectAgeHeader(file('-> scrypt c2FsdA 40\nYm9keQ\n'))).toMatchObject({ scryptLogN: 40 });
    expect(inspectAgeHeader(file('-> X25519 abc\nYm9keQ\n'))).toMatchObject({
      recipientTypes: ['X25519'],
      scryptLogN: null,
    });
  });

  it('names files that are not age, armored, or cut short', () => {
    expect(inspectAgeHeader(new TextEncoder().encode('PK\u0003\u0004'))).toEqual({
      ok: false,
      problem: 'not_age',
    });
    expect(inspectAgeHeader(new TextEncoder().encode('-----BEGIN AGE ENCRYPTED FILE-----\n'))).toEqual({
      ok: false,
      problem: 'armored',
    });
    expect(inspectAgeHeader(new TextEncoder().encode('age-encryption.org/v1\n-> scrypt abc 18\n'))).toEqual({
      ok: false,
      problem: 'damaged',
    });
    expect(inspectAgeHeader(file('-> scrypt c2FsdA 9999999999\nYm9keQ\n'))).toEqual({
      ok: false,
      problem: 'damaged',
    });
  });
});
