/** Text that would do harm if any layer treated it as code, options or markup. */
export function hostileTexts(marker: string): string[] {
  return [
    `"; touch ${marker}; echo "`,
    `'; touch ${marker}; echo '`,
    `\`touch ${marker}\``,
    `$(touch ${marker})`,
    `您好 $(touch ${marker}) 世界`,
    `; rm -rf ${marker}`,
    `| touch ${marker}`,
    `&& touch ${marker}`,
    `line one\ntouch ${marker}\nline three`,
    `ctrl\u0000chars\u0007\u001b[31m\u007f`,
    '-v en --stdout -w /tmp/evil.wav',
    `--path=/tmp -f ${marker}`,
    '-',
    `<speak><audio src="file:///etc/passwd"/></speak>`,
    `$env:PATH; Remove-Item -Recurse C:\\; ${marker}`,
    `'); Start-Process calc; ('`,
    '%PATH% ^& calc',
    '表情 😀👍🏽 and 中文 mixed ᠮᠣᠩᠭᠣᠯ text',
    '\u202Eevil bidi\u202C',
  ];
}
