// What the reporter's chat (chat.js) and the advisor's console (chat-console.js) share:
// the websocket with its reconnects, a reference per sent message, and the typing signal
// both ways. A classic script, loaded before either of them; it only defines
// window.meldpuntChat.
(function () {
  "use strict";

  // Typing is said at most this often, and shown this long after the last signal.
  var TYPING_EVERY = 3000;
  var TYPING_SHOWN = 4000;

  // The wait before the next try: doubling from 0.5 s up to 15 s, and then a random part
  // of it, so that pages cut off together do not all come back at the same moment.
  function reconnectDelay(attempt) {
    return Math.min(15000, 500 * Math.pow(2, attempt)) * (0.5 + Math.random() / 2);
  }

  // The websocket at ``path`` (the page's data-ws-path) on this host. ``on.open`` runs
  // after every (re)connect, ``on.message`` gets each message parsed, and ``on.close``
  // gets the close event and returns true to try again after a while.
  function socket(path, on) {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
    var ws = null;
    var attempt = 0;
    var stopped = false;

    function connect() {
      if (stopped) {
        return;
      }
      ws = new WebSocket(url);
      ws.addEventListener("open", function () {
        attempt = 0;
        on.open();
      });
      ws.addEventListener("message", function (event) {
        on.message(JSON.parse(event.data));
      });
      ws.addEventListener("close", function (event) {
        if (!stopped && on.close(event)) {
          setTimeout(connect, reconnectDelay(attempt));
          attempt += 1;
        }
      });
    }

    return {
      connect: connect,
      // Sends ``payload`` as JSON if the socket is open; says whether it did.
      send: function (payload) {
        if (ws && ws.readyState === WebSocket.OPEN) {
          ws.send(JSON.stringify(payload));
          return true;
        }
        return false;
      },
      // Closes the socket for good: no reconnect after this.
      stop: function () {
        stopped = true;
        if (ws && ws.readyState <= WebSocket.OPEN) {
          ws.close();
        }
      }
    };
  }

  // A reference for a message being sent, to match the server's acknowledgement.
  function newRef() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return String(Date.now()) + String(Math.random()).slice(2);
  }

  // Call the result on every keystroke: it calls ``sendTyping`` at most every 3 s.
  function typingSender(sendTyping) {
    var lastSent = 0;
    return function () {
      var now = Date.now();
      if (now - lastSent > TYPING_EVERY) {
        lastSent = now;
        sendTyping();
      }
    };
  }

  // Shows ``text`` in ``el`` on each typing signal, until 4 s after the last one or
  // until ``clear`` (a message from the one who was typing).
  function typingIndicator(el, text) {
    var timer = null;
    return {
      show: function () {
        el.textContent = text;
        clearTimeout(timer);
        timer = setTimeout(function () { el.textContent = ""; }, TYPING_SHOWN);
      },
      clear: function () {
        el.textContent = "";
      }
    };
  }

  window.meldpuntChat = {
    socket: socket,
    newRef: newRef,
    typingSender: typingSender,
    typingIndicator: typingIndicator
  };
})();
