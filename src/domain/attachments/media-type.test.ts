import { describe, expect, it } from 'vitest';
import { fileTypeOf, isInlineSafe, sniffMediaType } from './media-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0]);

describe('sniffMediaType', () => {
  const cases: [string, Buffer, string, string?][] = [
    ['PNG', bytes([0x89], 'PNG\r\n\x1a\n'), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['GIF', bytes('GIF89a'), 'image/gif'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['BMP', bytes('BM', Array(12).fill(0), [40, 0, 0, 0]), 'image/bmp'],
    ['text that starts with BM', bytes('BMW service report, 2026'), 'application/octet-stream'],
    ['AVIF', ftyp('avif'), 'image/avif'],
    ['HEIC', ftyp('heic'), 'image/heic'],
    ['MP4 video', ftyp('isom'), 'video/mp4', 'video/mp4'],
    ['MP4 declared audio', ftyp('isom'), 'audio/mp4', 'audio/mp4'],
    ['M4A', ftyp('M4A '), 'audio/mp4'],
    ['QuickTime', ftyp('qt  '), 'video/quicktime'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3], 'B\x82\x84webm'), 'video/webm'],
    ['WebM voice note', bytes([0x1a, 0x45, 0xdf, 0xa3], 'B\x82\x84webm'), 'audio/webm', 'audio/webm;codecs=opus'],
    ['Ogg', bytes('OggS'), 'audio/ogg'],
    ['MP3 with ID3', bytes('ID3', [4, 0]), 'audio/mpeg'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['AAC (ADTS)', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['FLAC', bytes('fLaC'), 'audio/flac'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>'), 'application/octet-stream', 'image/png'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'application/octet-stream', 'image/svg+xml'],
    ['XML', bytes('<?xml version="1.0"?>'), 'application/octet-stream'],
    ['empty', Buffer.alloc(0), 'application/octet-stream', 'image/png'],
  ];
  for (const [name, head, expected, declared] of cases) {
    it(`${name} → ${expected}`, () => expect(sniffMediaType(head, declared)).toBe(expected));
  }
});

describe('what is served inline', () => {
  it('media and PDF only; never SVG, HTML, XML or unknown', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'audio/mpeg', 'video/mp4', 'application/pdf'])
      expect(isInlineSafe(type), type).toBe(true);
    for (const type of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'text/xml',
      'application/xml',
      'text/plain',
      'application/octet-stream',
      'application/javascript',
    ]) {
      expect(isInlineSafe(type), type).toBe(false);
    }
  });

  it("keeps Chatwoot's file_type rule", () => {
    expect(
      ['image/png', 'audio/ogg', 'video/mp4', 'application/pdf', 'application/octet-stream'].map(fileTypeOf),
    ).toEqual(['image', 'audio', 'video', 'file', 'file']);
  });
});
