// Face capture: live guidance (one face, distance, pose, sharpness, light) until a good frame, then the
// service's liveness challenge (turn the head, blink) and the comparison with the chip portrait on a frame
// of the same recording. Only numbers go to the host; the portrait and the frames stay in
// this page and are dropped when the screen goes.
import { h, title } from '../dom.js';
import { loadFaceEngine } from '../face-loader.js';

const GUIDANCE = Object.freeze({
  'no-face': 'faceNoFace',
  'more-than-one-face': 'faceOneOnly',
  'face-too-small': 'faceCloser',
  'head-turned-or-tilted': 'faceStraight',
  blurred: 'faceStill',
  'too-dark': 'faceTooDark',
  'too-bright': 'faceTooBright',
});

// Human's anti-spoofing and liveness scores are 0–1; the contract carries yes/no. 0.5 is the midpoint
// the models are trained around (vladmandic/human docs); the service still decides what a "no" means.
const LIVENESS_CUT = 0.5;
// Up to about ten seconds of guidance: a person needs a moment to react to each prompt.
const GUIDANCE_ROUNDS = 15;
const GUIDANCE_PACE_MS = 700;

export function mount(root, state, ctx) {
  let stopped = false;
  let stream = null;
  let portraitObjectUrl = null;
  const video = h('video', { class: 'camera', autoplay: true, muted: true, playsinline: true, 'data-i18n-label': 'cameraView' });
  const portrait = h('img', { alt: '', hidden: true });
  const guidance = h('p', { class: 'guidance', 'data-i18n': 'faceLookAtCamera', 'aria-live': 'polite' });
  root.append(h('section', { class: 'card face' },
    title('faceTitle'),
    guidance,
    h('div', { class: 'camera-frame' }, video),
    portrait,
    h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', 'data-i18n': 'cancel', onclick: () => ctx.invoke('Cancel') })));

  const say = key => {
    guidance.dataset.i18n = key;
    guidance.textContent = ctx.t(key);
    guidance.dataset.guidance = key;
    ctx.announce(key);
  };

  // The passenger stands still for the camera: while this screen works, that is not idleness.
  const busy = setInterval(() => ctx.invoke('Touch'), 2000);
  const stop = () => {
    clearInterval(busy);
    stopped = true;
    stream?.getTracks().forEach(track => track.stop());
    video.srcObject = null;
    portrait.removeAttribute('src');
    if (portraitObjectUrl) URL.revokeObjectURL(portraitObjectUrl);
    portraitObjectUrl = null;
  };

  (async () => {
    // The chip portrait first. Its URL works once; a page that cannot load or draw it (a fetch lost on a busy
    // kiosk, a screen drawn twice) tells the host, which hands out the same portrait under a new URL or, after a
    // few tries, sends the passenger to an officer. The camera is fine: this is not a device fault.
    try {
      portrait.dataset.source = state.portraitUrl;
      const response = await fetch(state.portraitUrl, { cache: 'no-store' });
      if (!response.ok) throw new Error(`portrait: HTTP ${response.status}`);
      portraitObjectUrl = URL.createObjectURL(await response.blob());
      if (stopped) return stop();
      portrait.src = portraitObjectUrl;
      await portrait.decode();
    } catch {
      if (!stopped) ctx.invoke('PortraitLost', state.portraitUrl).catch(() => {});
      return;
    }

    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
      if (stopped) return stop();
      video.srcObject = stream;
      await video.play();
    } catch (error) {
      if (!stopped) ctx.invoke('ReportDeviceFault', 'camera', String(error?.message ?? error));
      return;
    }

    let engine;
    try {
      engine = await loadFaceEngine();
    } catch (error) {
      if (!stopped) ctx.invoke('ReportDeviceFault', 'faceEngine', String(error?.message ?? error));
      return;
    }

    for (let round = 0; round < GUIDANCE_ROUNDS && !stopped; round++) {
      const seen = await engine.describe(video);
      seen.descriptor?.fill?.(0);
      if (seen.quality.ok) break;
      say(GUIDANCE[seen.quality.problems[0]] ?? 'faceLookAtCamera');
      await new Promise(resolve => setTimeout(resolve, GUIDANCE_PACE_MS));
    }
    if (stopped) return;
    // The service's challenge (head turn and blink); the passenger answers it in front of the camera. A service
    // that sets none (Face:ActiveLiveness off, tests of other behaviours) gets the passive comparison alone.
    // The contract's enums travel as camelCase words ("left", "right", decision 0019); the engine speaks 'Left'/'Right'.
    const challenge = state.liveness
      ? { turn: String(state.liveness.turn).toLowerCase() === 'right' ? 'Right' : 'Left', blink: state.liveness.blink !== false }
      : null;
    let r;
    if (challenge) {
      const prompt = challenge.turn === 'Right' ? 'livenessTurnRight' : 'livenessTurnLeft';
      root.querySelector('section.face').dataset.challenge = challenge.turn;
      r = await engine.verifyChallenge(portrait, video, {
        threshold: state.faceThreshold,
        challenge,
        onPrompt: attempt => say(attempt === 0 ? prompt : 'livenessAgain'),
      });
      if (stopped) return;
      say('faceHoldStill');
    } else {
      say('faceHoldStill');
      r = await engine.verifyLive(portrait, video, { threshold: state.faceThreshold, frames: 5 });
      if (stopped) return;
    }
    const a = r.active ?? {};
    const usable = typeof r.score === 'number';
    // On a busy kiosk the analysis can hold this page's thread past SignalR's timeouts, and the link reconnects
    // meanwhile: an answer lost then would leave the passenger on this screen for good, so it is sent again until
    // the host has it (the host takes it only for this screen's portrait).
    const submit = async answer => {
      while (!stopped) {
        try {
          await ctx.invoke('SubmitFace', answer, state.portraitUrl);
          return;
        } catch {
          await new Promise(resolve => setTimeout(resolve, 1000));
        }
      }
    };
    await submit({
      score: usable ? r.score : 0,
      threshold: state.faceThreshold,
      qualityOk: usable && Boolean(r.quality?.ok),
      qualityProblems: usable ? (r.quality?.problems ?? []) : (r.quality?.problems?.length ? r.quality.problems : ['no-usable-frame']),
      real: typeof r.liveness?.real === 'number' ? r.liveness.real >= LIVENESS_CUT : null,
      live: typeof r.liveness?.live === 'number' ? r.liveness.live >= LIVENESS_CUT : null,
      framesUsed: r.framesUsed ?? 0,
      childBelowHeight: null,
      active: challenge && {
        challenge,
        turnObserved: a.turnObserved ?? null,
        blinkObserved: Boolean(a.blinkObserved),
        turnShift: a.turnShift ?? 0,
        blinkDrop: a.blinkDrop ?? 0,
        rigidResidual: a.rigidResidual ?? 0,
        framesAnalysed: a.framesAnalysed ?? 0,
        failure: a.failure ?? null,
      },
    });
  })();

  return { unmount: stop };
}
