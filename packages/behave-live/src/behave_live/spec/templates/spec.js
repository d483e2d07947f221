// Search and the "only what is broken" switch: both hide what does not match, and the
// table of contents follows. Plain script, no libraries: the page works offline.
(function () {
  "use strict";
  var search = document.getElementById("search");
  var onlyFailed = document.getElementById("only-failed");
  var note = document.getElementById("search-note");
  var noMatch = document.getElementById("no-match");

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 0; });
  }
  function matches(element, wanted) {
    var text = element.textContent.toLowerCase();
    return wanted.every(function (word) { return text.indexOf(word) !== -1; });
  }
  function heading(element) {
    var header = element.querySelector(":scope > header");
    return header ? header.textContent : "";
  }
  function headingMatches(element, wanted) {
    var text = heading(element).toLowerCase();
    return wanted.length > 0 && wanted.every(function (word) { return text.indexOf(word) !== -1; });
  }
  function setTocVisible(id, visible) {
    document.querySelectorAll('.toc [data-target="' + id + '"]').forEach(function (item) {
      item.hidden = !visible;
    });
  }

  function apply() {
    var wanted = words(search.value);
    var failedOnly = onlyFailed.checked;
    var shown = 0;
    document.querySelectorAll("section.capability").forEach(function (capability) {
      var capabilityHit = headingMatches(capability, wanted);
      var anyRule = false;
      capability.querySelectorAll("section.rule").forEach(function (rule) {
        var ruleHit = capabilityHit || headingMatches(rule, wanted);
        var anyExample = false;
        rule.querySelectorAll("article.example").forEach(function (example) {
          var visible = (ruleHit || matches(example, wanted)) &&
            (!failedOnly || example.dataset.status === "failed");
          example.hidden = !visible;
          if (visible) { anyExample = true; shown += 1; }
        });
        rule.hidden = !anyExample;
        setTocVisible(rule.id, anyExample);
        anyRule = anyRule || anyExample;
      });
      capability.hidden = !anyRule;
      setTocVisible(capability.id, anyRule);
    });
    document.querySelectorAll(".term").forEach(function (term) {
      var visible = !failedOnly && matches(term, wanted);
      term.hidden = !visible;
      setTocVisible(term.id, visible);
    });
    document.querySelectorAll("section.glossary").forEach(function (glossary) {
      glossary.hidden = !glossary.querySelector(".term:not([hidden])");
    });
    document.querySelectorAll(".toc-group").forEach(function (group) {
      var entries = group.querySelectorAll("li[data-target]");
      var visible = Array.prototype.some.call(entries, function (entry) { return !entry.hidden; });
      group.hidden = entries.length > 0 && !visible;
    });
    var filtering = wanted.length > 0 || failedOnly;
    note.hidden = !filtering;
    note.textContent = shown === 1 ? "1 example shown" : shown + " examples shown";
    noMatch.hidden = !filtering || shown > 0;
  }

  search.addEventListener("input", apply);
  onlyFailed.addEventListener("change", apply);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { search.value = ""; apply(); }
  });
  // A link can carry a search: specification.html?q=token opens with it applied.
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) { search.value = asked; apply(); }
  document.body.classList.add("scripted");
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== search) {
      event.preventDefault();
      search.focus();
    }
  });
})();
