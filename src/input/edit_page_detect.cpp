#include "input/edit_page_detect.hpp"

#include <array>

namespace wikivet {

namespace {

// Labels a MediaWiki edit page shows on lines of their own (Vector 2022 and the classic skins),
// in English, German and French. Strong labels belong to the edit form only.
struct Marker {
  std::string_view label;
  bool strong;
};
constexpr auto kMarkers = std::to_array<Marker>({
    {"Editing", true},
    {"Summary:", true},
    {"Cancel", true},
    {"Templates used on this page:", true},
    {"Templates used in this preview:", true},
    {"Editing help", true},
    {"Show preview", true},
    {"Show changes", true},
    {"Publish changes", true},
    {"Save changes", true},
    {"Save page", true},
    {"Jump to content", false},
    {"View history", false},
    {"Edit", false},
    {"Edit source", false},
    {"Read", false},
    {"Talk", false},
    {"Main menu", false},
    {"Personal tools", false},
    {"Page information", false},
    {"What links here", false},
    {"Related changes", false},
    // German
    {"Zusammenfassung:", true},
    {"Abbrechen", true},
    {"Vorlagen, die in dieser Seite verwendet werden:", true},
    {"Bearbeitungshilfe", true},
    {"Vorschau zeigen", true},
    {"Zum Inhalt springen", false},
    {"Versionsgeschichte", false},
    {"Bearbeiten", false},
    {"Quelltext bearbeiten", false},
    // French
    {"Résumé :", true},
    {"Annuler", true},
    {"Modèles utilisés dans cette page :", true},
    {"Aide à la modification", true},
    {"Prévisualiser", true},
    {"Aller au contenu", false},
    {"Voir l’historique", false},
    {"Modifier", false},
    {"Modifier le code", false},
});
// "Editing Foreign relations of Mali" (classic skins put the title on the same line).
constexpr std::array<std::string_view, 3> kEditingPrefixes = {"Editing ", "Bearbeiten von ",
                                                              "Modification de "};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The bytes a label or an "Editing" prefix starts with: most lines of wikitext start with
// another ('|', '*', '{', '<', a lower-case letter), so one table load turns them away.
constexpr std::array<bool, 256> kLabelFirstBytes = [] {
  std::array<bool, 256> t{};
  for (const Marker& m : kMarkers) t[static_cast<unsigned char>(m.label[0])] = true;
  for (std::string_view p : kEditingPrefixes) t[static_cast<unsigned char>(p[0])] = true;
  return t;
}();

// Index into kMarkers, kMarkers.size() for an "Editing <title>" line, -1 for no marker.
int marker_of(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || t.size() > 120 || !kLabelFirstBytes[static_cast<unsigned char>(t[0])]) return -1;
  for (size_t m = 0; m < kMarkers.size(); ++m) {
    if (t == kMarkers[m].label) return static_cast<int>(m);
  }
  for (std::string_view p : kEditingPrefixes) {
    if (t.size() > p.size() && t.substr(0, p.size()) == p) return static_cast<int>(kMarkers.size());
  }
  return -1;
}

struct MarkupCount {
  size_t total = 0;
  int kinds = 0;
  bool structural = false;  // "{{", "[[", "<ref" or "{|"
};

MarkupCount count_markup(std::string_view line) {
  constexpr std::array<std::string_view, 6> kWikitextMarkers = {"{{", "[[", "<ref",
                                                                "{|", "==", "'''"};
  MarkupCount r;
  for (size_t k = 0; k < kWikitextMarkers.size(); ++k) {
    const std::string_view m = kWikitextMarkers[k];
    size_t found = 0;
    for (size_t p = line.find(m); p != std::string_view::npos; p = line.find(m, p + m.size())) {
      ++found;
    }
    if (found > 0) {
      ++r.kinds;
      if (k < 4) r.structural = true;
    }
    r.total += found;
  }
  return r;
}

}  // namespace

// Calls f(begin, end) for every line; end excludes the '\n' and a trailing '\r'.
template <typename F>
void for_each_line(std::string_view bytes, F&& f) {
  for (size_t b = 0; b <= bytes.size();) {
    size_t e = bytes.find('\n', b);
    if (e == std::string_view::npos) e = bytes.size();
    size_t content_end = e;
    if (content_end > b && bytes[content_end - 1] == '\r') --content_end;
    f(b, content_end);
    b = e + 1;
  }
}

std::optional<ByteRange> find_edit_page_wikitext(std::string_view bytes) {
  // Pass 0, cheap: a scrape has an edit-form label standing as a short line of its own. Plain
  // wikitext (nearly every input) stops here, after one scan for line ends.
  bool any_strong = false;
  for_each_line(bytes, [&](size_t b, size_t e) {
    if (any_strong || e - b > 130) return;
    const int marker = marker_of(bytes.substr(b, e - b));
    if (marker >= 0 && (static_cast<size_t>(marker) == kMarkers.size() ||
                        kMarkers[static_cast<size_t>(marker)].strong))
      any_strong = true;
  });
  if (!any_strong) return std::nullopt;

  // Pass 1: the line with the most markup. Two passes keep memory constant.
  std::optional<ByteRange> best;
  MarkupCount best_markup;
  for_each_line(bytes, [&](size_t b, size_t e) {
    const std::string_view line = bytes.substr(b, e - b);
    if (marker_of(line) >= 0) return;
    const MarkupCount m = count_markup(line);
    if (!best || m.total > best_markup.total ||
        (m.total == best_markup.total && e - b > best->end - best->begin)) {
      best = ByteRange{b, e};
      best_markup = m;
    }
  });
  if (!best || best_markup.kinds < 2 || best->end - best->begin < 40) return std::nullopt;

  // Pass 2: the chrome around it, and no other wikitext.
  std::array<bool, kMarkers.size() + 1> seen{};
  int distinct = 0, other_wikitext_lines = 0;
  bool strong = false, before = false;
  for_each_line(bytes, [&](size_t b, size_t e) {
    if (b == best->begin) return;
    const std::string_view line = bytes.substr(b, e - b);
    if (count_markup(line).structural) ++other_wikitext_lines;
    const int marker = marker_of(line);
    if (marker < 0) return;
    if (b < best->begin) before = true;
    const auto m = static_cast<size_t>(marker);
    if (!seen[m]) {
      seen[m] = true;
      ++distinct;
    }
    if (m == kMarkers.size() || kMarkers[m].strong) strong = true;
  });
  if (other_wikitext_lines > 2 || distinct < 3 || !strong || !before) return std::nullopt;
  return best;
}

}  // namespace wikivet
