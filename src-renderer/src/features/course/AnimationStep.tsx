import { useEffect, useState, type ReactNode } from 'react';
import type { CourseStep } from '../../../../src-main/contract';
import { useReducedMotion } from './use-reduced-motion';

type AnimationName = Extract<CourseStep, { kind: 'animation' }>['animation'];

const FRAME_MS = 6000;

/**
 * One of the built-in explanatory animations, stepped through with its captions. The captions
 * tell the whole story, so the picture is decoration for screen readers. With reduced motion the
 * picture changes frame by frame without moving and nothing plays by itself.
 */
export function AnimationStep({
  animation,
  frames,
  title,
}: {
  animation: AnimationName;
  frames: readonly { caption: string }[];
  title: string;
}) {
  const reduced = useReducedMotion();
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const last = frames.length - 1;

  useEffect(() => {
    if (!playing || reduced) return;
    if (frame >= last) {
      const id = window.setTimeout(() => setPlaying(false), 0);
      return () => window.clearTimeout(id);
    }
    const id = window.setTimeout(() => setFrame((f) => Math.min(f + 1, last)), FRAME_MS);
    return () => window.clearTimeout(id);
  }, [playing, reduced, frame, last]);

  const progress = last === 0 ? 1 : frame / last;
  return (
    <section className={`animation-step${reduced ? ' still' : ''}`} aria-label={`${title}: animation`}>
      <div className="animation-frame" aria-hidden="true">
        {PICTURES[animation](progress, frame)}
      </div>
      <p className="animation-caption" aria-live="polite">
        <span className="muted">
          Part {frame + 1} of {frames.length}.{' '}
        </span>
        {frames[frame]?.caption}
      </p>
      <div className="actions" role="group" aria-label="Animation">
        <button
          type="button"
          className="secondary"
          onClick={() => setFrame((f) => Math.max(0, f - 1))}
          aria-disabled={frame === 0}
        >
          Previous
        </button>
        <button
          type="button"
          onClick={() => setFrame((f) => Math.min(last, f + 1))}
          aria-disabled={frame === last}
        >
          Next
        </button>
        {!reduced && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              if (playing) return setPlaying(false);
              if (frame === last) setFrame(0);
              setPlaying(true);
            }}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
        )}
      </div>
      <details className="all-captions">
        <summary>All the captions</summary>
        <ol>
          {frames.map((f, index) => (
            <li key={index}>{f.caption}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

const PICTURES: Record<AnimationName, (progress: number, frame: number) => ReactNode> = {
  'stress-curve': (progress) => {
    // An inverted U: performance rises with pressure, peaks, then falls away.
    const x = 30 + progress * 260;
    const y = curveY(x);
    return (
      <svg viewBox="0 0 320 200" className="anim-svg">
        <line x1="30" y1="170" x2="300" y2="170" className="axis" />
        <line x1="30" y1="170" x2="30" y2="20" className="axis" />
        <text x="165" y="192" className="label" textAnchor="middle">
          Pressure
        </text>
        <text x="16" y="100" className="label" textAnchor="middle" transform="rotate(-90 16 100)">
          How well you are doing
        </text>
        <path d={curvePath()} className="curve" />
        <circle cx={x} cy={y} r="8" className="marker" />
      </svg>
    );
  },
  'cbt-cycle': (_progress, frame) => {
    const nodes = ['Situation', 'Thoughts', 'Feelings', 'Body', 'Actions'];
    const active = frame < nodes.length ? frame : -1;
    return (
      <svg viewBox="0 0 320 220" className="anim-svg">
        <circle cx="160" cy="110" r="80" className="ring" />
        {nodes.map((name, index) => {
          const angle = (index / nodes.length) * Math.PI * 2 - Math.PI / 2;
          const cx = 160 + Math.cos(angle) * 80;
          const cy = 110 + Math.sin(angle) * 80;
          const on = active === -1 ? true : index <= active;
          return (
            <g key={name} className={index === active ? 'node current' : on ? 'node on' : 'node'}>
              <rect x={cx - 42} y={cy - 14} width="84" height="28" rx="12" />
              <text x={cx} y={cy + 5} textAnchor="middle">
                {name}
              </text>
            </g>
          );
        })}
      </svg>
    );
  },
  'circle-of-control': (_progress, frame) => {
    const rings = [
      { r: 95, name: "Can't control", y: 30 },
      { r: 62, name: 'Can influence', y: 62 },
      { r: 30, name: 'Can control', y: 114 },
    ];
    // Frames 1–3 name the inner, middle and outer circle in turn; later frames move inward.
    const focus =
      frame === 0 ? -1 : frame === 1 ? 2 : frame === 2 ? 1 : frame === 3 ? 0 : frame === 4 ? 0 : 2;
    return (
      <svg viewBox="0 0 320 220" className="anim-svg">
        {rings.map((ring, index) => (
          <g key={ring.name} className={index === focus ? 'zone current' : 'zone'}>
            <circle cx="160" cy="110" r={ring.r} />
            <text x="160" y={ring.y + 8} textAnchor="middle">
              {ring.name}
            </text>
          </g>
        ))}
      </svg>
    );
  },
  'worry-tree': (_progress, frame) => {
    const boxes = [
      { x: 110, y: 8, text: 'Notice the worry' },
      { x: 110, y: 56, text: 'Can I do something?' },
      { x: 20, y: 108, text: 'Can I do it now?' },
      { x: 200, y: 108, text: 'Let it go' },
      { x: 200, y: 156, text: 'Park it for later' },
      { x: 110, y: 190, text: 'Refocus' },
    ];
    return (
      <svg viewBox="0 0 320 224" className="anim-svg">
        <path
          d="M160 36 V56 M160 84 L70 108 M160 84 L250 108 M250 136 V156 M70 136 L160 190 M250 184 L160 190"
          className="link"
        />
        {boxes.map((box, index) => (
          <g key={box.text} className={index === frame ? 'node current' : index < frame ? 'node on' : 'node'}>
            <rect x={box.x} y={box.y} width="100" height="28" rx="8" />
            <text x={box.x + 50} y={box.y + 18} textAnchor="middle">
              {box.text}
            </text>
          </g>
        ))}
      </svg>
    );
  },
};

function curveY(x: number): number {
  // A smooth inverted U, its peak a little left of centre: performance rises, then falls away.
  const t = (x - 30) / 260;
  return 160 - 130 * Math.exp(-((t - 0.45) ** 2) / (2 * 0.2 ** 2));
}

function curvePath(): string {
  const points = Array.from({ length: 53 }, (_, i) => 30 + i * 5);
  return points.map((x, i) => `${i === 0 ? 'M' : 'L'}${x} ${curveY(x).toFixed(1)}`).join(' ');
}
