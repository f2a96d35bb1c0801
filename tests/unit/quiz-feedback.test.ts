import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src-main/contract';
import { loadCourse } from '../../src-main/infra/content/course-content';
import { QuizStep } from '../../src-renderer/src/features/course/QuizStep';
import { feedbackWithoutVerdict } from '../../src-renderer/src/features/course/quiz-feedback';
import { projectRoot } from '../helpers/layering';

/** Issue 17: quiz feedback read "Yes. Yes." — the badge says the verdict once, the text never repeats it. */

/** The feedback paragraph as a reader hears it, for `question` answered with `optionId`. */
function feedbackText(question: QuizQuestion, optionId: string): string {
  const html = renderToStaticMarkup(
    createElement(QuizStep, {
      idPrefix: 't',
      questions: [question],
      answers: { [question.id]: optionId },
      onAnswer: () => undefined,
    }),
  );
  const paragraph = /<p class="feedback[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return paragraph
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const questions = loadCourse(join(projectRoot, 'content')).flatMap((loaded) =>
  loaded.module.steps.flatMap((step) => (step.kind === 'quiz' ? step.questions : [])),
);

describe('quiz feedback', () => {
  it('the shipped course has quizzes whose feedback opens with its own verdict (so this test can fail)', () => {
    expect(questions.length).toBeGreaterThan(5);
    const options = questions.flatMap((question) => question.options);
    expect(options.some((option) => /^Yes\./.test(option.feedback))).toBe(true);
    expect(options.some((option) => /^Not quite\./.test(option.feedback))).toBe(true);
  });

  it('every answer in the course reads: one verdict, then the feedback, no word said twice', () => {
    for (const question of questions) {
      for (const option of question.options) {
        const text = feedbackText(question, option.id);
        const best = option.id === question.best;
        expect(text.startsWith(best ? 'Right ' : 'Worth another look ')).toBe(true);
        const rest = text.slice(best ? 6 : 19);
        expect(rest, text).not.toMatch(/^(yes|no|right|that's right|not quite|not this|sadly not)\b/i);
        expect(text, text).not.toMatch(/\b(\w+)\W+\1\b/i);
        expect(rest.charAt(0), text).toBe(rest.charAt(0).toUpperCase());
      }
    }
  });

  it('a verdict at the start of any wording is dropped, and only there', () => {
    expect(feedbackWithoutVerdict('Yes. It names the feeling.')).toBe('It names the feeling.');
    expect(feedbackWithoutVerdict('That’s right. Less is better.')).toBe('Less is better.');
    expect(feedbackWithoutVerdict('Not quite. there is no label.')).toBe('There is no label.');
    expect(feedbackWithoutVerdict('Close, but not yes.')).toBe('Close, but not yes.');
    expect(feedbackWithoutVerdict('Yesterday was hard.')).toBe('Yesterday was hard.');
  });
});
