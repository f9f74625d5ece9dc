import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Language } from '../../common/languages';
import type { SpeechBackend } from './speech_engine';

/** Voice wish per language: the culture that must match, and the voice preferred among those. */
const CULTURES: Record<Language, { culture: string; preferred: string } | null> = {
  'zh-CN': { culture: 'zh-CN', preferred: 'Huihui' },
  en: { culture: 'en-US', preferred: 'Zira' },
  'mn-Mong-CN': null,
};

/** The script's exit code when no installed voice speaks the culture. */
export const SAPI_NO_VOICE_EXIT = 3;

const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

/**
 * The PowerShell script. Every variable part (paths, culture, voice wish) is a base64 literal decoded
 * inside the script, so no value can end a string or start a command; the text itself is read from a
 * UTF-8 file (the console code page would garble Chinese on a command line).
 */
export function sapiScript(textPath: string, outPath: string, culture: string, preferred: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    'function D([string]$s) { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($s)) }',
    `$textPath = D '${b64(textPath)}'`,
    `$outPath = D '${b64(outPath)}'`,
    `$culture = D '${b64(culture)}'`,
    `$preferred = D '${b64(preferred)}'`,
    'Add-Type -AssemblyName System.Speech',
    '$synth = New-Object System.Speech.Synthesis.SpeechSynthesizer',
    '$voices = @($synth.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq $culture })',
    `if ($voices.Count -eq 0) { [Console]::Error.WriteLine('no voice for culture'); exit ${SAPI_NO_VOICE_EXIT} }`,
    '$voice = @($voices | Where-Object { $_.VoiceInfo.Name.Contains($preferred) }) + $voices | Select-Object -First 1',
    '$synth.SelectVoice($voice.VoiceInfo.Name)',
    '$text = [IO.File]::ReadAllText($textPath, [Text.Encoding]::UTF8)',
    '$format = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(22050, [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, [System.Speech.AudioFormat.AudioChannel]::Mono)',
    '$synth.SetOutputToWaveFile($outPath, $format)',
    // Speak(string) reads plain text; SSML would need SpeakSsml.
    '$synth.Speak($text)',
    '$synth.Dispose()',
    'exit 0',
  ].join('\n');
}

const SAPI_VERSION_SCRIPT = [
  'Add-Type -AssemblyName System.Speech',
  '$synth = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  '$names = $synth.GetInstalledVoices() | ForEach-Object { $_.VoiceInfo.Name + "/" + $_.VoiceInfo.Culture.Name }',
  '[Console]::Out.WriteLine([Environment]::OSVersion.Version.ToString() + " " + ($names -join ","))',
].join('\n');

/** PowerShell takes `-EncodedCommand` as base64 of the UTF-16LE script. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** Windows: SAPI through Windows PowerShell's System.Speech, voice chosen by culture. */
export function sapiBackend(binary = 'powershell.exe'): SpeechBackend {
  const baseArgs = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand'];
  return {
    engine: 'sapi',
    voiceFor: (language) => CULTURES[language]?.culture ?? null,
    build: (text, voice, workDir) => {
      const textPath = path.win32.join(workDir, 'text.txt');
      const outPath = path.win32.join(workDir, 'speech.wav');
      const preferred = Object.values(CULTURES).find((c) => c?.culture === voice)?.preferred ?? '';
      return {
        file: binary,
        args: [...baseArgs, encodePowerShell(sapiScript(textPath, outPath, voice, preferred))],
        inputFiles: [{ path: textPath, content: Buffer.from(text, 'utf8') }],
        output: { kind: 'file', path: outPath },
      };
    },
    // The installed voices are part of the "version": installing or removing a voice changes every
    // cache key, so clips of a replaced voice are never played again.
    versionCommand: () => ({ file: binary, args: [...baseArgs, encodePowerShell(SAPI_VERSION_SCRIPT)] }),
    parseVersion: (stdout) => `sapi-${createHash('sha256').update(stdout.trim()).digest('hex').slice(0, 16)}`,
    classifyFailure: (exitCode) => (exitCode === SAPI_NO_VOICE_EXIT ? 'no_voice_for_language' : null),
  };
}
