// The reference-template lookup and its data file reader.
#include "model/reference_templates.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "model/text_util.hpp"
#include "parse/tree.hpp"

namespace wikivet {

namespace data {
extern const std::string_view kReferenceTemplatesTsv;
}  // namespace data

namespace {

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const size_t comma = s.find(',');
    const std::string_view item = trim(s.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

bool parse_kind(std::string_view s, ReferenceTemplates::Kind& kind) {
  using Kind = ReferenceTemplates::Kind;
  for (Kind k : {Kind::List, Kind::Note, Kind::Invoke, Kind::Generated, Kind::Footnote,
                 Kind::InText, Kind::Request}) {
    if (s == to_string(k)) {
      kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view to_string(ReferenceTemplates::Kind kind) {
  switch (kind) {
    case ReferenceTemplates::Kind::List:
      return "list";
    case ReferenceTemplates::Kind::Note:
      return "note";
    case ReferenceTemplates::Kind::Invoke:
      return "invoke";
    case ReferenceTemplates::Kind::Generated:
      return "generated";
    case ReferenceTemplates::Kind::Footnote:
      return "footnote";
    case ReferenceTemplates::Kind::InText:
      return "in-text";
    case ReferenceTemplates::Kind::Request:
      return "request";
  }
  return "list";
}

std::string ReferenceTemplates::Entry::group_for(std::string_view param) const {
  if (!group_param || param.empty()) return group;
  if (groups.empty() || std::find(groups.begin(), groups.end(), param) != groups.end())
    return std::string(param);
  return group;
}

bool ReferenceTemplates::Entry::generates(std::string_view name_value) const {
  if (!names) return true;
  return RE2::FullMatch(re2::StringPiece(name_value.data(), name_value.size()), *names);
}

const ReferenceTemplates& ReferenceTemplates::english() {
  static const ReferenceTemplates instance = [] {
    ReferenceTemplates t;
    // The embedded file is tested (test_rules_refs) to read without a problem.
    t.add_tsv(data::kReferenceTemplatesTsv, "rules/data/reference-templates.tsv");
    return t;
  }();
  return instance;
}

std::string ReferenceTemplates::key(std::string_view name) {
  std::string k = normalize_title(name);
  // Most names are ASCII, where folding is lowering in place: no second string to build.
  if (std::all_of(k.begin(), k.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    for (char& c : k) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  else
    k = fold_case(k);
  if (k.rfind("template:", 0) == 0) k = fold_case(normalize_title(k.substr(9)));
  return k;
}

void ReferenceTemplates::add(std::string_view name, Entry entry) {
  by_key_[key(name)] = std::move(entry);
}

const ReferenceTemplates::Entry* ReferenceTemplates::find(std::string_view name) const {
  if (by_key_.empty()) return nullptr;
  const auto it = by_key_.find(key(name));
  return it == by_key_.end() ? nullptr : &it->second;
}

std::string ReferenceTemplates::add_tsv(std::string_view text, std::string_view origin) {
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    std::vector<std::string_view> fields;
    while (true) {
      const size_t tab = line.find('\t');
      fields.push_back(trim(line.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    auto problem = [&](const std::string& what) {
      return std::string(origin) + ":" + std::to_string(line_no) + ": " + what;
    };
    Entry e;
    if (!parse_kind(fields[0], e.kind))
      return problem("unknown kind '" + std::string(fields[0]) +
                     "' (valid: list, note, invoke, generated, footnote)");
    if (fields.size() < 2 || fields[1].empty()) return problem("no template name");
    if (e.kind == Kind::Note) e.content_params = {"1"};
    for (size_t i = 2; i < fields.size(); ++i) {
      const std::string_view f = fields[i];
      if (f.empty()) continue;
      const size_t eq = f.find('=');
      if (eq == std::string_view::npos)
        return problem("option '" + std::string(f) + "' has no '='");
      const std::string_view k = trim(f.substr(0, eq)), v = trim(f.substr(eq + 1));
      if (k == "group") {
        e.group = std::string(v);
      } else if (k == "groups") {
        e.groups = split_list(v);
      } else if (k == "group-param") {
        e.group_params = split_list(v);
        if (e.group_params.empty()) return problem("group-param= names no parameter");
      } else if (k == "nogroup") {
        e.group_param = v != "1";
      } else if (k == "content") {
        e.content_params = split_list(v);
      } else if (k == "name") {
        e.name_param = std::string(v);
      } else if (k == "names") {
        RE2::Options ro;
        ro.set_log_errors(false);
        auto re = std::make_shared<const RE2>(std::string(v), ro);
        if (!re->ok()) return problem("bad RE2 pattern in names=: " + re->error());
        e.names = std::move(re);
        e.names_pattern = std::string(v);
      } else {
        return problem("unknown option '" + std::string(k) +
                       "' (valid: group, groups, group-param, nogroup, content, name, names)");
      }
    }
    add(fields[1], std::move(e));
  }
  return "";
}

}  // namespace wikivet
