// The reporter's side of the chat. Messages are numbered by the server; this page keeps
// only the highest number it has shown, asks for everything after it on (re)connect and
// drops any number it already has. Nothing is kept in browser storage.
(function () {
  "use strict";

  document.querySelectorAll("[data-chat-needs-js]").forEach(function (el) {
    el.hidden = false;
  });

  var root = document.querySelector("[data-chat]");
  if (!root) {
    return;
  }
  root.hidden = false;
  var shared = window.meldpuntChat;
  var t = root.dataset;
  var log = root.querySelector("[data-chat-log]");
  var statusEl = root.querySelector("[data-chat-status]");
  var noAdvisorEl = root.querySelector("[data-chat-no-advisor]");
  var typingEl = root.querySelector("[data-chat-typing]");
  var form = root.querySelector("[data-chat-form]");
  var input = root.querySelector("[data-chat-input]");
  var sendButton = root.querySelector("[data-chat-send]");
  var errorEl = root.querySelector("[data-chat-error]");
  var endButton = root.querySelector("[data-chat-end]");
  var endedBox = document.querySelector("[data-chat-ended]");

  var lastSeq = 0;
  var pending = {};
  var finished = false;
  var active = false;
  var typing = shared.typingIndicator(typingEl, t.tTyping);
  var noAdvisorTimer = null;
  // An advisor who reloads the console is gone for a second; only a longer absence is news.
  var NO_ADVISOR_DELAY = 5000;

  function setStatus(text) {
    // The same words again would be read out again by a screen reader.
    if (statusEl.textContent !== text) {
      statusEl.textContent = text;
    }
  }

  function setActive(on) {
    active = on;
    input.disabled = !on;
    sendButton.disabled = !on;
  }

  function systemText(code) {
    if (code === "joined") {
      return t.tJoined;
    }
    if (code === "transferred") {
      return t.tTransferred;
    }
    return t.tEnded;
  }

  function addItem(seq, sender, body) {
    var item = document.createElement("li");
    item.className = "chat__message chat__message--" + sender;
    if (seq) {
      item.dataset.seq = String(seq);
    }
    if (sender === "system") {
      item.textContent = systemText(body);
    } else {
      var who = document.createElement("span");
      who.className = "chat__who";
      who.textContent = (sender === "reporter" ? t.tYou : t.tAdvisor) + ": ";
      var text = document.createElement("span");
      text.className = "chat__text";
      text.textContent = body;
      item.appendChild(who);
      item.appendChild(text);
    }
    log.appendChild(item);
    item.scrollIntoView({block: "nearest"});
    return item;
  }

  function showMessage(message) {
    if (message.seq <= lastSeq) {
      return;
    }
    if (message.seq > lastSeq + 1) {
      // A message is missing in between: ask for everything after the last one shown.
      send({type: "hello", after: lastSeq});
      return;
    }
    lastSeq = message.seq;
    addItem(message.seq, message.sender, message.body);
    if (message.sender !== "reporter") {
      typing.clear();
    }
  }

  function showNoAdvisor(on) {
    clearTimeout(noAdvisorTimer);
    if (!on) {
      noAdvisorEl.hidden = true;
      return;
    }
    noAdvisorTimer = setTimeout(function () {
      setStatus(t.tNoAdvisor);
      noAdvisorEl.hidden = false;
    }, noAdvisorEl.hidden ? NO_ADVISOR_DELAY : 0);
  }

  function showState(data) {
    showNoAdvisor(data.status === "waiting" && data.advisor_present === false);
    if (data.status === "waiting") {
      setActive(false);
      if (noAdvisorEl.hidden) {
        var text = data.wait_minutes === 1 ? t.tWaitingOne : t.tWaiting;
        setStatus(text.replace("{position}", data.position).replace("{minutes}", data.wait_minutes));
      }
    } else if (data.status === "active") {
      setActive(true);
      setStatus(t.tActive);
    } else if (data.status === "ended") {
      finish();
    }
  }

  function onMessage(data) {
    if (data.type === "message") {
      showMessage(data);
    } else if (data.type === "ack") {
      var mine = pending[data.ref];
      if (mine) {
        mine.item.remove();
        delete pending[data.ref];
      }
      showMessage(data.message);
    } else if (data.type === "state") {
      showState(data);
    } else if (data.type === "typing") {
      typing.show();
    } else if (data.type === "error") {
      if (data.ref && pending[data.ref]) {
        input.value = pending[data.ref].body;
        pending[data.ref].item.remove();
        delete pending[data.ref];
      }
      errorEl.textContent = data.message;
      errorEl.hidden = false;
    }
  }

  var socket = shared.socket(t.wsPath, {
    open: function () {
      send({type: "hello", after: lastSeq});
      Object.keys(pending).forEach(function (ref) {
        send({type: "message", ref: ref, body: pending[ref].body});
      });
    },
    message: onMessage,
    close: function (event) {
      if (event.code === 4403 || event.code === 4410) {
        finish();
        return false;
      }
      setActive(false);
      setStatus(t.tOffline);
      return true;
    }
  });

  function send(payload) {
    return socket.send(payload);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = input.value.trim();
    if (!body || !active) {
      return;
    }
    errorEl.hidden = true;
    var ref = shared.newRef();
    var item = addItem(0, "reporter", body);
    item.classList.add("chat__message--pending");
    item.appendChild(document.createTextNode(" (" + t.tSending + ")"));
    pending[ref] = {body: body, item: item};
    input.value = "";
    send({type: "message", ref: ref, body: body});
  });

  input.addEventListener("input", shared.typingSender(function () {
    send({type: "typing"});
  }));

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function tellServerEnded() {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", t.csrf);
    data.append("beacon", "1");
    if (!(navigator.sendBeacon && navigator.sendBeacon(t.endUrl, data))) {
      fetch(t.endUrl, {method: "POST", body: data, credentials: "same-origin", keepalive: true});
    }
  }

  // Wipe every trace of the conversation from the page and from browser storage. On a
  // quick exit the exit's own beacon ends the chat with the rest of the session.
  function finish(leaving) {
    if (finished) {
      return;
    }
    finished = true;
    clearTimeout(noAdvisorTimer);
    if (!leaving) {
      tellServerEnded();
    }
    socket.stop();
    pending = {};
    log.replaceChildren();
    input.value = "";
    typing.clear();
    root.remove();
    try {
      window.sessionStorage.clear();
    } catch (e) {
      // Storage may be switched off; then there is nothing to clear.
    }
    endedBox.querySelector("[data-chat-ended-text]").textContent = t.tEnded;
    endedBox.hidden = false;
  }

  // A live message can be dropped on the way (a worker restarting, a full queue); asking
  // now and then for anything after the last number closes such a gap within seconds.
  setInterval(function () {
    if (!finished) {
      send({type: "hello", after: lastSeq});
    }
  }, 20000);

  endButton.addEventListener("click", function () {
    send({type: "end"});
    finish();
  });

  document.addEventListener("meldpunt:quick-exit", function () {
    send({type: "end"});
    finish(true);
  });

  socket.connect();
})();
