// Loads the face engine (face/face-engine.js: face-api matching, Human liveness) once per page, with its
// models from lib/. Kept apart from the face screen so the engine can be swapped without touching it.
let loading = null;

export function loadFaceEngine() {
  loading ??= (async () => {
    const engine = await import('./face/face-engine.js');
    await engine.init({ modelBase: new URL('lib/', document.baseURI).href });
    return engine;
  })();
  loading.catch(() => { loading = null; });
  return loading;
}
