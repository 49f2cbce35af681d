// Small enhancements; every page works without them.
(function () {
  'use strict';

  // Repeating rows of the item form: copy a <template>, numbering its fields with the list's next index.
  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add]');
    if (add) {
      var list = document.getElementById(add.dataset.list);
      var index = Number(list.dataset.next || list.children.length);
      list.dataset.next = String(index + 1);
      var html = document.getElementById(add.dataset.add).innerHTML
        .replace(/ZZS/g, add.dataset.parent || '')
        .replace(/ZZN/g, String(index + 1))
        .replace(/ZZI/g, String(index));
      list.insertAdjacentHTML('beforeend', html);
      var first = list.lastElementChild.querySelector('input:not([type=hidden]), textarea, select');
      if (first) { first.focus(); }
      return;
    }
    var remove = event.target.closest('[data-remove]');
    if (remove) {
      var row = remove.closest('.row-card');
      var section = row.closest('section');
      row.remove();
      var next = section && section.querySelector('[data-add]');
      if (next) { next.focus(); }
    }
  });

  // Actions that cannot be undone ask once more.
  document.addEventListener('submit', function (event) {
    var message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // After a refused save, move focus to the list of problems.
  document.addEventListener('DOMContentLoaded', function () {
    var errors = document.getElementById('form-errors');
    if (errors) { errors.focus(); }
  });
})();
