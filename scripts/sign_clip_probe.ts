import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { err, ok, type Result } from '../common/result';
import {
  MAX_SIGN_CLIP_MS,
  MIN_SIGN_CLIP_SHORT_SIDE,
  SIGN_AUDIO_CODECS,
  SIGN_VIDEO_CODECS,
  type SignVideoCodec,
} from '../common/sign_language/sign_pack_manifest';

const run = promisify(execFile);

export interface ProbedClip {
  durationMs: number;
  width: number;
  height: number;
  video: SignVideoCodec;
  audio: 'opus' | null;
}

export type ProbeRefusal =
  | { reason: 'not_video'; detail: string }
  | { reason: 'wrong_container'; detail: string }
  | { reason: 'wrong_codec'; detail: string }
  | { reason: 'too_long'; detail: string }
  | { reason: 'too_small'; detail: string };

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
}

interface FfprobeOutput {
  format?: { format_name?: string; duration?: string };
  streams?: FfprobeStream[];
}

/**
 * Checks one recording with ffprobe (Debian's ffmpeg): WebM container, one VP9 or AV1 video stream, at most
 * one Opus audio stream and nothing else, at most 60 s, at least 480p. The file is passed as an argument,
 * never through a shell.
 */
export async function probeSignClip(file: string): Promise<Result<ProbedClip, ProbeRefusal>> {
  let output: FfprobeOutput;
  try {
    const { stdout } = await run(
      'ffprobe',
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', file],
      { timeout: 30_000, maxBuffer: 4 * 1024 * 1024 },
    );
    output = JSON.parse(stdout) as FfprobeOutput;
  } catch {
    return err({ reason: 'not_video', detail: 'ffprobe cannot read it as audio or video' });
  }
  const formats = (output.format?.format_name ?? '').split(',');
  if (!formats.includes('webm'))
    return err({
      reason: 'wrong_container',
      detail: `container ${output.format?.format_name ?? 'unknown'}, not WebM`,
    });
  const streams = output.streams ?? [];
  const video = streams.filter((s) => s.codec_type === 'video');
  const audio = streams.filter((s) => s.codec_type === 'audio');
  const codec = video[0]?.codec_name ?? 'none';
  if (video.length !== 1 || !(SIGN_VIDEO_CODECS as readonly string[]).includes(codec))
    return err({
      reason: 'wrong_codec',
      detail: `video ${video.map((s) => s.codec_name).join('+') || 'none'}, not one VP9 or AV1 stream`,
    });
  if (
    audio.length > 1 ||
    (audio[0] && !(SIGN_AUDIO_CODECS as readonly string[]).includes(audio[0].codec_name ?? ''))
  )
    return err({
      reason: 'wrong_codec',
      detail: `audio ${audio.map((s) => s.codec_name).join('+')}, not Opus or none`,
    });
  if (streams.length !== video.length + audio.length)
    return err({
      reason: 'wrong_codec',
      detail: 'has streams besides one video and one audio (subtitles, data)',
    });
  const durationMs = Math.round(Number(output.format?.duration ?? Number.NaN) * 1000);
  if (!Number.isFinite(durationMs) || durationMs <= 0)
    return err({ reason: 'not_video', detail: 'no duration' });
  if (durationMs > MAX_SIGN_CLIP_MS)
    return err({
      reason: 'too_long',
      detail: `${Math.round(durationMs / 1000)} s, longer than ${MAX_SIGN_CLIP_MS / 1000} s`,
    });
  const width = video[0]!.width ?? 0;
  const height = video[0]!.height ?? 0;
  if (Math.min(width, height) < MIN_SIGN_CLIP_SHORT_SIDE)
    return err({
      reason: 'too_small',
      detail: `${width}×${height}, smaller than ${MIN_SIGN_CLIP_SHORT_SIDE}p`,
    });
  return ok({
    durationMs,
    width,
    height,
    video: codec as SignVideoCodec,
    audio: audio.length ? 'opus' : null,
  });
}
