import { describe, expect, it } from 'vitest';
import { parseClientFrame } from '../../../common/video/signal_messages';

const callId = 'c-0123456789abcdef';

describe('signalling message schemas', () => {
  it('accepts the messages of a call', () => {
    for (const message of [
      { type: 'hello', token: 'hub.abc' },
      { type: 'call', kind: 'interpreter' },
      { type: 'answer', callId },
      { type: 'signal', callId, data: { sdp: { type: 'offer', sdp: 'v=0' } } },
      {
        type: 'signal',
        callId,
        to: 'p-1',
        data: { candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } },
      },
      { type: 'chat', callId, text: '请慢一点' },
      { type: 'hangup', callId },
    ])
      expect(parseClientFrame(JSON.stringify(message))).toMatchObject({ ok: true, message });
  });

  it('refuses malformed, oversized and hostile frames', () => {
    const refused = (raw: string) => parseClientFrame(raw);
    expect(refused('{"type":"call"')).toEqual({ ok: false, code: 'malformed' });
    expect(refused('null')).toEqual({ ok: false, code: 'malformed' });
    expect(refused(JSON.stringify({ type: 'call', kind: 'interpreter', extra: 1 })).ok).toBe(false);
    expect(refused('{"type":"call","kind":"interpreter","__proto__":{"x":1}}').ok).toBe(false);
    expect(refused(JSON.stringify({ type: 'answer', callId: '../../x' })).ok).toBe(false);
    expect(refused(JSON.stringify({ type: 'chat', callId, text: '' })).ok).toBe(false);
    expect(refused(JSON.stringify({ type: 'chat', callId, text: 7 })).ok).toBe(false);
    expect(
      refused(JSON.stringify({ type: 'signal', callId, data: { sdp: { type: 'pranswer', sdp: '' } } })).ok,
    ).toBe(false);
    expect(refused(JSON.stringify({ type: 'chat', callId, text: 'z'.repeat(70_000) }))).toEqual({
      ok: false,
      code: 'too_large',
    });
  });
});
