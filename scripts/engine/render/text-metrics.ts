/**
 * Chart text measured with the font the page shows. In Node, Vega has no canvas and
 * guesses every string's width as 0.8 × font size per character, so axis labels collide
 * or leave gaps, legends wrap in the wrong place and the chart's size is off. Here the
 * width comes from the self-hosted font's own metrics (read with fontkit): each
 * character's advance width plus the font's kerning between each pair of neighbours,
 * scaled from font units to the item's font size.
 *
 * Widths are of the text as given: Vega's own truncation (labelLimit) calls this with
 * each candidate and so ellipsises with the real widths too. The theme sets no limit, so
 * no label of ours is cut.
 */
import * as fontkit from "fontkit";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FONT_PACKAGE, fontPackageDir, fontPath } from "../theme/fonts.ts";
import { FONT_FACES } from "../theme/palette.ts";

type FontStyle = "normal" | "italic";

/** One face of the font, measuring strings in font units with cached advances and kerning. */
export class FaceMetrics {
  private readonly advances = new Map<number, number>();
  private readonly kerning = new Map<string, number>();
  /** Each string's width once measured: Vega measures a label several times (its bounds, its overlap checks), and many charts share labels. */
  private readonly widths = new Map<string, number>();
  readonly unitsPerEm: number;

  constructor(private readonly font: fontkit.Font) {
    this.unitsPerEm = font.unitsPerEm;
  }

  static open(file: string): FaceMetrics {
    const font = fontkit.create(readFileSync(file));
    if (!("layout" in font)) throw new Error(`${file} is a font collection, not one font`);
    return new FaceMetrics(font);
  }

  /** Advance width of one character in font units (the font's .notdef advance for a character it lacks). */
  advance(codePoint: number): number {
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = this.font.glyphForCodePoint(codePoint).advanceWidth;
      this.advances.set(codePoint, width);
    }
    return width;
  }

  /** The font's kerning between two neighbours: their shaped width less their two advances. */
  kern(first: string, second: string): number {
    const key = first + second;
    let value = this.kerning.get(key);
    if (value === undefined) {
      value = this.font.layout(key).advanceWidth - this.advance(first.codePointAt(0) ?? 0) - this.advance(second.codePointAt(0) ?? 0);
      this.kerning.set(key, value);
    }
    return value;
  }

  /** Width of a string in font units. */
  units(text: string): number {
    const known = this.widths.get(text);
    if (known !== undefined) return known;
    const characters = [...text];
    let total = 0;
    characters.forEach((character, index) => {
      total += this.advance(character.codePointAt(0) ?? 0);
      if (index > 0) total += this.kern(characters[index - 1], character);
    });
    this.widths.set(text, total);
    return total;
  }

  /** Width in px at a font size in px. */
  width(text: string, fontSize: number): number {
    return (this.units(text) * fontSize) / this.unitsPerEm;
  }

  /** How far the string's glyphs reach above and below the baseline, in px at a font size (its ink, not its line box). */
  inkExtent(text: string, fontSize: number): { above: number; below: number } {
    const bbox = this.font.layout(text).bbox;
    if (!Number.isFinite(bbox.minY) || !Number.isFinite(bbox.maxY)) return { above: 0, below: 0 };
    const scale = fontSize / this.unitsPerEm;
    return { above: Math.max(0, bbox.maxY * scale), below: Math.max(0, -bbox.minY * scale) };
  }
}

const faces = new Map<string, FaceMetrics>();

/**
 * The face that draws a given weight and style: the nearest of the weights the site ships.
 * Found once for each weight and style asked for: every label measured asks.
 */
const facesAskedFor = new Map<string, FaceMetrics>();

export function faceFor(weight: string | number | undefined, style: string | undefined): FaceMetrics {
  const asked = `${weight}\0${style}`;
  const known = facesAskedFor.get(asked);
  if (known) return known;
  const metrics = nearestFace(weight, style);
  facesAskedFor.set(asked, metrics);
  return metrics;
}

function nearestFace(weight: string | number | undefined, style: string | undefined): FaceMetrics {
  const numeric = weight === "bold" ? 700 : weight === undefined || weight === "normal" ? 400 : Number(weight) || 400;
  const italic: FontStyle = style === "italic" || style === "oblique" ? "italic" : "normal";
  const candidates = FONT_FACES.filter((face) => face.style === italic);
  const chosen = candidates.reduce((best, face) => (Math.abs(face.weight - numeric) < Math.abs(best.weight - numeric) ? face : best), candidates[0]);
  const file = fontPath(chosen);
  let metrics = faces.get(file);
  if (!metrics) {
    metrics = FaceMetrics.open(file);
    faces.set(file, metrics);
  }
  return metrics;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: string | number;
  fontStyle?: string;
}

/** Vega's signature: the width in px of `text` (or the item's own text) as the item draws it. */
export function measureText(item: TextItem, text: unknown): number {
  const value = text == null ? "" : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (value === "" || size <= 0) return 0;
  return faceFor(item.fontWeight, item.fontStyle).width(value, size);
}

/** How far an item's text reaches above and below its baseline, in px, by its glyphs' outlines. */
export function measureInk(item: TextItem, text: unknown): { above: number; below: number } {
  const value = text == null ? "" : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (value === "" || size <= 0) return { above: 0, below: 0 };
  return faceFor(item.fontWeight, item.fontStyle).inkExtent(value, size);
}

/** The font's name and version: part of the renderer's identity, so a new font redraws the charts. */
export function fontMetricsId(): string {
  const manifest = JSON.parse(readFileSync(path.join(fontPackageDir(), "package.json"), "utf8")) as { version: string };
  return `${FONT_PACKAGE}@${manifest.version}`;
}
