#pragma once
// One page of a dump or a JSON Lines input, as it travels from the reader to the workers.
#include <cstdint>
#include <optional>
#include <string>

namespace wikivet {

struct DumpPage {
  std::string title;
  int64_t ns = 0;
  // False when the page names its namespace but not as a number that can be one (<ns>abc</ns>,
  // an empty <ns>, 20 digits): such a page is no article, and audit skips it whatever --ns says.
  // A page without <ns> at all (exports before 0.5) is in namespace 0.
  bool ns_known = true;
  std::optional<uint64_t> id;           // page id
  std::optional<uint64_t> revision_id;  // of the revision whose text is kept (the last one)
  bool redirect = false;
  std::string text;
  uint64_t input_line = 0;  // JSON Lines: 1-based line number; dumps: 0
  std::string error;        // JSON Lines: this line could not be read (text is empty)
};

}  // namespace wikivet
