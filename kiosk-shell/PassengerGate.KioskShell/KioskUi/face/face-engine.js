// Face verification for the kiosk page, and for `pgate face eval` (the same module, in headless Chromium).
//
// Matching uses face-api's 128-d recognition descriptor: on the development pairs it separated genuine
// from impostor pairs where Human's faceres embedding did not (docs/performance.md, ARCHITECTURE.md
// "Face matching"). Human is used only for its anti-spoofing ("real") and liveness ("live") signals.
// Both libraries bundle the same tfjs (4.22.0), which keeps one engine per page, so they share the
// WASM backend: no GPU is assumed on a kiosk.
//
// Privacy: results never carry pixels or descriptors out of `verifyLive`, and every canvas this module
// draws on is cleared and shrunk to 0×0 when it is done with it.
import * as faceapi from '../lib/face-api/face-api.esm.js';
import { Human } from '../lib/human/human.esm.js';
import { eyeDarkness, judgeChallenge } from './liveness.js';

export { LIVENESS_LIMITS, judgeChallenge } from './liveness.js';

/**
 * Quality limits applied before matching. Demonstrator values, not ISO/IEC 29794-5 (OFIQ) measures:
 * - minFacePx: face-api resamples the face to 150×150 for the descriptor; a face box narrower than
 *   80 px is mostly upsampled blur (a kiosk camera at arm's length gives ~150–250 px).
 * - maxYawDeg / maxRollDeg: ISO/IEC 19794-5 asks ±5° for an enrolment portrait; a live frame is
 *   only compared, so allow what the descriptor tolerates on the development set.
 * - minSharpness: variance of the Laplacian of the face resized to 128×128 grey; motion-blurred
 *   frames fall far below it, JPEG-degraded chip portraits stay above it.
 * - exposure: mean luminance (0–255, Rec. 601) of the face box.
 */
export const QUALITY_LIMITS = Object.freeze({
  minFacePx: 80,
  maxYawDeg: 30,
  maxRollDeg: 20,
  minSharpness: 20,
  minExposure: 50,
  maxExposure: 210,
});

const SHARPNESS_SIDE = 128;

let state = null;

/** Loads the models. modelBase is the URL of KioskUi/lib/ (default: ../lib/ beside this module). */
export async function init({ modelBase } = {}) {
  if (state) return state.info;
  const base = new URL(modelBase ?? '../lib/', import.meta.url).href.replace(/\/?$/, '/');
  const wasmPath = `${base}tfjs/`;
  const started = performance.now();

  const human = new Human({
    backend: 'wasm',
    wasmPath,
    modelBasePath: `${base}human/models/`,
    debug: false,
    warmup: 'none',
    // A kiosk frame must be analysed on its own: Human's frame cache would reuse an earlier face.
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, skipFrames: 0, minConfidence: 0.5 },
      mesh: { enabled: false },
      iris: { enabled: false },
      attention: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: true, modelPath: 'antispoof.json', skipFrames: 0 },
      liveness: { enabled: true, modelPath: 'liveness.json', skipFrames: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  faceapi.tf.setWasmPaths(wasmPath);
  await human.init();
  if (faceapi.tf.getBackend() !== 'wasm') {
    await faceapi.tf.setBackend('wasm');
  }
  await faceapi.tf.ready();
  const faceModels = `${base}face-api/model/`;
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromUri(faceModels),
    faceapi.nets.faceLandmark68Net.loadFromUri(faceModels),
    faceapi.nets.faceRecognitionNet.loadFromUri(faceModels),
  ]);
  await human.load();
  const info = { backend: faceapi.tf.getBackend(), msToLoad: Math.round(performance.now() - started) };
  state = { human, info };
  return info;
}

function engine() {
  if (!state) throw new Error('face-engine: call init() first');
  return state;
}

function makeCanvas(width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  return canvas;
}

/** Wipes a canvas this module drew on, so no frame or portrait outlives the call. */
function wipe(canvas) {
  const ctx = canvas.getContext('2d');
  ctx?.clearRect(0, 0, canvas.width, canvas.height);
  canvas.width = 0;
  canvas.height = 0;
}

function sourceSize(source) {
  if (source instanceof HTMLVideoElement) return [source.videoWidth, source.videoHeight];
  if (source instanceof HTMLImageElement) return [source.naturalWidth, source.naturalHeight];
  if (typeof VideoFrame !== 'undefined' && source instanceof VideoFrame) return [source.displayWidth, source.displayHeight];
  return [source.width, source.height];
}

/** Copies an image, canvas, video element, ImageBitmap or VideoFrame onto a fresh canvas. */
function snapshot(source) {
  const [w, h] = sourceSize(source);
  if (!w || !h) throw new Error('face-engine: the image or video has no pixels yet');
  const canvas = makeCanvas(w, h);
  canvas.getContext('2d', { willReadFrequently: true }).drawImage(source, 0, 0, w, h);
  return canvas;
}

const mean = (points) => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/**
 * Head pose from the 68 landmarks. Roll is the tilt of the line between the eye centres. Yaw treats
 * the head as a cylinder whose sides are the jaw points 0 and 16 (ear level): the nose tip (30) sits
 * at sin(yaw) of the half-width from the centre. The nose stands proud of that cylinder, so the
 * estimate errs high, which errs on the side of rejecting a turned head.
 */
function pose(landmarks) {
  return poseOf(landmarks.positions);
}

/** pose() on the 68 points alone ({x, y}; the eyes are points 36–41 and 42–47, as face-api's getLeftEye/getRightEye). */
function poseOf(p) {
  const leftEye = mean(p.slice(36, 42));
  const rightEye = mean(p.slice(42, 48));
  const roll = (Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x) * 180) / Math.PI;
  const left = p[30].x - p[0].x;
  const right = p[16].x - p[30].x;
  const ratio = Math.max(-1, Math.min(1, (left - right) / Math.max(1e-6, left + right)));
  const yaw = (Math.asin(ratio) * 180) / Math.PI;
  return { yaw: round1(yaw), roll: round1(roll) };
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

/** Sharpness (variance of the 4-neighbour Laplacian) and exposure (mean luma) of the face box. */
function texture(canvas, box) {
  const crop = makeCanvas(SHARPNESS_SIDE, SHARPNESS_SIDE);
  try {
    const ctx = crop.getContext('2d', { willReadFrequently: true });
    const x = Math.max(0, box.x);
    const y = Math.max(0, box.y);
    const w = Math.min(canvas.width - x, box.width);
    const h = Math.min(canvas.height - y, box.height);
    ctx.drawImage(canvas, x, y, w, h, 0, 0, SHARPNESS_SIDE, SHARPNESS_SIDE);
    const { data } = ctx.getImageData(0, 0, SHARPNESS_SIDE, SHARPNESS_SIDE);
    const n = SHARPNESS_SIDE;
    const grey = new Float32Array(n * n);
    let luma = 0;
    for (let i = 0; i < n * n; i++) {
      grey[i] = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
      luma += grey[i];
    }
    data.fill(0);
    let sum = 0;
    let sumSq = 0;
    let count = 0;
    for (let r = 1; r < n - 1; r++) {
      for (let c = 1; c < n - 1; c++) {
        const i = r * n + c;
        const lap = grey[i - n] + grey[i + n] + grey[i - 1] + grey[i + 1] - 4 * grey[i];
        sum += lap;
        sumSq += lap * lap;
        count++;
      }
    }
    grey.fill(0);
    const m = sum / count;
    return { sharpness: round1(sumSq / count - m * m), exposure: round1(luma / (n * n)) };
  } finally {
    wipe(crop);
  }
}

function judge(faces, detail) {
  const problems = [];
  if (faces === 0) problems.push('no-face');
  if (faces > 1) problems.push('more-than-one-face');
  if (!detail) return { size: null, pose: null, sharpness: null, exposure: null, ok: false, problems };
  const L = QUALITY_LIMITS;
  if (detail.size < L.minFacePx) problems.push('face-too-small');
  if (Math.abs(detail.pose.yaw) > L.maxYawDeg || Math.abs(detail.pose.roll) > L.maxRollDeg) problems.push('head-turned-or-tilted');
  if (detail.sharpness < L.minSharpness) problems.push('blurred');
  if (detail.exposure < L.minExposure) problems.push('too-dark');
  if (detail.exposure > L.maxExposure) problems.push('too-bright');
  return { ...detail, ok: problems.length === 0, problems };
}

/**
 * Finds faces and, when there is exactly one, its descriptor and quality.
 * Returns {faces, quality: {size, pose: {yaw, roll}, sharpness, exposure, ok, problems[]}, descriptor, box}.
 * descriptor is a Float32Array(128) and box {x, y, width, height} (pixels) only when exactly one face
 * was found, whatever its quality.
 */
export async function describe(source, { enrolRetry = !(source instanceof HTMLVideoElement) } = {}) {
  engine();
  const canvas = snapshot(source);
  try {
    const first = await describeCanvas(canvas);
    if (first.faces !== 0 || !enrolRetry) return first;
    return (await describePadded(canvas)) ?? first;
  } finally {
    wipe(canvas);
  }
}

/**
 * Enrolment retries for portraits the detector misses. Some issuers store the chip portrait cropped tight
 * to the face, small (about 150 px wide) or in grey: SSD MobileNet v1 was trained on faces with context
 * around them and misses most such crops (docs/performance.md "Enrolment"). Each retry draws the portrait,
 * enlarged so its short side is at least `minSide` px, in the middle of a margin of `pad` × its size
 * filled with the mean colour of the portrait's border, and lowers the detector's confidence floor.
 * Grey portraits are already three equal channels once drawn on a canvas. Returns null when no retry found
 * exactly one face.
 */
const ENROL_RETRIES = Object.freeze([
  { pad: 0.4, minSide: 360, minConfidence: 0.5 },
  { pad: 0.6, minSide: 480, minConfidence: 0.3 },
]);

async function describePadded(canvas) {
  for (const retry of ENROL_RETRIES) {
    const scale = Math.max(1, retry.minSide / Math.min(canvas.width, canvas.height));
    const w = canvas.width * scale;
    const h = canvas.height * scale;
    const margin = Math.round(Math.max(w, h) * retry.pad);
    const padded = makeCanvas(w + 2 * margin, h + 2 * margin);
    try {
      const ctx = padded.getContext('2d', { willReadFrequently: true });
      ctx.fillStyle = borderColour(canvas);
      ctx.fillRect(0, 0, padded.width, padded.height);
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(canvas, 0, 0, canvas.width, canvas.height, margin, margin, w, h);
      const found = await describeCanvas(padded, retry.minConfidence);
      if (found.faces === 1) {
        const b = found.box;
        const box = { x: Math.round((b.x - margin) / scale), y: Math.round((b.y - margin) / scale), width: Math.round(b.width / scale), height: Math.round(b.height / scale) };
        return { ...found, box, quality: { ...found.quality, size: Math.round(found.quality.size / scale) }, enrolRetry: retry };
      }
    } finally {
      wipe(padded);
    }
  }
  return null;
}

function borderColour(canvas) {
  const { data } = canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, canvas.width, canvas.height);
  const sum = [0, 0, 0];
  let n = 0;
  const add = (x, y) => { const i = (y * canvas.width + x) * 4; sum[0] += data[i]; sum[1] += data[i + 1]; sum[2] += data[i + 2]; n++; };
  for (let x = 0; x < canvas.width; x++) { add(x, 0); add(x, canvas.height - 1); }
  for (let y = 0; y < canvas.height; y++) { add(0, y); add(canvas.width - 1, y); }
  data.fill(0);
  return `rgb(${Math.round(sum[0] / n)}, ${Math.round(sum[1] / n)}, ${Math.round(sum[2] / n)})`;
}

async function describeCanvas(canvas, minConfidence = 0.5) {
  const found = await faceapi
    .detectAllFaces(canvas, new faceapi.SsdMobilenetv1Options({ minConfidence }))
    .withFaceLandmarks()
    .withFaceDescriptors();
  if (found.length !== 1) {
    return { faces: found.length, quality: judge(found.length, null), descriptor: null };
  }

  const face = found[0];
  const box = face.detection.box;
  const detail = {
    size: Math.round(Math.min(box.width, box.height)),
    pose: pose(face.landmarks),
    ...texture(canvas, box),
  };
  const faceBox = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
  return { faces: 1, quality: judge(1, detail), descriptor: face.descriptor, box: faceBox };
}

/** Similarity of two descriptors: 1 − Euclidean distance (the scale the threshold is set on). */
export function compare(a, b) {
  if (!a || !b || a.length !== b.length) throw new Error('face-engine: compare needs two descriptors of equal length');
  return 1 - faceapi.euclideanDistance(a, b);
}

/**
 * Human's anti-spoofing ("real") and liveness ("live") scores, 0–1, for the face face-api finds, or
 * nulls when there is none. Human's detector (BlazeFace) is tuned for faces that fill the frame, so
 * it is given the region around face-api's box rather than the whole camera frame.
 */
export async function liveness(source) {
  const { human } = engine();
  const canvas = snapshot(source);
  try {
    const face = await faceapi.detectSingleFace(canvas, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }));
    if (!face) return { real: null, live: null };
    return await livenessCanvas(human, canvas, face.box);
  } finally {
    wipe(canvas);
  }
}

async function livenessCanvas(human, canvas, box) {
  // A square twice the face box, centred on it: the face then fills about half of what Human sees.
  const side = Math.min(Math.max(box.width, box.height) * 2, canvas.width, canvas.height);
  const x = Math.max(0, Math.min(canvas.width - side, box.x + box.width / 2 - side / 2));
  const y = Math.max(0, Math.min(canvas.height - side, box.y + box.height / 2 - side / 2));
  const crop = makeCanvas(side, side);
  try {
    crop.getContext('2d').drawImage(canvas, x, y, side, side, 0, 0, crop.width, crop.height);
    const result = await human.detect(crop);
    const face = result.face?.[0];
    const real = typeof face?.real === 'number' ? round3(face.real) : null;
    const live = typeof face?.live === 'number' ? round3(face.live) : null;
    for (const f of result.face ?? []) f.tensor?.dispose?.();
    return { real, live };
  } finally {
    wipe(crop);
  }
}

function round3(x) {
  return Math.round(x * 1000) / 1000;
}

function nextFrame(video) {
  return new Promise((resolve) => {
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(() => resolve());
    else setTimeout(resolve, 100);
  });
}

async function playing(video) {
  if (video.readyState >= 2 && video.videoWidth > 0) return;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('face-engine: the camera gave no frame within 10 s')), 10000);
    video.addEventListener('loadeddata', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/**
 * Compares the chip portrait with the best of several camera frames. Frames are used only when their
 * quality passes; the match decision is score ≥ threshold on the best frame. Liveness is reported for
 * that frame and left to the caller (the service decides what a low "real"/"live" means).
 * Returns {score, threshold, match, quality, chipQuality, liveness: {real, live}, framesUsed, framesSeen}:
 * no pixels and no descriptors.
 */
export async function verifyLive(chipPortrait, video, { threshold, frames = 5 } = {}) {
  const { human } = engine();
  if (typeof threshold !== 'number') throw new Error('face-engine: verifyLive needs a numeric threshold (from the service)');
  const chip = await describe(chipPortrait);
  const chipQuality = chip.quality;
  let chipDescriptor = chip.descriptor;
  if (!chipDescriptor) {
    return { score: null, threshold, match: false, quality: null, chipQuality, liveness: null, framesUsed: 0, framesSeen: 0 };
  }

  await playing(video);
  let best = null;
  let lastQuality = null;
  let framesUsed = 0;
  let framesSeen = 0;
  try {
    for (let i = 0; i < frames; i++) {
      await nextFrame(video);
      const canvas = snapshot(video);
      try {
        framesSeen++;
        const live = await describeCanvas(canvas);
        lastQuality = live.quality;
        if (!live.quality.ok) continue;
        framesUsed++;
        const score = compare(chipDescriptor, live.descriptor);
        live.descriptor.fill(0);
        if (!best || score > best.score) {
          best = { score, quality: live.quality, liveness: await livenessCanvas(human, canvas, live.box) };
        }
      } finally {
        wipe(canvas);
      }
    }
  } finally {
    chipDescriptor.fill(0);
    chipDescriptor = null;
  }

  if (!best) {
    return { score: null, threshold, match: false, quality: lastQuality, chipQuality, liveness: null, framesUsed, framesSeen };
  }

  const score = round3(best.score);
  return { score, threshold, match: best.score >= threshold, quality: best.quality, chipQuality, liveness: best.liveness, framesUsed, framesSeen };
}

/**
 * Copies camera frames, as the camera delivers them, for `ms` milliseconds (at most maxFrames), onto
 * canvases that stay in this page. Recording first and analysing afterwards keeps the motion check
 * independent of how fast this machine runs the models: every frame of the window is seen.
 */
async function record(video, { ms, maxFrames }) {
  await playing(video);
  const frames = [];
  const started = performance.now();
  while (performance.now() - started < ms && frames.length < maxFrames) {
    await nextFrame(video);
    const canvas = snapshot(video);
    // When the frame arrived: the blink is judged in milliseconds, not in frames, whatever the camera's rate.
    canvas.takenAt = performance.now() - started;
    frames.push(canvas);
  }
  return frames;
}

function boundsOf(points) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Darkness of each eye's box on this frame (liveness.js eyeDarkness), from the frame's luma; the pixels stay here. */
function eyesOf(canvas, points) {
  const { data, width, height } = canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, canvas.width, canvas.height);
  const luma = (x, y) => { const i = (y * width + x) * 4; return 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]; };
  try {
    return [eyeDarkness(points, 36, luma, width, height), eyeDarkness(points, 42, luma, width, height)];
  } finally {
    data.fill(0);
  }
}

/**
 * The 68 landmarks (and the eyes' darkness, and when the frame was taken) on every `step`-th recorded frame (frames with not exactly one face are skipped). The
 * detector runs on each analysed frame: the landmark net's output depends on the face box it is given, so
 * every frame must get its box the same way, or the boxes' differences show up as motion.
 */
async function track(frames, step = 2) {
  const detector = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
  const sequence = [];
  const frameOf = [];
  for (let index = 0; index < frames.length; index += step) {
    const found = await faceapi.detectAllFaces(frames[index], detector).withFaceLandmarks();
    if (found.length !== 1) continue;
    const points = found[0].landmarks.positions.map((p) => ({ x: p.x, y: p.y }));
    sequence.push({ points, t: frames[index].takenAt ?? index * 100 });
    frameOf.push(index);
  }
  // The eyes are read on every recorded frame, not only the analysed ones: a blink can be shorter than two
  // analysed frames. Between two analysed frames the eye boxes are placed by the landmarks interpolated in time
  // (the landmarks only locate the eyes; the pixels say whether they are open).
  const blinkSeries = [];
  for (let k = 0; k < sequence.length; k++) {
    const last = k === sequence.length - 1;
    const until = last ? frameOf[k] : frameOf[k + 1] - 1;
    for (let index = frameOf[k]; index <= until; index++) {
      const f = last || index === frameOf[k] ? 0 : (index - frameOf[k]) / (frameOf[k + 1] - frameOf[k]);
      const points = f === 0 ? sequence[k].points : sequence[k].points.map((p, i) => ({ x: p.x + f * (sequence[k + 1].points[i].x - p.x), y: p.y + f * (sequence[k + 1].points[i].y - p.y) }));
      blinkSeries.push({ eyes: eyesOf(frames[index], points), t: frames[index].takenAt ?? index * 100 });
    }
  }
  return { sequence, frameOf, blinkSeries };
}

/**
 * The active liveness check, then the face comparison on a frame of the same recording.
 * challenge {turn: 'Left'|'Right', blink: bool} comes from the service; onPrompt(attempt) lets the
 * screen say what to do before each recording window. Returns numbers only:
 * {active: {challenge, turnObserved, blinkObserved, turnShift, blinkDrop, rigidResidual, framesAnalysed, failure, passed},
 *  score, threshold, match, quality, chipQuality, liveness: {real, live} (advisory), framesUsed, framesSeen, ms}.
 */
export async function verifyChallenge(chipPortrait, video, { threshold, challenge, windowMs = 4500, attempts = 2, maxFrames = 60, onPrompt } = {}) {
  const { human } = engine();
  if (typeof threshold !== 'number') throw new Error('face-engine: verifyChallenge needs a numeric threshold (from the service)');
  const started = performance.now();
  // pad-eval may run without a portrait: then only the challenge is judged.
  const chip = chipPortrait ? await describe(chipPortrait) : null;
  const chipQuality = chip?.quality ?? null;
  let chipDescriptor = chip?.descriptor ?? null;
  let active = null;
  let best = null;
  let lastQuality = null;
  let framesSeen = 0;
  let framesUsed = 0;
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      onPrompt?.(attempt);
      const frames = await record(video, { ms: windowMs, maxFrames });
      framesSeen += frames.length;
      try {
        const { sequence, frameOf, blinkSeries } = await track(frames);
        const judged = sequence.length < 3
          ? { ...judgeChallenge(sequence, challenge, undefined, blinkSeries), failure: sequence.length === 0 ? 'no-face' : 'face-lost' }
          : judgeChallenge(sequence, challenge, undefined, blinkSeries);
        if (!active || judged.passed || (!active.passed && judged.framesAnalysed > active.framesAnalysed)) active = judged;
        if (chipDescriptor && sequence.length > 0) {
          // Compare on the most frontal frames of this recording, so the face that answered the challenge is the face
          // that is matched. Frontal by the head's own pose (the quality check's yaw and roll), not by the nose shift
          // from the recording's first frame: a recording that starts mid-turn (a slow kiosk starts it late) has its
          // first frame turned, and the frames most like it were turned too, so none passed the quality check.
          // Two usable frames at most, from the four most frontal.
          const order = sequence
            .map((s, k) => { const q = poseOf(s.points); return [Math.max(Math.abs(q.yaw) / QUALITY_LIMITS.maxYawDeg, Math.abs(q.roll) / QUALITY_LIMITS.maxRollDeg), k]; })
            .sort((a, b) => a[0] - b[0])
            .map(([, k]) => frameOf[k]);
          let usedHere = 0;
          for (const i of order.slice(0, 4)) {
            if (usedHere === 2) break;
            const live = await describeCanvas(frames[i]);
            lastQuality = live.quality;
            if (!live.quality.ok) continue;
            usedHere++;
            framesUsed++;
            const score = compare(chipDescriptor, live.descriptor);
            live.descriptor.fill(0);
            if (!best || score > best.score) best = { score, quality: live.quality, liveness: await livenessCanvas(human, frames[i], live.box) };
          }
        }
      } finally {
        for (const f of frames) wipe(f);
      }
      if (active.passed && (!chip || (best && best.score >= threshold))) break;
    }
  } finally {
    chipDescriptor?.fill(0);
    chipDescriptor = null;
  }
  const { shifts, openings, passed, ...measured } = active ?? { framesAnalysed: 0, failure: 'no-frames', passed: false };
  // The per-frame trace stays in the page (pad-eval reads it); the kiosk sends only the summary numbers.
  const activeResult = { challenge, ...measured, passed: Boolean(passed), trace: { shifts, openings } };
  const ms = Math.round(performance.now() - started);
  if (!best) {
    return { active: activeResult, score: null, threshold, match: false, quality: lastQuality, chipQuality, liveness: null, framesUsed, framesSeen, ms };
  }
  const score = round3(best.score);
  return { active: activeResult, score, threshold, match: best.score >= threshold, quality: best.quality, chipQuality, liveness: best.liveness, framesUsed, framesSeen, ms };
}

/**
 * For tools only (`pgate face pad-clips` on development photos): the face box, the nose tip and each eye's
 * landmark box in image pixels, or null when there is not exactly one face.
 */
export async function facePoints(source) {
  engine();
  const canvas = snapshot(source);
  try {
    const found = await faceapi.detectAllFaces(canvas, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 })).withFaceLandmarks();
    if (found.length !== 1) return null;
    const p = found[0].landmarks.positions;
    const b = found[0].detection.box;
    const eye = (from) => boundsOf(p.slice(from, from + 6));
    const round = (r) => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });
    return {
      width: canvas.width,
      height: canvas.height,
      face: round(b),
      nose: { x: Math.round(p[30].x), y: Math.round(p[30].y) },
      leftEye: round(eye(36)),
      rightEye: round(eye(42)),
    };
  } finally {
    wipe(canvas);
  }
}
