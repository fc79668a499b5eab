// Echoes a typed number as Metropoli will store it (NumberReader's rule of the page's language), so that
// "26.000" reads back as "26.000 (26 mila)" before the form is sent. Without JavaScript the server says the same after sending.
(function () {
  'use strict';
  function read(text, style) {
    var s = text.replace(/[\s\u00a0\u202f\u2009€']/g, '');
    var neg = /^[-\u2212]/.test(s);
    s = s.replace(/^[-+\u2212]/, '');
    if (!/^[0-9]+([.,][0-9]+)*$/.test(s)) return null;
    var group = style === 'en' ? ',' : '.';
    var mark = style === 'en' ? '.' : ',';
    var parts = s.split(mark);
    if (parts.length > 2 || (parts.length === 2 && parts[1].indexOf(group) >= 0)) return null;
    var whole = parts[0];
    if (whole.indexOf(group) >= 0) {
      var groups = whole.split(group);
      if (groups[0].length < 1 || groups[0].length > 3 || groups[0][0] === '0') return null;
      for (var i = 1; i < groups.length; i++) if (groups[i].length !== 3) return null;
      whole = groups.join('');
    }
    var v = Number(whole + (parts.length === 2 ? '.' + parts[1] : ''));
    return isNaN(v) ? null : (neg ? -v : v);
  }
  document.querySelectorAll('input[data-number-echo]').forEach(function (input) {
    var out = document.getElementById(input.getAttribute('data-number-echo'));
    if (!out) return;
    var style = input.getAttribute('data-number-style') || 'it';
    var locale = style === 'en' ? 'en' : 'it';
    var label = out.getAttribute('data-label') || '';
    function update() {
      var text = input.value.trim();
      var v = text ? read(text, style) : null;
      if (v === null) { out.textContent = ''; return; }
      var shown = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(v);
      var words = Math.abs(v) >= 1000 ? ' (' + new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 }).format(v) + ')' : '';
      out.textContent = label + ' ' + shown + words;
    }
    input.addEventListener('input', update);
    update();
  });
})();
