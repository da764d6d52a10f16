// What the tests check in the documents a person reads: no machine name or raw float in their text
// and, in a PDF, no two text boxes of a page overlapping and none leaving the page (geometry from
// `pdftotext -bbox-layout`, poppler-utils).
import { spawnSync } from 'node:child_process';

// A machine name: lower-case words joined by underscores.
export const CODE_LIKE = /\b[a-z]+_[a-z_]+\b/;
// A raw float: more than one decimal (money is whole pounds, percentages one decimal).
export const RAW_FLOAT = /\d\.\d{2,}/;
// Boxes may touch; they overlap when they share more than this, in points, both ways.
const OVERLAP_TOLERANCE = 0.5;

// The words of each page of `pdf`, with the page's size.
export function pagesOf(pdf) {
  const result = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const [, width, height] = page.match(/width="([\d.]+)" height="([\d.]+)"/);
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }));
      return { width: +width, height: +height, words };
    });
}

// Every word of `pdf` that leaves its page and every pair that overlaps, as sentences naming the
// page (`label` first); [] when there are none.
export function overlapsAndOverflows(pdf, label = '') {
  const problems = [];
  pagesOf(pdf).forEach(({ width, height, words }, index) => {
    const where = `${label}page ${index + 1}`;
    for (const w of words) {
      if (w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height) {
        problems.push(`${where}: "${w.text}" leaves the page`);
      }
    }
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i];
        const b = words[j];
        const x = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const y = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (x > OVERLAP_TOLERANCE && y > OVERLAP_TOLERANCE) {
          problems.push(`${where}: "${a.text}" overlaps "${b.text}"`);
        }
      }
    }
  });
  return problems;
}
