// The languages PeerLink's matchmakers serve by default (PeerLink:Matching:Languages), named in the reader's language.
const codes = ['en', 'es', 'fr', 'de', 'pt', 'ar', 'pl', 'uk'];

export function fillLanguages(select) {
  const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'language' });
  const preferred = codes.find((code) => navigator.language.startsWith(code)) ?? 'en';
  for (const code of codes) {
    const option = new Option(`${names.of(code)}`, code, false, code === preferred);
    option.lang = code;
    select.append(option);
  }
}
