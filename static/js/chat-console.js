// The advisor's chat console: the queue, several chats side by side, canned responses,
// transfer and end. Like the reporter's page it keeps, per chat, the highest message
// number shown, asks for the rest after a reconnect and drops what it already has.
(function () {
  "use strict";
  var root = document.querySelector("[data-console]");
  if (!root) {
    return;
  }
  root.hidden = false;
  var shared = window.meldpuntChat;
  var t = root.dataset;
  var statusEl = root.querySelector("[data-console-status]");
  var queueEl = root.querySelector("[data-queue]");
  var queueFullEl = root.querySelector("[data-queue-full]");
  var acceptButton = root.querySelector("[data-accept]");
  var chatsEl = root.querySelector("[data-chats]");
  var errorEl = root.querySelector("[data-console-error]");
  var template = document.querySelector("[data-chat-template]");
  var loggedOutEl = document.querySelector("[data-console-logged-out]");
  var availabilityEl = document.querySelector("[data-console-availability]");
  var cannedEl = document.getElementById("canned-texts");
  var canned = cannedEl ? JSON.parse(cannedEl.textContent) : [];

  var chats = {};
  var heartbeat = null;

  function renderQueue(queue) {
    queueEl.replaceChildren();
    if (!queue.length) {
      var empty = document.createElement("li");
      empty.textContent = t.tNobody;
      queueEl.appendChild(empty);
    }
    queue.forEach(function (entry) {
      var item = document.createElement("li");
      var minutes = Math.floor(entry.waiting_seconds / 60);
      // Place and expected wait are the ones the reporter sees on their own page.
      item.textContent = (entry.nickname || t.tAnonymous) +
        (entry.language_name ? " (" + entry.language_name + ")" : "") + ", " +
        t.tWaited.replace("{minutes}", minutes) + ", " +
        t.tPlace.replace("{position}", entry.position).replace("{minutes}", entry.wait_minutes);
      queueEl.appendChild(item);
    });
    queueFullEl.hidden = queue.length < Number(t.queueLimit);
    acceptButton.disabled = queue.length === 0;
  }

  function systemText(message) {
    if (message.body === "joined") {
      return t.tJoined.replace("{name}", message.author);
    }
    if (message.body === "transferred") {
      return t.tTransferred.replace("{name}", message.author);
    }
    if (message.body === "ended_reporter") {
      return t.tLeft;
    }
    if (message.body === "ended_timeout") {
      return t.tTimedOut;
    }
    return t.tEnded;
  }

  // Whether the reporter's page is there: told by the server within a second of the page
  // closing or losing its connection, and again when it comes back.
  function showPresence(chat, left) {
    if (chat.ended) {
      return;
    }
    chat.presence.textContent = left ? t.tGone.replace("{minutes}", t.resumeMinutes) :
      (chat.presence.textContent ? t.tBack : "");
    chat.el.classList.toggle("console-chat--gone", left);
  }

  function addMessage(chat, message) {
    var item = document.createElement("li");
    item.className = "chat__message chat__message--" + message.sender;
    item.dataset.seq = String(message.seq);
    if (message.sender === "system") {
      item.textContent = systemText(message);
    } else {
      var who = document.createElement("span");
      who.className = "chat__who";
      var label = message.sender === "reporter" ? (chat.nickname || t.tReporter) :
        message.sender === "note" ? t.tNote + " (" + message.author + ")" : message.author;
      who.textContent = label + ": ";
      var text = document.createElement("span");
      text.className = "chat__text";
      text.textContent = message.body;
      item.appendChild(who);
      item.appendChild(text);
    }
    chat.log.appendChild(item);
    item.scrollIntoView({block: "nearest"});
  }

  function showMessage(id, message) {
    var chat = chats[id];
    if (!chat || message.seq <= chat.lastSeq) {
      return;
    }
    if (message.seq > chat.lastSeq + 1) {
      send({type: "hello", chat: id, after: chat.lastSeq});
      return;
    }
    chat.lastSeq = message.seq;
    addMessage(chat, message);
    if (message.sender === "reporter") {
      chat.typing.clear();
    }
    if (message.sender === "system" && message.body.indexOf("ended_") === 0) {
      markEnded(chat);
    }
  }

  function markEnded(chat) {
    chat.ended = true;
    chat.presence.textContent = "";
    chat.el.classList.remove("console-chat--gone");
    chat.input.disabled = true;
    chat.el.querySelector("[data-send]").disabled = true;
    chat.el.querySelector("[data-close]").hidden = false;
    chat.el.classList.add("console-chat--ended");
  }

  // The canned responses in the chat's own language come first, the first of them chosen.
  function cannedFirst(select, language) {
    var own = Array.prototype.filter.call(select.options, function (option) {
      return language && option.dataset.language === language;
    });
    own.reverse().forEach(function (option) {
      select.insertBefore(option, select.firstChild);
    });
    if (select.options.length) {
      select.selectedIndex = 0;
    }
  }

  function openChat(data) {
    var id = data.chat;
    if (chats[id]) {
      send({type: "hello", chat: id, after: chats[id].lastSeq});
      return;
    }
    var el = template.content.firstElementChild.cloneNode(true);
    var title = (data.nickname || t.tAnonymous) +
      (data.language_name ? " (" + data.language_name + ")" : "");
    el.querySelector("[data-title]").textContent = title;
    el.setAttribute("aria-label", title);
    el.dataset.chat = id;
    el.querySelectorAll("[data-label-for]").forEach(function (label) {
      var field = el.querySelector("[data-input='" + label.dataset.labelFor + "']");
      field.id = "chat-" + id + "-" + label.dataset.labelFor;
      label.setAttribute("for", field.id);
    });
    el.querySelector("[data-to-case]").href = t.toCaseUrl.replace("/0/", "/" + data.pk + "/");
    cannedFirst(el.querySelector("[data-input='canned']"), data.language);
    var chat = {
      el: el,
      nickname: data.nickname,
      log: el.querySelector("[data-log]"),
      typing: shared.typingIndicator(el.querySelector("[data-typing]"), t.tTyping),
      presence: el.querySelector("[data-presence]"),
      input: el.querySelector("[data-input='message']"),
      lastSeq: 0,
      pending: {},
      ended: false
    };
    chats[id] = chat;
    wire(id, chat);
    chatsEl.appendChild(el);
    if (data.left) {
      showPresence(chat, true);
    }
    send({type: "hello", chat: id, after: 0});
  }

  function wire(id, chat) {
    var el = chat.el;
    el.querySelector("[data-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      var body = chat.input.value.trim();
      if (!body || chat.ended) {
        return;
      }
      var ref = shared.newRef();
      chat.pending[ref] = body;
      chat.input.value = "";
      send({type: "message", chat: id, ref: ref, body: body});
    });
    chat.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        el.querySelector("[data-form]").requestSubmit();
      }
    });
    chat.input.addEventListener("input", shared.typingSender(function () {
      send({type: "typing", chat: id});
    }));
    el.querySelector("[data-insert-canned]").addEventListener("click", function () {
      var index = el.querySelector("[data-input='canned']").value;
      if (index !== "" && canned[index] !== undefined) {
        chat.input.value = chat.input.value ? chat.input.value + " " + canned[index] : canned[index];
        chat.input.focus();
      }
    });
    el.querySelector("[data-transfer]").addEventListener("click", function () {
      send({
        type: "transfer",
        chat: id,
        to: el.querySelector("[data-input='colleague']").value,
        note: el.querySelector("[data-input='note']").value
      });
    });
    el.querySelector("[data-end]").addEventListener("click", function () {
      send({type: "end", chat: id});
    });
    el.querySelector("[data-close]").addEventListener("click", function () {
      el.remove();
      delete chats[id];
    });
  }

  // Logged out (in this tab or another) or the staff session ran out: the chats leave the
  // screen, the page says how to go on, and it does not connect again by itself.
  function showLoggedOut() {
    var hadFocus = root.contains(document.activeElement);
    clearInterval(heartbeat);
    chats = {};
    availabilityEl.remove();
    root.remove();
    loggedOutEl.hidden = false;
    if (hadFocus) {
      loggedOutEl.querySelector("a").focus();
    }
  }

  function onMessage(data) {
    var chat = data.chat ? chats[data.chat] : null;
    if (data.type === "queue") {
      renderQueue(data.queue);
    } else if (data.type === "chat.opened") {
      openChat(data);
      Object.keys(chats[data.chat].pending).forEach(function (ref) {
        send({type: "message", chat: data.chat, ref: ref, body: chats[data.chat].pending[ref]});
      });
    } else if (data.type === "message") {
      showMessage(data.chat, data);
    } else if (data.type === "ack") {
      if (chat) {
        delete chat.pending[data.ref];
      }
      showMessage(data.chat, data.message);
    } else if (data.type === "presence" && chat) {
      showPresence(chat, data.left);
    } else if (data.type === "typing" && chat) {
      chat.typing.show();
    } else if (data.type === "state" && chat && data.status === "ended") {
      markEnded(chat);
    } else if (data.type === "chat.released" && chat) {
      chat.el.querySelector("[data-title]").textContent += " – " + t.tReleased;
      markEnded(chat);
    } else if (data.type === "error") {
      if (chat && data.ref && chat.pending[data.ref]) {
        chat.input.value = chat.pending[data.ref];
        delete chat.pending[data.ref];
      }
      errorEl.textContent = data.message;
    }
  }

  var socket = shared.socket(t.wsPath, {
    open: function () {
      statusEl.textContent = t.tOnline;
    },
    message: onMessage,
    close: function (event) {
      // 4401: logged out; 4403: the session no longer admits this console (refused at a
      // reconnect after it ran out). Either way, only a new login helps.
      if (event.code === 4401 || event.code === 4403) {
        showLoggedOut();
        return false;
      }
      statusEl.textContent = t.tOffline;
      return true;
    }
  });

  function send(payload) {
    return socket.send(payload);
  }

  acceptButton.addEventListener("click", function () {
    errorEl.textContent = "";
    send({type: "accept"});
  });

  // The heartbeat keeps the advisor counted as present and refreshes the queue; the
  // hellos close any gap left by a live message that was dropped on the way.
  heartbeat = setInterval(function () {
    send({type: "ping"});
    Object.keys(chats).forEach(function (id) {
      if (!chats[id].ended) {
        send({type: "hello", chat: id, after: chats[id].lastSeq});
      }
    });
  }, 30000);
  socket.connect();
})();
