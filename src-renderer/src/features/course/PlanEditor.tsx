import { useState } from 'react';
import type { CourseOverview, ModuleId } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { minutesShort } from './course-labels';

/**
 * The user's plan, editable: move modules up and down, add or leave out the optional ones. The
 * core modules always stay in, in whatever order the user likes.
 */
export function PlanEditor({
  overview,
  onSaved,
}: {
  overview: CourseOverview;
  onSaved: (next: CourseOverview) => void;
}) {
  const api = useApi();
  const [order, setOrder] = useState<ModuleId[]>(overview.plan);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const byId = new Map(overview.modules.map((m) => [m.moduleId, m]));
  const optional = overview.modules.filter((m) => !m.core);
  const reasons = new Map(
    (overview.recommendation?.suggestedOptional ?? []).map((s) => [s.moduleId, s.reason]),
  );

  async function save(next: ModuleId[], said: string) {
    setOrder(next);
    const result = await call(api, 'course.setPlan', { order: next });
    if (!result.ok) return setMessage({ error: result.error.message });
    setMessage({ success: said });
    onSaved(result.value);
  }

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    void save(next, `${byId.get(item)?.title ?? item} moved ${by < 0 ? 'up' : 'down'}.`);
  };

  return (
    <section className="plan-editor" aria-labelledby="plan-editor-title">
      <h2 id="plan-editor-title">Your order</h2>
      <p className="muted">Change it whenever you like. You can also open any module at any time.</p>
      <ol className="plan-list">
        {order.map((id, index) => {
          const module = byId.get(id);
          if (!module) return null;
          return (
            <li key={id}>
              <span className="plan-name">
                {module.title}
                <span className="muted">
                  {' '}
                  · {module.core ? 'core' : 'optional'} · {minutesShort(module.minutes)}
                </span>
              </span>
              <span className="plan-moves">
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Move ${module.title} up`}
                  aria-disabled={index === 0}
                  onClick={() => index > 0 && move(index, -1)}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Move ${module.title} down`}
                  aria-disabled={index === order.length - 1}
                  onClick={() => index < order.length - 1 && move(index, 1)}
                >
                  Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <fieldset className="choice-group">
        <legend>Optional modules in your plan</legend>
        {optional.map((module) => (
          <label key={module.moduleId} className="choice">
            <input
              type="checkbox"
              checked={order.includes(module.moduleId)}
              onChange={(event) =>
                void save(
                  event.target.checked
                    ? [...order, module.moduleId]
                    : order.filter((id) => id !== module.moduleId),
                  `${module.title} ${event.target.checked ? 'added to' : 'left out of'} your plan.`,
                )
              }
            />
            {module.title}
            {reasons.has(module.moduleId) && (
              <span className="muted"> (suggested: {reasons.get(module.moduleId)})</span>
            )}
          </label>
        ))}
      </fieldset>
      <FormMessage error={message.error} success={message.success} />
    </section>
  );
}
