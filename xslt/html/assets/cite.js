/*
 * A document's citation ends with the day the reader accessed it, as citation styles ask for
 * online sources: the page, built once for every reader, cannot say it, so this writes it, as
 * the page's language writes dates (English in the day-month-year order of scholarly editions).
 */
(function () {
  'use strict';

  var lang = document.documentElement.lang || 'en';
  var today = new Date();
  var iso = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-' + String(today.getDate()).padStart(2, '0');
  var words;
  try {
    words = today.toLocaleDateString(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric' });
  } catch (e) {
    words = iso;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.cite-accessed'), function (span) {
    var time = span.querySelector('time');
    if (!time) return;
    time.dateTime = iso;
    time.textContent = words;
    span.hidden = false;
  });
})();
