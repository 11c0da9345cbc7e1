// Phone intake: autosave the draft while typing, find cases without leaving the page,
// and keep Enter in a one-line field from saving half a call. Everything here is an
// extra: the screen works with plain form posts when this script does not run.
(function () {
  "use strict";

  var form = document.getElementById("intake-form");
  if (!form) {
    return;
  }
  var status = document.getElementById("intake-status");
  var draftInputs = document.querySelectorAll("[data-intake-draft]");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var AUTOSAVE_DELAY = 800;
  var timer = null;
  var dirty = false;
  var busy = false;
  var again = false;
  var gone = false;
  var submitting = false;
  // A save pressed while an autosave is on its way waits for it (once): the first
  // autosave brings the draft's id, without which the saved call would leave its draft
  // behind.
  var waitingSubmit = null;
  var waited = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" }
    });
  }

  function save() {
    if (!dirty || gone || submitting) {
      return;
    }
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    dirty = false;
    post(form.dataset.autosaveUrl, new FormData(form))
      .then(function (response) {
        if (response.status === 410) {
          gone = true;
          say(form.dataset.textGone);
          return null;
        }
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        if (data && data.draft) {
          draftInputs.forEach(function (input) { input.value = data.draft; });
          say(form.dataset.textSaved + " " + data.saved + ".");
        }
      })
      .catch(function () {
        dirty = true;
        say(form.dataset.textOffline);
      })
      .finally(function () {
        busy = false;
        if (waitingSubmit) {
          again = false;
          releaseSubmit();
          return;
        }
        if (again) {
          again = false;
          save();
        }
      });
  }

  // Send the save that waited; after SUBMIT_WAIT without an answer it goes anyway (then
  // the draft may stay behind, but the call is never held up).
  var SUBMIT_WAIT = 3000;

  function releaseSubmit() {
    var waiting = waitingSubmit;
    if (!waiting) {
      return;
    }
    clearTimeout(waiting.timer);
    waitingSubmit = null;
    waited = true;
    waiting.form.requestSubmit(waiting.submitter || undefined);
  }

  function changed() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", function () {
    if (dirty) {
      clearTimeout(timer);
      save();
    }
  });

  // The case picker (htmx attributes on the field) also searches at once on Enter.
  var query = document.getElementById("id_case_query");

  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "Enter" || target.tagName !== "INPUT") {
      return;
    }
    if (["submit", "button", "checkbox", "radio"].indexOf(target.type) !== -1) {
      return;
    }
    event.preventDefault();
    if (target === query && window.htmx) {
      window.htmx.trigger(query, "search");
    }
  });

  // Suggestions from the triage assistant while the summary is typed; its "Overnemen"
  // buttons (static/js/triage.js) tick a signal, whose group then opens to show it.
  var summary = document.getElementById("id_summary");
  var suggestBox = document.getElementById("intake-suggest");
  var suggestResult = document.getElementById("intake-suggest-result");
  var suggestTimer = null;
  // Only the answer to the latest text is shown: a busy server may answer an earlier
  // text last, and its suggestions would replace those of what is typed now.
  var suggestAsked = 0;

  function suggestNow() {
    var asked = ++suggestAsked;
    if (!summary.value.trim()) {
      suggestBox.hidden = true;
      return;
    }
    var body = new FormData();
    body.append("text", summary.value);
    body.append("target", form.id);
    post(suggestBox.dataset.suggestUrl, body)
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && asked === suggestAsked) {
          suggestResult.innerHTML = html;
          suggestBox.hidden = false;
        }
      })
      .catch(function () { /* suggestions are an extra; the checklist always works */ });
  }

  if (summary && suggestBox && suggestResult) {
    summary.addEventListener("input", function () {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(suggestNow, AUTOSAVE_DELAY);
    });
    suggestNow();
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.name === "indicators" && target.checked) {
      var group = target.closest("details");
      if (group) {
        group.open = true;
      }
    }
  });

  // The call timer: starts at the first keystroke in the form, or with its button (Alt+T),
  // which also stops and restarts it. What it shows is what is saved: every tick writes the
  // same whole seconds to the screen and to the forms' duration fields. Without this script
  // the advisor types the minutes instead.
  var timerBox = document.getElementById("intake-timer");
  var timerClock = document.getElementById("intake-timer-clock");
  var timerState = document.getElementById("intake-timer-state");
  var timerLabel = document.getElementById("intake-timer-label");
  var timerToggle = document.getElementById("intake-timer-toggle");
  var minutesField = document.getElementById("intake-minutes");
  var durationInputs = document.querySelectorAll("[data-intake-duration]");
  var durationInForm = form.querySelector("[data-intake-duration]");
  var shownSeconds = parseInt(durationInForm ? durationInForm.value : "", 10) || 0;
  var runningSince = null;
  var secondsAtStart = 0;
  var tick = null;
  // A resumed call that was already timed does not start again by itself.
  var autoStart = shownSeconds === 0;

  function clockText(total) {
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }

  function showTime() {
    if (runningSince !== null) {
      shownSeconds = secondsAtStart + Math.floor((Date.now() - runningSince) / 1000);
    }
    timerClock.textContent = clockText(shownSeconds);
    durationInputs.forEach(function (input) { input.value = String(shownSeconds); });
  }

  function showState() {
    var running = runningSince !== null;
    timerLabel.textContent = running ? timerBox.dataset.textStop : timerBox.dataset.textStart;
    timerToggle.setAttribute("aria-pressed", running ? "true" : "false");
    if (running) {
      timerState.textContent = "(" + timerBox.dataset.textRunning + ")";
    } else if (autoStart) {
      timerState.textContent = "(" + timerBox.dataset.textWaiting + ")";
    } else {
      timerState.textContent = "(" + timerBox.dataset.textStopped + ")";
    }
  }

  function timerStart() {
    if (runningSince !== null) {
      return;
    }
    autoStart = false;
    secondsAtStart = shownSeconds;
    runningSince = Date.now();
    tick = setInterval(showTime, 1000);
    showTime();
    showState();
  }

  function timerStop() {
    if (runningSince === null) {
      return;
    }
    clearInterval(tick);
    showTime();
    runningSince = null;
    showState();
  }

  function timerToggleNow() {
    autoStart = false;
    if (runningSince === null) {
      timerStart();
    } else {
      timerStop();
    }
  }

  if (timerBox && timerClock && timerToggle && durationInForm) {
    timerBox.hidden = false;
    if (minutesField) {
      minutesField.hidden = true;
    }
    showTime();
    showState();
    timerToggle.addEventListener("click", timerToggleNow);
    form.addEventListener("keydown", function (event) {
      if (autoStart && !event.altKey && !event.ctrlKey && !event.metaKey) {
        timerStart();
      }
    });
    form.addEventListener("input", function () {
      if (autoStart) {
        timerStart();
      }
    });
  } else {
    timerToggle = null;
  }

  // Shortcuts as shown on the buttons. The buttons also carry accesskeys for when this
  // script does not run; the submit guard below keeps a double trigger to one submit.
  document.addEventListener("keydown", function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var button = null;
    var digit = /^Digit([1-9])$/.exec(event.code);
    if (digit) {
      button = document.querySelector("#intake-quick button[accesskey='" + digit[1] + "']");
    } else if (event.code === "KeyS") {
      button = form.querySelector("button[accesskey='s']");
    } else if (event.code === "KeyT") {
      button = timerToggle;
    }
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  // One submit per call: a second press while the first is on its way does nothing.
  document.querySelectorAll("form#intake-form, form#intake-quick").forEach(function (each) {
    each.addEventListener("submit", function (event) {
      if (submitting || waitingSubmit) {
        event.preventDefault();
        return;
      }
      if (busy && !waited) {
        event.preventDefault();
        waitingSubmit = {
          form: each,
          submitter: event.submitter,
          timer: setTimeout(releaseSubmit, SUBMIT_WAIT)
        };
        return;
      }
      submitting = true;
      clearTimeout(timer);
    });
  });
})();
