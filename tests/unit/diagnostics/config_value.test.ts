import { describe, expect, it } from 'vitest';
import { configValueOf } from '../../../renderer/screens/technician/config_value';

describe('technician config edit: typed text to a field value', () => {
  it('converts numbers, switches and language lists; leaves anything else as text for the core to refuse', () => {
    expect(configValueOf('session.idleSeconds', ' 180 ')).toBe(180);
    expect(configValueOf('session.idleSeconds', '$(reboot)')).toBe('$(reboot)');
    expect(configValueOf('session.idleSeconds', '')).toBe('');
    expect(configValueOf('speech.onByDefault', 'true')).toBe(true);
    expect(configValueOf('speech.onByDefault', 'false')).toBe(false);
    expect(configValueOf('speech.onByDefault', 'yes')).toBe('yes');
    expect(configValueOf('languages', 'zh-CN, mn-Mong-CN，en')).toEqual(['zh-CN', 'mn-Mong-CN', 'en']);
    expect(configValueOf('centre.name', ' 青山区 "站" ')).toBe(' 青山区 "站" ');
  });
});
