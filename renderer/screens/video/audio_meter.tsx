import { useEffect, useState } from 'react';
import { watchAudioLevel } from './media_devices';

/** A visual "sound is coming through" bar for one side of the call (for visitors who cannot hear it). */
export function AudioMeter({ stream, label }: { stream: MediaStream | null; label: string }) {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream) return;
    return watchAudioLevel(stream, setLevel);
  }, [stream]);
  const active = level > 0.08;
  return (
    <div className={`audio-meter${active ? ' audio-meter--active' : ''}`} data-level={level.toFixed(2)}>
      <span className="audio-meter__label">{label}</span>
      <meter className="audio-meter__bar" min={0} max={1} value={level} aria-label={label} />
    </div>
  );
}
