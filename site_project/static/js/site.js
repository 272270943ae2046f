/* Mind The Gap: small progressive enhancements. The site works fully without this file.
   Loaded with `defer` from a static file, so a strict Content-Security-Policy needs no inline
   script. */
(function () {
  "use strict";

  /* Click-to-load players: nothing from YouTube, Vimeo, Spotify or SoundCloud loads until the
     reader presses Play. Without JavaScript the facade shows a plain link to the provider. */
  function loadPlayer(facade) {
    var kind = facade.getAttribute("data-embed-kind") || "video";
    var frame = document.createElement("div");
    frame.className = "facade__frame facade__frame--" + kind;
    var iframe = document.createElement("iframe");
    iframe.src = facade.getAttribute("data-embed-url");
    iframe.title = facade.getAttribute("data-embed-title") || "Embedded player";
    iframe.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.appendChild(iframe);

    var poster = facade.querySelector(".facade__poster");
    if (poster) {
      poster.replaceWith(frame);
    } else {
      facade.insertBefore(frame, facade.firstChild);
    }
    var button = facade.querySelector(".facade__play");
    if (button) {
      button.remove();
    }
    var privacy = facade.querySelector(".facade__privacy");
    if (privacy) {
      privacy.remove();
    }
    facade.classList.add("facade--loaded");
    // Move focus into the player so keyboard users can operate it straight away.
    iframe.focus();
  }

  function setUpFacades() {
    var facades = document.querySelectorAll(".facade[data-embed-url]");
    Array.prototype.forEach.call(facades, function (facade) {
      var button = facade.querySelector(".facade__play");
      if (!button) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        loadPlayer(facade);
      });
    });
  }

  /* A link to #transcript-... or a transcript's own anchor opens its <details>. */
  function openTargetedTranscript() {
    if (!window.location.hash) {
      return;
    }
    var target = document.getElementById(window.location.hash.slice(1));
    var details = target && target.closest ? target.closest("details") : null;
    if (details) {
      details.open = true;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpFacades);
  } else {
    setUpFacades();
  }
  window.addEventListener("hashchange", openTargetedTranscript);
  openTargetedTranscript();
})();
