// The page `pgate face eval` opens in headless Chromium: it runs the kiosk's own face-engine.js over a
// list of pairs and returns only numbers (scores, timings, quality), never pixels or descriptors.
import * as engine from './face-engine.js';

// A passport chip stores a small JPEG: ICAO 9303-10 leaves the size to the issuer, and chips with
// 15–20 KB portraits of at most 480×640 are common, so --as-chip degrades to that.
const CHIP_MAX_WIDTH = 480;
const CHIP_MAX_HEIGHT = 640;
const CHIP_MAX_BYTES = 20 * 1024;

async function loadImage(url) {
  const img = new Image();
  img.decoding = 'sync';
  img.src = url;
  await img.decode();
  return img;
}

function toBlob(canvas, quality) {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * Scales to fit 480×640 (never up) and finds, by bisection, the highest JPEG quality whose file is
 * at most 20 KB. Same browser, same input → same bytes, so a run is repeatable.
 */
async function degradeToChip(img) {
  const scale = Math.min(1, CHIP_MAX_WIDTH / img.naturalWidth, CHIP_MAX_HEIGHT / img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  // Drawn from a fully decoded bitmap: drawing the <img> itself let Chromium pick a decode
  // resolution per run, and the chip bytes differed between runs.
  const bitmap = await createImageBitmap(img);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let lo = 0.05;
  let hi = 0.95;
  let blob = await toBlob(canvas, lo);
  let quality = lo;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    const candidate = await toBlob(canvas, mid);
    if (candidate.size <= CHIP_MAX_BYTES) {
      blob = candidate;
      quality = mid;
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const size = { width: canvas.width, height: canvas.height };
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  canvas.width = 0;
  canvas.height = 0;
  const url = URL.createObjectURL(blob);
  try {
    return { img: await loadImage(url), bytes: blob.size, jpegQuality: Math.round(quality * 100) / 100, ...size };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * options: {imageBase, pairs: [{x, y, same}], asChip, threshold}. The first image of each pair is the
 * "chip" side. Each distinct image (and each chip-degraded image) is described once.
 */
/**
 * Portrait variants some issuers store (tight crop, small, grey): `tight` crops to the face box the detector
 * finds on the original, grown by 10 %; `small` scales to 150 px wide; `gray` keeps luma only (Rec. 601).
 * Returns a PNG-decoded image, or null when the original itself has no single face to crop to.
 */
async function makeVariant(img, variants) {
  let canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  canvas.getContext('2d').drawImage(img, 0, 0);
  if (variants.includes('tight')) {
    const d = await engine.describe(img, { enrolRetry: false });
    d.descriptor?.fill?.(0);
    if (d.faces !== 1) return null;
    const side = Math.max(d.box.width, d.box.height) * 1.1;
    const cx = d.box.x + d.box.width / 2;
    const cy = d.box.y + d.box.height / 2;
    const x = Math.max(0, cx - side / 2);
    const y = Math.max(0, cy - side / 2);
    const w = Math.min(canvas.width - x, side);
    const h = Math.min(canvas.height - y, side);
    const crop = document.createElement('canvas');
    crop.width = Math.round(w);
    crop.height = Math.round(h);
    crop.getContext('2d').drawImage(canvas, x, y, w, h, 0, 0, crop.width, crop.height);
    canvas = crop;
  }
  if (variants.includes('small')) {
    const small = document.createElement('canvas');
    small.width = 150;
    small.height = Math.round(canvas.height * 150 / canvas.width);
    const ctx = small.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(canvas, 0, 0, small.width, small.height);
    canvas = small;
  }
  if (variants.includes('gray')) {
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const px = image.data;
    for (let i = 0; i < px.length; i += 4) {
      const y = Math.round(0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2]);
      px[i] = y; px[i + 1] = y; px[i + 2] = y;
    }
    ctx.putImageData(image, 0, 0);
  }
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const size = { width: canvas.width, height: canvas.height };
  canvas.width = 0;
  canvas.height = 0;
  const url = URL.createObjectURL(blob);
  try {
    return { img: await loadImage(url), ...size };
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function run({ imageBase, pairs, asChip, variants = [], enrolRetry = true }) {
  await engine.init({ modelBase: new URL('../lib/', import.meta.url).href });
  const described = new Map();
  const images = [];
  let ms = 0;
  async function descriptorOf(file, chip) {
    const key = `${chip ? 'chip:' : ''}${file}`;
    // With variants or --as-chip the first image of a pair is the "chip" side.
    if (described.has(key)) return described.get(key);
    let img = await loadImage(new URL(encodeURIComponent(file), imageBase).href);
    let chipInfo = null;
    let variant = null;
    if (chip && variants.length > 0) {
      const made = await makeVariant(img, variants);
      if (!made) {
        images.push({ file, asChip: chip, faces: 0, quality: { size: null, pose: null, sharpness: null, exposure: null, ok: false, problems: ['no-face-in-original'] }, chip: null, variant: null, ms: 0 });
        described.set(key, null);
        return null;
      }
      img = made.img;
      variant = { width: made.width, height: made.height };
    }
    if (chip && asChip) {
      const degraded = await degradeToChip(img);
      img = degraded.img;
      chipInfo = { bytes: degraded.bytes, jpegQuality: degraded.jpegQuality, width: degraded.width, height: degraded.height };
    }
    const started = performance.now();
    const d = await engine.describe(img, { enrolRetry: enrolRetry && chip });
    const took = performance.now() - started;
    ms += took;
    images.push({ file, asChip: chip, faces: d.faces, quality: d.quality, chip: chipInfo, variant, enrolRetry: Boolean(d.enrolRetry), ms: Math.round(took) });
    described.set(key, d.descriptor);
    return d.descriptor;
  }

  const scores = [];
  for (const pair of pairs) {
    const a = await descriptorOf(pair.x, asChip || variants.length > 0);
    const b = await descriptorOf(pair.y, false);
    const score = a && b ? Math.round(engine.compare(a, b) * 10000) / 10000 : null;
    scores.push({ x: pair.x, y: pair.y, same: pair.same, score });
  }
  for (const d of described.values()) d?.fill(0);
  described.clear();
  return { scores, images, msPerImage: images.length ? Math.round(ms / images.length) : 0, backend: (await engine.init()).backend };
}

/** Genuine and impostor score histograms with the threshold line, as a PNG data URL. */
function plot({ scores, threshold, title }) {
  const W = 900;
  const H = 420;
  const left = 60;
  const right = 20;
  const top = 50;
  const bottom = 60;
  const bins = 40;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  const count = (same) => {
    const h = new Array(bins).fill(0);
    for (const s of scores) {
      if (s.same !== same || s.score === null) continue;
      h[Math.min(bins - 1, Math.max(0, Math.floor(s.score * bins)))]++;
    }
    return h;
  };
  const genuine = count(true);
  const impostor = count(false);
  const max = Math.max(1, ...genuine, ...impostor);
  const x = (v) => left + v * (W - left - right);
  const y = (n) => H - bottom - (n / max) * (H - top - bottom);
  const bw = (W - left - right) / bins;
  const bars = (h, colour) => {
    ctx.fillStyle = colour;
    h.forEach((n, i) => { if (n) ctx.fillRect(x(i / bins) + 1, y(n), bw - 2, H - bottom - y(n)); });
  };
  bars(impostor, 'rgba(200, 40, 40, 0.6)');
  bars(genuine, 'rgba(30, 130, 60, 0.6)');
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, H - bottom);
  ctx.lineTo(W - right, H - bottom);
  ctx.stroke();
  ctx.fillStyle = '#000';
  ctx.font = '13px sans-serif';
  ctx.textAlign = 'center';
  for (let t = 0; t <= 10; t++) ctx.fillText((t / 10).toFixed(1), x(t / 10), H - bottom + 18);
  ctx.fillText('score = 1 − Euclidean distance (face-api descriptor)', (left + W - right) / 2, H - 15);
  ctx.textAlign = 'right';
  for (let n = 0; n <= max; n += Math.max(1, Math.ceil(max / 8))) ctx.fillText(String(n), left - 8, y(n) + 4);
  ctx.save();
  ctx.translate(18, (top + H - bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText('pairs', 0, 0);
  ctx.restore();
  ctx.strokeStyle = '#1040c0';
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x(threshold), top - 10);
  ctx.lineTo(x(threshold), H - bottom);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.textAlign = 'left';
  ctx.fillStyle = '#1040c0';
  ctx.fillText(`threshold ${threshold}`, x(threshold) + 6, top - 2);
  ctx.font = 'bold 15px sans-serif';
  ctx.fillStyle = '#000';
  ctx.fillText(title ?? 'Face match scores', left, 25);
  ctx.font = '13px sans-serif';
  ctx.fillStyle = 'rgb(30, 130, 60)';
  ctx.fillText('■ genuine', W - 200, 25);
  ctx.fillStyle = 'rgb(200, 40, 40)';
  ctx.fillText('■ impostor', W - 110, 25);
  const png = canvas.toDataURL('image/png');
  canvas.width = 0;
  canvas.height = 0;
  return png;
}

/** Camera test hook: the chip portrait at chipUrl against the fake camera. */
async function verifyCamera({ chipUrl, threshold, frames }) {
  await engine.init({ modelBase: new URL('../lib/', import.meta.url).href });
  const video = document.getElementById('camera');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  video.srcObject = stream;
  await video.play();
  try {
    const chip = await loadImage(chipUrl);
    return await engine.verifyLive(chip, video, { threshold, frames });
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

/**
 * `pgate face pad-eval`: the kiosk's challenge check (face-engine.js verifyChallenge) on the fake camera,
 * the chip portrait at chipUrl. Numbers only.
 */
async function verifyChallengeCamera({ chipUrl, threshold, challenge, windowMs, attempts }) {
  await engine.init({ modelBase: new URL('../lib/', import.meta.url).href });
  const video = document.getElementById('camera');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  video.srcObject = stream;
  await video.play();
  try {
    // A list row without a chip portrait judges the challenge only (verifyChallenge takes a null portrait).
    const chip = chipUrl ? await loadImage(chipUrl) : null;
    return await engine.verifyChallenge(chip, video, { threshold, challenge, windowMs, attempts });
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

/**
 * Where the eyes and the face are on a development photo, for making synthetic bona fide clips
 * (`pgate face pad-clips`): eye boxes from the 68 landmarks, the face box, the nose tip. Development
 * photos only, never a passenger's.
 */
async function facePoints({ url }) {
  await engine.init({ modelBase: new URL('../lib/', import.meta.url).href });
  const img = await loadImage(url);
  return engine.facePoints(img);
}

window.faceEval = { init: engine.init, run, plot, verifyCamera, verifyChallengeCamera, facePoints, qualityLimits: engine.QUALITY_LIMITS, livenessLimits: engine.LIVENESS_LIMITS };
document.getElementById('status').textContent = 'ready';
