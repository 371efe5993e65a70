// Texts the page writes itself, in the page's language (ui/language.py sets window.ganlabLanguage;
// ui/texts/<tab>.py's "page.*" keys reach the page as window.GANLAB_TEXTS = {en: {...}, zh: {...}}).
export function t(key, fields = {}) {
  const texts = window.GANLAB_TEXTS || {};
  const language = window.ganlabLanguage === "zh" ? "zh" : "en";
  const text = (texts[language] || {})[key] ?? (texts.en || {})[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in fields ? String(fields[name]) : whole));
}

/** A control's name ("Seed") in the page's language; its English name when there is no translation. */
export function named(name) {
  const key = `control.${name}`;
  const text = t(key);
  return text === key ? name : text;
}
