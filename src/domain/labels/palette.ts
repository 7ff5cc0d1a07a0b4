/**
 * WTS's tag colour palette: a colour family and a tone from the lightest (100) to the darkest (600), and
 * `GRAY_600` for a tag created without one. WTS's reference names 54 colours but lists only some families
 * (BROWN, PURPLE, GRAY); the nine families here are our choice, and the hex values are ours. Labels store the
 * hex (Chatwoot shows it as the label colour); a label whose hex is in the palette shows its name in WTS.
 */
const FAMILIES: Record<string, string[]> = {
  GRAY: ['#f3f4f6', '#e5e7eb', '#d1d5db', '#9ca3af', '#6b7280', '#4b5563'],
  BROWN: ['#f5ebe0', '#e6ccb2', '#ddb892', '#b08968', '#7f5539', '#5e3a22'],
  RED: ['#fee2e2', '#fecaca', '#fca5a5', '#f87171', '#ef4444', '#dc2626'],
  ORANGE: ['#ffedd5', '#fed7aa', '#fdba74', '#fb923c', '#f97316', '#ea580c'],
  YELLOW: ['#fef9c3', '#fef08a', '#fde047', '#facc15', '#eab308', '#ca8a04'],
  GREEN: ['#dcfce7', '#bbf7d0', '#86efac', '#4ade80', '#22c55e', '#16a34a'],
  BLUE: ['#dbeafe', '#bfdbfe', '#93c5fd', '#60a5fa', '#3b82f6', '#2563eb'],
  PURPLE: ['#f3e8ff', '#e9d5ff', '#d8b4fe', '#c084fc', '#a855f7', '#9333ea'],
  PINK: ['#fce7f3', '#fbcfe8', '#f9a8d4', '#f472b6', '#ec4899', '#db2777'],
};

export interface TagColor {
  color: string;
  bgColor: string;
  textColor: string;
}

/** Every colour, lightest first within each family; light tones take dark text, dark tones white. */
export const TAG_COLORS: readonly TagColor[] = Object.entries(FAMILIES).flatMap(([family, tones]) =>
  tones.map((bgColor, i) => ({
    color: `${family}_${(i + 1) * 100}`,
    bgColor,
    textColor: i < 3 ? '#1f2937' : '#ffffff',
  })),
);

export const DEFAULT_TAG_COLOR = 'GRAY_600';

const BY_NAME = new Map(TAG_COLORS.map((c) => [c.color, c]));
const BY_HEX = new Map(TAG_COLORS.map((c) => [c.bgColor, c]));

/** The hex a palette name stands for, or undefined for a name outside the palette. */
export const hexOfTagColor = (name: string): string | undefined => BY_NAME.get(name.trim().toUpperCase())?.bgColor;

/** The palette name of a label's hex colour, or null when the colour is not one of the palette's. */
export const tagColorOfHex = (hex: string | null | undefined): string | null =>
  hex ? (BY_HEX.get(hex.toLowerCase())?.color ?? null) : null;
