/*
 * The QR feedback page without a framework: paints the chosen stars, sends the form as JSON to
 * POST /v1/feedback and thanks the user in place. Without this script the form still posts
 * (form-encoded) and the server answers with a thank-you page. Written for old phone browsers:
 * no modules, no arrow functions, XMLHttpRequest.
 */
(function () {
  'use strict';
  var form = document.getElementById('feedback');
  if (!form || !window.XMLHttpRequest || !window.JSON) {
    return;
  }
  var stars = form.querySelectorAll('input[name="rating"]');
  var status = document.getElementById('status');
  var button = form.querySelector('button[type="submit"]');

  function chosenRating() {
    for (var i = 0; i < stars.length; i++) {
      if (stars[i].checked) {
        return parseInt(stars[i].value, 10);
      }
    }
    return 0;
  }

  function paint() {
    var chosen = chosenRating();
    for (var i = 0; i < stars.length; i++) {
      var label = form.querySelector('label[for="' + stars[i].id + '"]');
      label.className = parseInt(stars[i].value, 10) <= chosen ? 'on' : '';
    }
  }

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  function thank() {
    var main = document.getElementById('main');
    var heading = document.createElement('h1');
    heading.id = 'thanks';
    heading.tabIndex = -1;
    heading.textContent = 'Thank you!';
    var text = document.createElement('p');
    text.appendChild(document.createTextNode('Your feedback about '));
    var subject = document.createElement('strong');
    subject.textContent = form.getAttribute('data-subject');
    text.appendChild(subject);
    text.appendChild(document.createTextNode(' has been received.'));
    while (main.firstChild) {
      main.removeChild(main.firstChild);
    }
    main.appendChild(heading);
    main.appendChild(text);
    heading.focus();
  }

  function problemDetail(xhr) {
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem.errors && problem.errors.length) {
        return problem.errors[0].message ? problem.errors[0].field + ' ' + problem.errors[0].message : problem.detail;
      }
      return problem.detail || 'Your feedback could not be sent.';
    } catch (e) {
      return 'Your feedback could not be sent.';
    }
  }

  for (var i = 0; i < stars.length; i++) {
    stars[i].addEventListener('change', paint);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var rating = chosenRating();
    if (!rating) {
      say('Please choose a rating from 1 to 5 stars.', true);
      return;
    }
    var comment = form.querySelector('textarea[name="comment"]').value;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/feedback');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', 'qr:' + form.getAttribute('data-token'));
    xhr.timeout = 20000;
    xhr.onload = function () {
      button.disabled = false;
      if (xhr.status >= 200 && xhr.status < 300) {
        thank();
      } else if (xhr.status === 429 || xhr.status >= 500) {
        say('We could not take your feedback just now. Please try again in a minute.', true);
      } else {
        say(problemDetail(xhr), true);
      }
    };
    xhr.onerror = xhr.ontimeout = function () {
      button.disabled = false;
      say('Your feedback could not be sent. Please check your connection and try again.', true);
    };
    button.disabled = true;
    say('Sending\u2026', false);
    xhr.send(JSON.stringify({
      subject: form.getAttribute('data-subject'),
      rating: rating,
      scale: 'stars-5',
      comment: comment && comment.replace(/^\s+|\s+$/g, '') ? comment : null,
      channel: 'qr'
    }));
  });
}());
