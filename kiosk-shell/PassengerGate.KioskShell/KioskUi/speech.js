// Spoken prompts through the Web Speech API, when the browser has it and the passenger turned them on.
const VOICE_LANG = { ja: 'ja-JP', en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', ko: 'ko-KR' };

export function speechAvailable() {
  return 'speechSynthesis' in globalThis && 'SpeechSynthesisUtterance' in globalThis;
}

export function speak(text, language) {
  if (!speechAvailable() || !text) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = VOICE_LANG[language] ?? language;
  speechSynthesis.speak(utterance);
}

export function silence() {
  if (speechAvailable()) speechSynthesis.cancel();
}
