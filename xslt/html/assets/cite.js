/*
 * A document's citation ends with the day the reader accessed it, as citation styles ask for
 * online sources: the page, built once for every reader, cannot say it, so this writes it.
 */
(function () {
  'use strict';

  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  var today = new Date();
  var iso = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-' + String(today.getDate()).padStart(2, '0');
  Array.prototype.forEach.call(document.querySelectorAll('.cite-accessed'), function (span) {
    var time = span.querySelector('time');
    if (!time) return;
    time.dateTime = iso;
    time.textContent = today.getDate() + ' ' + MONTHS[today.getMonth()] + ' ' + today.getFullYear();
    span.hidden = false;
  });
})();
