/**
 * What a file is, read from its first bytes: the type a client declares and the name's extension are
 * claims anyone can make (an HTML page called cat.png, sent as image/png). Only types a browser shows as
 * media are recognised; anything else is `application/octet-stream`, a download.
 */
export const SNIFF_BYTES = 64;

export const UNKNOWN_TYPE = 'application/octet-stream';

const ascii = (head: Buffer, start: number, end: number) => head.subarray(start, end).toString('latin1');
const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => head[offset + i] === byte);

/** ISO base media (MP4, QuickTime, HEIF, AVIF): a `ftyp` box naming the major brand. */
function isoMediaType(brand: string, audio: boolean): string {
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (brand === 'heic' || brand === 'heix') return 'image/heic';
  if (brand === 'mif1' || brand === 'msf1') return 'image/heif';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand.startsWith('3g')) return audio ? 'audio/3gpp' : 'video/3gpp';
  return audio ? 'audio/mp4' : 'video/mp4';
}

/** A Windows bitmap: "BM" alone is too weak (any text may start so); the DIB header size must be a known one. */
function isBitmap(head: Buffer): boolean {
  return (
    ascii(head, 0, 2) === 'BM' && head.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(head.readUInt32LE(14))
  );
}

/**
 * The media type of a file from its first SNIFF_BYTES bytes. `declared` (the client's type) only decides
 * between audio and video for containers that hold either (MP4, Ogg, WebM): both are safe to show.
 */
export function sniffMediaType(head: Buffer, declared = ''): string {
  const audio = declared.toLowerCase().startsWith('audio/');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 12);
    if (form === 'WEBP') return 'image/webp';
    if (form === 'WAVE') return 'audio/wav';
    if (form === 'AVI ') return 'video/x-msvideo';
  }
  if (isBitmap(head)) return 'image/bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (ascii(head, 4, 8) === 'ftyp' && head.length >= 12) return isoMediaType(ascii(head, 8, 12), audio);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    if (ascii(head, 0, SNIFF_BYTES).includes('matroska')) return 'video/x-matroska';
    return audio ? 'audio/webm' : 'video/webm';
  }
  if (ascii(head, 0, 4) === 'OggS') return declared.toLowerCase().startsWith('video/') ? 'video/ogg' : 'audio/ogg';
  if (ascii(head, 0, 4) === 'fLaC') return 'audio/flac';
  if (ascii(head, 0, 5) === '#!AMR') return 'audio/amr';
  if (ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  // MPEG frame sync: ADTS (AAC) has layer bits 00, MPEG audio layers I-III have them set.
  if (head[0] === 0xff && (head[1] & 0xf6) === 0xf0) return 'audio/aac';
  if (head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0) return 'audio/mpeg';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  return UNKNOWN_TYPE;
}

/**
 * Types a browser only ever renders as media, never as a document that runs script: these are served
 * inline, everything else (SVG, HTML, XML, unknown) as a download. Only sniffMediaType's results qualify.
 */
export function isInlineSafe(mediaType: string): boolean {
  const [kind] = mediaType.split('/');
  return (
    mediaType === 'application/pdf' ||
    ((kind === 'image' || kind === 'audio' || kind === 'video') &&
      !mediaType.includes('svg') &&
      !mediaType.includes('xml'))
  );
}

/** Chatwoot's attachment `file_type` for a media type. */
export function fileTypeOf(mediaType: string): 'image' | 'audio' | 'video' | 'file' {
  const [kind] = mediaType.split('/');
  return kind === 'image' || kind === 'audio' || kind === 'video' ? kind : 'file';
}
