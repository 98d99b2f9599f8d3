// Active liveness from the 68 face landmarks (iBUG 300-W layout, as face-api returns them) tracked across
// frames: pure geometry, no pixels. Used by face-engine.js on the kiosk and by `pgate face pad-eval`.
//
// Why affine residuals: a photo held up to the camera, however it is moved, turned, tilted or zoomed, is a
// flat picture, and at kiosk distance the camera sees it through (nearly) an affine map (weak perspective;
// Hartley & Zisserman, Multiple View Geometry, 2nd ed., §6.3.4). Landmarks of a flat face therefore stay
// where the best-fit affine transform of the rest of the face puts them. A real head does not: turning it
// moves the nose tip sideways against the face outline (the nose stands out of the face plane), and a blink
// moves the eyelids against the eye corners. The passive models score a still photo as live
// (docs/performance.md), so this is the check that decides; they stay advisory.

// Same values as the service's defaults (FaceOptions.MinTurnShift, MinBlinkDrop): the kiosk uses them to
// know when the passenger is done, the service decides with its own copy.
export const LIVENESS_LIMITS = Object.freeze({
  minTurnShift: 0.3,
  minBlinkDrop: 0.2,
  // The eyes must open again afterwards (Soukupová & Čech 2016: a blink is a drop and a recovery).
  reopenRatio: 0.8,
});

// Points that stay put relative to the face when the head turns: outer jaw near the ears and the
// outer brow ends. The nose tip (30) is measured against these.
const OUTLINE = [0, 1, 2, 3, 13, 14, 15, 16, 17, 26];
// Points that do not move in a blink: eye corners, brows, nose bridge and base.
const STILL_IN_BLINK = [17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 33, 35, 36, 39, 42, 45];
const NOSE_TIP = 30;

/** Least-squares affine map taking points `from` to points `to` (arrays of {x, y}): x' = a x + b y + c, y' = d x + e y + f. */
export function fitAffine(from, to) {
  let sxx = 0; let sxy = 0; let sx = 0; let syy = 0; let sy = 0; const n = from.length;
  let bx0 = 0; let bx1 = 0; let bx2 = 0; let by0 = 0; let by1 = 0; let by2 = 0;
  for (let i = 0; i < n; i++) {
    const { x, y } = from[i];
    sxx += x * x; sxy += x * y; sx += x; syy += y * y; sy += y;
    bx0 += x * to[i].x; bx1 += y * to[i].x; bx2 += to[i].x;
    by0 += x * to[i].y; by1 += y * to[i].y; by2 += to[i].y;
  }
  const m = [[sxx, sxy, sx], [sxy, syy, sy], [sx, sy, n]];
  const [a, b, c] = solve3(m, [bx0, bx1, bx2]);
  const [d, e, f] = solve3(m, [by0, by1, by2]);
  return (p) => ({ x: a * p.x + b * p.y + c, y: d * p.x + e * p.y + f });
}

function solve3(m, v) {
  const det = (q) => q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0]) + q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
  const d = det(m);
  if (Math.abs(d) < 1e-9) return [1, 0, 0];
  return [0, 1, 2].map((col) => det(m.map((row, r) => row.map((value, c) => (c === col ? v[r] : value)))) / d);
}

const pick = (points, indices) => indices.map((i) => points[i]);
const dist = (p, q) => Math.hypot(p.x - q.x, p.y - q.y);
const centre = (points) => ({ x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length });

function eyeDistance(points) {
  return dist(centre(points.slice(36, 42)), centre(points.slice(42, 48)));
}

/** Eye opening: mean upper-to-lower eyelid distance of both eyes (points 37/41, 38/40, 43/47, 44/46). */
function opening(points) {
  return (dist(points[37], points[41]) + dist(points[38], points[40]) + dist(points[43], points[47]) + dist(points[44], points[46])) / 4;
}

/**
 * Judges a sequence of landmark sets (arrays of 68 {x, y}, one per frame, in frame order) against a
 * challenge {turn: 'Left'|'Right', blink: bool}. The first frame is the reference; every frame is mapped
 * into it by the affine transform fitted on the points a head turn (or a blink) does not move.
 * Camera frames are not mirrored: a passenger turning to their own left moves the nose to the image's right (+x).
 */
export function judgeChallenge(frames, challenge, limits = LIVENESS_LIMITS) {
  if (frames.length < 3) {
    return { turnObserved: null, blinkObserved: false, turnShift: 0, blinkDrop: 0, rigidResidual: 0, framesAnalysed: frames.length, passed: false, failure: 'too-few-frames' };
  }
  const ref = frames[0];
  const iod = eyeDistance(ref);
  const shifts = [];
  const openings = [];
  const residuals = [];
  for (const points of frames) {
    const toRefOutline = fitAffine(pick(points, OUTLINE), pick(ref, OUTLINE));
    shifts.push((toRefOutline(points[NOSE_TIP]).x - ref[NOSE_TIP].x) / iod);
    const toRefStill = fitAffine(pick(points, STILL_IN_BLINK), pick(ref, STILL_IN_BLINK));
    openings.push(opening(points.map(toRefStill)));
    const toRefAll = fitAffine(points, ref);
    const rms = Math.sqrt(points.reduce((s, p, i) => { const q = toRefAll(p); return s + (q.x - ref[i].x) ** 2 + (q.y - ref[i].y) ** 2; }, 0) / points.length);
    residuals.push(rms / iod);
  }
  // Shifts are measured against the first frame; a passenger may start slightly turned, so a turn is the
  // span from the most central frame before it. A turn must hold for two frames: one frame of stray
  // landmarks (motion blur, a hand moving the photo) is not a turn.
  const leftSpan = sustainedSpan(shifts);
  const rightSpan = sustainedSpan(shifts.map((s) => -s));
  const wanted = challenge?.turn === 'Right' ? 'Right' : 'Left';
  const spans = { Left: leftSpan, Right: rightSpan };
  const other = wanted === 'Left' ? 'Right' : 'Left';
  let turnObserved = null;
  if (spans[wanted] >= limits.minTurnShift) turnObserved = wanted;
  else if (spans[other] >= limits.minTurnShift) turnObserved = other;
  const shown = turnObserved ?? (spans.Left >= spans.Right ? 'Left' : 'Right');
  const turnShift = round3(shown === 'Left' ? spans.Left : -spans.Right);

  // Blink: the open eye is the upper part of the openings seen; a closed frame counts only between two open ones.
  const sorted = [...openings].sort((a, b) => a - b);
  const open = sorted[Math.floor(sorted.length * 0.8)] || 1e-6;
  const isOpen = openings.map((o) => o >= limits.reopenRatio * open);
  const firstOpen = isOpen.indexOf(true);
  const lastOpen = isOpen.lastIndexOf(true);
  let bracketed = 0;
  for (let i = firstOpen + 1; firstOpen >= 0 && i < lastOpen; i++) bracketed = Math.max(bracketed, 1 - openings[i] / open);
  const blinkDrop = round3(Math.max(0, bracketed));
  const blinkObserved = blinkDrop >= limits.minBlinkDrop;

  const rigidResidual = round3(median(residuals));
  const passed = turnObserved === wanted && (!challenge?.blink || blinkObserved);
  return { turnObserved, blinkObserved, turnShift, blinkDrop, rigidResidual, framesAnalysed: frames.length, passed, failure: null, shifts: shifts.map(round3), openings: openings.map((o) => round3(o / open)) };
}

/** The largest rise of values[j] over the smallest values[i] with i < j that holds for two frames (the second highest such rise). */
function sustainedSpan(values) {
  const rises = [];
  let lowest = Infinity;
  for (const v of values) {
    lowest = Math.min(lowest, v);
    rises.push(v - lowest);
  }
  const sorted = rises.sort((a, b) => b - a);
  return sorted.length > 1 ? sorted[1] : 0;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

function round3(x) {
  return Math.round(x * 1000) / 1000;
}
