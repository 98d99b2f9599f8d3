// Active liveness from the 68 face landmarks (iBUG 300-W layout, as face-api returns them) and the eye regions'
// appearance, tracked across frames. Used by face-engine.js on the kiosk and by `pgate face pad-eval`.
//
// Head turn — why a homography: a photo held up to the camera, however it is moved, rotated, zoomed or tilted,
// is a flat picture, and any two views of a plane are related by one planar projective transform, a homography
// (Hartley & Zisserman, Multiple View Geometry, 2nd ed., §2.3 and §13.1). So on a photo the landmarks of the
// inner face stay exactly where the homography fitted on the face outline puts them, whatever the perspective.
// A real head is not flat: turning it moves the nose (which stands out of the face plane) sideways against the
// outline — the non-planar residual measured here. An affine fit was not enough: a photo tilted away in the
// hand gave a stray "turn" of 0.32 against it (docs/performance.md).
//
// Blink — why pixels: face-api's 68-point eye landmarks hardly close on a closed eye (they dropped by 0.06–0.09 of
// the eye opening, the same as a moving photo's noise). The landmarks now only locate each eye; what is
// measured is how much dark (iris, pupil, lash line) lies inside the eye's landmark outline against the skin just under the eye,
// relative to the passenger's own open eyes. A blink is a transient drop on both eyes with the eyes open
// before and after within a short window (a blink lasts 100–400 ms; Soukupová & Čech 2016 use the same
// drop-and-recovery shape). A still or moved photo keeps its eyes as they were: no transient.
//
// The passive models score a still photo as live (docs/performance.md), so this is the check that decides;
// they stay advisory.

// Same values as the service's defaults (FaceOptions.MinTurnShift, MinBlinkDrop): the kiosk uses them to
// know when the passenger is done, the service decides with its own copy.
export const LIVENESS_LIMITS = Object.freeze({
  minTurnShift: 0.3,
  minBlinkDrop: 0.5,
  // The eyes must be open again (at least this share of the open-eye darkness) before and after the closed frames...
  reopenRatio: 0.8,
  // ...within this long on each side, and the closed frames themselves last at most maxClosedMs.
  blinkWindowMs: 1000,
  maxClosedMs: 700,
});

// Points that stay put relative to the face when the head turns: outer jaw near the ears and the
// outer brow ends. The nose is measured against these.
const OUTLINE = [0, 1, 2, 3, 13, 14, 15, 16, 17, 26];
// Nose bridge low end, tip and base: the points furthest out of the face plane.
const NOSE = [29, 30, 33];

/**
 * Least-squares homography taking points `from` to points `to` (arrays of {x, y}), h33 = 1, with both sets
 * normalised first (Hartley's normalisation, Multiple View Geometry §4.4.4) so the 8×8 system is well conditioned.
 * Returns a function mapping {x, y}, or null when the points do not determine one.
 */
export function fitHomography(from, to) {
  const nf = normaliser(from);
  const nt = normaliser(to);
  const a = Array.from({ length: 8 }, () => new Array(8).fill(0));
  const b = new Array(8).fill(0);
  for (let i = 0; i < from.length; i++) {
    const [x, y] = nf.to(from[i]);
    const [u, v] = nt.to(to[i]);
    const rows = [[x, y, 1, 0, 0, 0, -u * x, -u * y, u], [0, 0, 0, x, y, 1, -v * x, -v * y, v]];
    for (const r of rows) {
      for (let j = 0; j < 8; j++) {
        b[j] += r[j] * r[8];
        for (let k = 0; k < 8; k++) a[j][k] += r[j] * r[k];
      }
    }
  }
  const h = solve(a, b);
  if (!h) return null;
  return (p) => {
    const [x, y] = nf.to(p);
    const w = h[6] * x + h[7] * y + 1;
    return nt.from((h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w);
  };
}

function normaliser(points) {
  const c = centre(points);
  const mean = points.reduce((s, p) => s + Math.hypot(p.x - c.x, p.y - c.y), 0) / points.length || 1;
  const k = Math.SQRT2 / mean;
  return { to: (p) => [(p.x - c.x) * k, (p.y - c.y) * k], from: (x, y) => ({ x: x / k + c.x, y: y / k + c.y }) };
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

const pick = (points, indices) => indices.map((i) => points[i]);
const dist = (p, q) => Math.hypot(p.x - q.x, p.y - q.y);
const centre = (points) => ({ x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length });

function eyeDistance(points) {
  return dist(centre(points.slice(36, 42)), centre(points.slice(42, 48)));
}

/**
 * How open one eye looks on a frame: the mean darkness (skin − luma)/skin, clipped at 0, of the pixels INSIDE the eye's
 * outline — the polygon of its six 68-point landmarks (36–41 or 42–47: outer corner, upper lid, inner corner, lower
 * lid), grown by an eighth about its centre so the lash line of the open eye counts — where skin is the median luma of
 * a patch just below the eye (the upper cheek) on the same frame, so lighting and skin tone cancel out. An open eye
 * shows iris, pupil and lashes there; a closed one the lid's skin. Unlike a box around the eye (the second and third
 * attempts), eyeliner, brow shadow and the socket outside the outline do not count, so they cannot keep a closed eye
 * "dark" (decision 0010). `luma(x, y)` gives the frame's luma (0–255). Returns null when the eye is off the frame.
 */
export function eyeDarkness(points, first, luma, width, height) {
  const eye = points.slice(first, first + 6);
  const c = centre(eye);
  const w = dist(points[first], points[first + 3]);
  if (!(w > 4)) return null;
  const outline = eye.map((p) => ({ x: c.x + 1.125 * (p.x - c.x), y: c.y + 1.125 * (p.y - c.y) }));
  const x0 = Math.floor(Math.min(...outline.map((p) => p.x)));
  const x1 = Math.ceil(Math.max(...outline.map((p) => p.x)));
  const y0 = Math.floor(Math.min(...outline.map((p) => p.y)));
  const y1 = Math.ceil(Math.max(...outline.map((p) => p.y)));
  const cheek = { x0: Math.round(c.x - 0.5 * w), x1: Math.round(c.x + 0.5 * w), y0: Math.round(c.y + 0.45 * w), y1: Math.round(c.y + 0.75 * w) };
  if (x0 < 0 || y0 < 0 || cheek.x0 < 0 || x1 >= width || cheek.x1 >= width || cheek.y1 >= height) return null;
  const skinValues = [];
  for (let y = cheek.y0; y <= cheek.y1; y++) for (let x = cheek.x0; x <= cheek.x1; x++) skinValues.push(luma(x, y));
  skinValues.sort((p, q) => p - q);
  const skin = Math.max(1, skinValues[Math.floor(skinValues.length / 2)]);
  let sum = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!inside(outline, x + 0.5, y + 0.5)) continue;
      sum += Math.max(0, (skin - luma(x, y)) / skin);
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** Even–odd rule: whether (x, y) lies inside the polygon. */
function inside(polygon, x, y) {
  let odd = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if ((a.y > y) !== (b.y > y) && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
  }
  return odd;
}

/**
 * Judges a sequence of analysed frames {points: 68 {x, y}, t: ms} in frame order against a challenge
 * {turn: 'Left'|'Right', blink: bool}; the blink from `blinkSeries` [{eyes: [left, right darkness], t: ms}], one per
 * recorded frame (none: no blink can be seen). The first frame is the reference; the nose of
 * every frame is mapped into it by the homography fitted on the face outline. Camera frames are not mirrored: a
 * passenger turning to their own left moves the nose to the image's right (+x).
 * (Bare landmark arrays are accepted as frames too.)
 */
export function judgeChallenge(input, challenge, limits = LIVENESS_LIMITS, blinkSeries = []) {
  const frames = input.map((f, i) => (Array.isArray(f) ? { points: f, t: i * 100 } : f));
  if (frames.length < 3) {
    return { turnObserved: null, blinkObserved: false, turnShift: 0, blinkDrop: 0, rigidResidual: 0, framesAnalysed: frames.length, passed: false, failure: 'too-few-frames' };
  }
  const ref = frames[0].points;
  const iod = eyeDistance(ref);
  const refNose = centre(pick(ref, NOSE));
  const shifts = [];
  const residuals = [];
  for (const { points } of frames) {
    const toRef = fitHomography(pick(points, OUTLINE), pick(ref, OUTLINE));
    if (!toRef) {
      shifts.push(0);
      residuals.push(0);
      continue;
    }
    shifts.push((centre(pick(points, NOSE).map(toRef)).x - refNose.x) / iod);
    const all = fitHomography(points, ref);
    const rms = all ? Math.sqrt(points.reduce((s, p, i) => { const q = all(p); return s + (q.x - ref[i].x) ** 2 + (q.y - ref[i].y) ** 2; }, 0) / points.length) : 0;
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

  const { drop, openness } = blink(blinkSeries, limits);
  const blinkDrop = round3(drop);
  const blinkObserved = blinkDrop >= limits.minBlinkDrop;

  const rigidResidual = round3(median(residuals));
  const passed = turnObserved === wanted && (!challenge?.blink || blinkObserved);
  return { turnObserved, blinkObserved, turnShift, blinkDrop, rigidResidual, framesAnalysed: frames.length, passed, failure: null, shifts: shifts.map(round3), openings: openness.map(round3) };
}

/**
 * The deepest blink: for each frame, how far the less-closed eye fell below its own open-eye level (the median of
 * the sequence: open eyes fill most of a recording), counted only when both eyes are open again (≥ reopenRatio)
 * within blinkWindowMs before and after, and the closed stretch itself is short (≤ maxClosedMs). Returns that
 * drop (0–1) and the per-frame openness (the less open eye relative to its level).
 */
function blink(frames, limits) {
  frames = frames.filter((f) => f.eyes && f.eyes[0] != null && f.eyes[1] != null);
  if (frames.length < 3) return { drop: 0, openness: [] };
  const level = [0, 1].map((e) => Math.max(1e-6, median(frames.map((f) => f.eyes[e]))));
  const openness = frames.map((f) => Math.min(f.eyes[0] / level[0], f.eyes[1] / level[1]));
  const open = openness.map((o) => o >= limits.reopenRatio);
  let best = 0;
  for (let i = 0; i < frames.length; i++) {
    if (open[i]) continue;
    // The closed stretch around i, and open frames right before and after it within the window.
    let s = i;
    while (s > 0 && !open[s - 1]) s--;
    let e = i;
    while (e < frames.length - 1 && !open[e + 1]) e++;
    if (s === 0 || e === frames.length - 1) continue;
    const closedMs = frames[e].t - frames[s].t;
    const before = frames[i].t - frames[s - 1].t;
    const after = frames[e + 1].t - frames[i].t;
    if (closedMs > limits.maxClosedMs || before > limits.blinkWindowMs || after > limits.blinkWindowMs) continue;
    best = Math.max(best, 1 - openness[i]);
  }
  return { drop: Math.max(0, best), openness };
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
