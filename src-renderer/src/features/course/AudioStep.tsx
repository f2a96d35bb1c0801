import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReducedMotion } from './use-reduced-motion';

interface Pacer {
  inhale: number;
  hold: number;
  exhale: number;
  rest: number;
}

type Playback = 'stopped' | 'playing' | 'paused';

/** How long a line takes to read at a calm pace, when there is no voice to time it. */
const WORDS_PER_MINUTE = 130;

function readingMs(text: string): number {
  return Math.max(1500, (text.split(/\s+/).length / WORDS_PER_MINUTE) * 60_000);
}

function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

/**
 * A narrated script. Where the system has speech voices they read it aloud; where it has none
 * the same controls move through the transcript at a calm reading pace, so the step works without
 * sound. The transcript is always on screen with the current line marked, and a breathing pacer
 * runs while it plays (as changing words only, when the user asked for less motion).
 */
export function AudioStep({
  script,
  pacer,
  title,
}: {
  script: readonly { text: string; pauseSeconds: number }[];
  pacer: Pacer;
  title: string;
}) {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  const [voiceName, setVoiceName] = useState('');
  const [withSound, setWithSound] = useState(true);
  const [playback, setPlayback] = useState<Playback>('stopped');
  const [line, setLine] = useState(-1);
  const timer = useRef<number | undefined>(undefined);
  const lineRef = useRef(-1);
  const runId = useRef(0);

  useEffect(() => {
    if (!speechAvailable()) return;
    // Only voices on this device: Chromium also lists network voices, which would send the
    // script to an online speech service. Stillroom talks to no one.
    const load = () => setVoices(window.speechSynthesis.getVoices().filter((v) => v.localService));
    load();
    window.speechSynthesis.addEventListener('voiceschanged', load);
    return () => {
      window.speechSynthesis.removeEventListener('voiceschanged', load);
      window.speechSynthesis.cancel();
    };
  }, []);

  const speaking = withSound && voices.length > 0;

  const clear = () => {
    window.clearTimeout(timer.current);
    runId.current += 1;
    if (speechAvailable()) window.speechSynthesis.cancel();
  };

  const playFrom = useCallback(
    (index: number) => {
      clear();
      const run = runId.current;
      const step = (at: number) => {
        if (run !== runId.current) return;
        const current = script[at];
        if (!current) {
          lineRef.current = -1;
          setLine(-1);
          setPlayback('stopped');
          return;
        }
        lineRef.current = at;
        setLine(at);
        const next = () => {
          if (run !== runId.current) return;
          timer.current = window.setTimeout(() => step(at + 1), current.pauseSeconds * 1000);
        };
        if (speaking) {
          const utterance = new SpeechSynthesisUtterance(current.text);
          // Always name a local voice, so the browser never falls back to a network one.
          utterance.voice = voices.find((v) => v.name === voiceName) ?? voices[0] ?? null;
          utterance.rate = 0.9;
          utterance.onend = next;
          utterance.onerror = next;
          window.speechSynthesis.speak(utterance);
        } else {
          timer.current = window.setTimeout(next, readingMs(current.text));
        }
      };
      setPlayback('playing');
      step(index);
    },
    [script, speaking, voices, voiceName],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const pause = () => {
    clear();
    setPlayback('paused');
  };
  const stop = () => {
    clear();
    lineRef.current = -1;
    setLine(-1);
    setPlayback('stopped');
  };

  const noVoices = !speechAvailable() || voices.length === 0;

  return (
    <section className="audio-step" aria-label={`${title}: narration`}>
      {noVoices ? (
        <p className="notice" role="note">
          This computer has no speech voices, so there is no sound here. Press Start and read along: the lines
          are marked one at a time, at a calm pace.
        </p>
      ) : (
        <div className="audio-options">
          <label className="choice">
            <input
              type="checkbox"
              checked={withSound}
              onChange={(event) => setWithSound(event.target.checked)}
            />
            Read it aloud
          </label>
          {voices.length > 1 && (
            <div className="field">
              <label htmlFor="audio-voice">Voice</label>
              <select
                id="audio-voice"
                value={voiceName}
                onChange={(event) => setVoiceName(event.target.value)}
              >
                <option value="">The system&apos;s usual voice</option>
                {voices.map((voice) => (
                  <option key={voice.name} value={voice.name}>
                    {voice.name} ({voice.lang})
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      <div className="actions" role="group" aria-label="Playback">
        {playback === 'playing' ? (
          <button type="button" onClick={pause}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            onClick={() => playFrom(playback === 'paused' ? Math.max(lineRef.current, 0) : 0)}
          >
            {playback === 'paused' ? 'Resume' : 'Start'}
          </button>
        )}
        <button type="button" className="secondary" onClick={stop} aria-disabled={playback === 'stopped'}>
          Stop
        </button>
      </div>
      <BreathingPacer pacer={pacer} running={playback === 'playing'} />
      <h2 id="transcript-heading">Transcript</h2>
      <ol className="transcript" aria-labelledby="transcript-heading">
        {script.map((entry, index) => (
          <li
            key={index}
            className={index === line ? 'current' : undefined}
            aria-current={index === line ? 'step' : undefined}
          >
            {entry.text}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {playback === 'playing' ? 'Playing.' : playback === 'paused' ? 'Paused.' : ''}
      </p>
    </section>
  );
}

const PHASES = [
  { key: 'inhale', word: 'Breathe in' },
  { key: 'hold', word: 'Hold' },
  { key: 'exhale', word: 'Breathe out' },
  { key: 'rest', word: 'Rest' },
] as const;

/**
 * A circle that grows as you breathe in and shrinks as you breathe out, with the word for each
 * phase. With reduced motion the circle stays still and only the words change.
 */
export function BreathingPacer({ pacer, running }: { pacer: Pacer; running: boolean }) {
  const reduced = useReducedMotion();
  const phases = useMemo(() => PHASES.filter((phase) => pacer[phase.key] > 0), [pacer]);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (!running || phases.length === 0) return;
    const phase = phases[index % phases.length];
    if (!phase) return;
    const id = window.setTimeout(() => setIndex((i) => (i + 1) % phases.length), pacer[phase.key] * 1000);
    return () => window.clearTimeout(id);
  }, [running, index, phases, pacer]);

  if (phases.length === 0) return null;
  const phase = running ? phases[index % phases.length] : undefined;
  const expanded = phase?.key === 'inhale' || phase?.key === 'hold';
  const seconds = phase ? pacer[phase.key] : 0;
  return (
    <div className={`pacer${reduced ? ' still' : ''}`} aria-hidden={!running}>
      <div
        className={`pacer-circle${expanded ? ' expanded' : ''}`}
        style={reduced ? undefined : { transitionDuration: `${seconds}s` }}
      />
      <p className="pacer-word">{phase ? phase.word : 'The pacer starts when you press Start.'}</p>
    </div>
  );
}
