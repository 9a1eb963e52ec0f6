// Small conveniences for the editing pages (/edit/); every page works
// without them. Loaded as a file: the Content-Security-Policy forbids inline
// scripts.
//  - A form with data-confirm (the remove buttons) asks before it is sent.
//  - The language selects (the page's, the second language of an item) ask
//    for the page as soon as one is chosen.
//  - A form is sent once: a second click while the page loads would be
//    refused as stale (409), since the first one saved a new version.
'use strict';

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.sent === 'yes') {
    event.preventDefault();
    return;
  }
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = 'yes';
});

// Coming back with the browser's Back button shows the page as it was left:
// its forms may be sent again.
window.addEventListener('pageshow', () => {
  for (const form of document.querySelectorAll('form[data-sent]')) delete form.dataset.sent;
});

document.addEventListener('change', (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement)) return;
  const form = select.form;
  if (form && (form.id === 'ui-language' || form.id === 'with-language')) form.submit();
});
