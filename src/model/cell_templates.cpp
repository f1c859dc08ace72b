// The table of cell-emitting templates, read once from the embedded
// rules/data/cell_templates.tsv.
#include "model/cell_templates.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "model/text_util.hpp"
#include "parse/tree.hpp"

namespace wikivet {

namespace data {
extern const std::string_view kCellTemplatesTsv;
}  // namespace data

namespace {

struct Entry {
  int cells = 1;
  std::vector<std::pair<std::string, std::string>> when;  // any one of these name=value pairs
};

class CellTemplateTable {
 public:
  CellTemplateTable() {
    std::string_view text = data::kCellTemplatesTsv;
    while (!text.empty()) {
      const size_t eol = text.find('\n');
      std::string_view line = text.substr(0, eol);
      text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      std::string_view cols[3];
      for (auto& col : cols) {
        const size_t tab = line.find('\t');
        col = line.substr(0, tab);
        line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
      }
      long long cells = 0;
      if (!parse_uint(cols[1], cells) || cells < 1 || cells > 100) continue;
      Entry e;
      e.cells = static_cast<int>(cells);
      std::string_view when = cols[2];
      while (!when.empty()) {
        const size_t comma = when.find(',');
        const std::string_view alt = when.substr(0, comma);
        when.remove_prefix(comma == std::string_view::npos ? when.size() : comma + 1);
        const size_t eq = alt.find('=');
        if (eq == std::string_view::npos) continue;
        e.when.emplace_back(std::string(trim(alt.substr(0, eq))),
                            to_lower(trim(alt.substr(eq + 1))));
      }
      entries_[normalize_title(cols[0])].push_back(std::move(e));
    }
  }

  bool knows(std::string_view name) const { return entries_.count(std::string(name)) != 0; }

  std::optional<int> find(std::string_view name, const TemplateParams& params) const {
    const auto it = entries_.find(std::string(name));
    if (it == entries_.end()) return std::nullopt;
    for (const Entry& e : it->second) {
      if (e.when.empty()) return e.cells;
      for (const auto& [pn, pv] : e.when)
        for (const auto& [n, v] : params)
          if (n == pn && to_lower(trim(v)) == pv) return e.cells;
    }
    return std::nullopt;
  }

 private:
  std::unordered_map<std::string, std::vector<Entry>> entries_;
};

const CellTemplateTable& table() {
  static const CellTemplateTable t;
  return t;
}

}  // namespace

std::optional<int> cells_emitted(std::string_view normalized_name, const TemplateParams& params) {
  return table().find(normalized_name, params);
}

bool is_cell_template(std::string_view normalized_name) {
  return table().knows(normalized_name);
}

}  // namespace wikivet
