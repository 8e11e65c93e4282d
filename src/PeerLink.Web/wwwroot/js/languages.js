// The languages PeerLink serves (GET /api/languages, from PeerLink:Matching:Languages), named in the reader's language.
import { get } from './api.js';

export async function fillLanguages(select) {
  let codes;
  try {
    codes = await get('/api/languages');
  } catch {
    codes = ['en'];
  }
  const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'language' });
  const preferred = codes.find((code) => navigator.language.startsWith(code)) ?? codes[0];
  for (const code of codes) {
    const option = new Option(names.of(code) ?? code, code, false, code === preferred);
    option.lang = code;
    select.append(option);
  }
}
