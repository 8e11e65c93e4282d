// The crisis page: the configured crisis lines for this browser's locale, open to everyone.
// The page's own words and the findahelpline.com link stay if this cannot load.
import { get } from './api.js';
import { crisisLines } from './crisis-panel.js';
import { $, markReady } from './dom.js';
import { addAccountControls } from './layout.js';

markReady();
addAccountControls($('.site-header'));
try {
  const resources = await get(`/api/crisis-resources?locale=${encodeURIComponent(navigator.language)}`);
  if (resources.length > 0) {
    $('#lines').replaceChildren(crisisLines(resources));
    $('#lines-section').hidden = false;
  }
} catch {
  // The static advice above is still there.
}
