// Radio: counts a play when a player starts (once per page view; the server counts once per person and day),
// and copies the private feed address.
(function () {
    'use strict';
    var tokenForm = document.getElementById('radio-token-form');
    var token = tokenForm ? tokenForm.querySelector('input[name="__RequestVerificationToken"]') : null;
    document.querySelectorAll('audio[data-play-url]').forEach(function (audio) {
        var sent = false;
        audio.addEventListener('play', function () {
            if (sent || !token) { return; }
            sent = true;
            var body = new FormData();
            body.append('__RequestVerificationToken', token.value);
            fetch(audio.getAttribute('data-play-url'), { method: 'POST', body: body, credentials: 'same-origin' });
        });
    });
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
        button.addEventListener('click', function () {
            var input = document.querySelector(button.getAttribute('data-copy'));
            if (!input) { return; }
            input.select();
            if (navigator.clipboard) { navigator.clipboard.writeText(input.value); } else { document.execCommand('copy'); }
        });
    });
})();
