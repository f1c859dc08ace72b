// Vocabularies from MediaWiki's defaults (Parser, Sanitizer, MagicWordFactory, $wgUrlProtocols)
// and the extensions Wikipedia runs (Cite, Poem, Math, SyntaxHighlight, Score, Kartographer ...).
#include "parse/tags.hpp"

#include <array>

#include "parse/scan.hpp"

namespace wikivet::parse_detail {
namespace {

struct ExtTagDef {
  std::string_view name;
  ExtContent content;
};

constexpr std::array<ExtTagDef, 33> kExtTags{{
    {"ref", ExtContent::Wikitext},
    {"references", ExtContent::Wikitext},
    {"poem", ExtContent::Wikitext},
    {"indicator", ExtContent::Wikitext},
    {"nowiki", ExtContent::Raw},
    {"pre", ExtContent::Raw},
    {"math", ExtContent::Raw},
    {"chem", ExtContent::Raw},
    {"ce", ExtContent::Raw},
    {"gallery", ExtContent::Wikitext},  // captions are wikitext (refs in them count)
    {"syntaxhighlight", ExtContent::Raw},
    {"source", ExtContent::Raw},
    {"score", ExtContent::Raw},
    {"timeline", ExtContent::Raw},
    {"templatedata", ExtContent::Raw},
    {"templatestyles", ExtContent::Raw},
    {"graph", ExtContent::Raw},
    {"mapframe", ExtContent::Raw},
    {"maplink", ExtContent::Raw},
    {"section", ExtContent::Raw},
    {"categorytree", ExtContent::Raw},
    {"imagemap", ExtContent::Raw},
    {"inputbox", ExtContent::Raw},
    {"hiero", ExtContent::Raw},
    {"charinsert", ExtContent::Raw},
    {"langconvert", ExtContent::Raw},
    {"phonos", ExtContent::Raw},
    {"chart", ExtContent::Raw},
    {"dynamicpagelist", ExtContent::Raw},
    {"rss", ExtContent::Raw},
    {"noinclude", ExtContent::Marker},
    {"includeonly", ExtContent::Marker},
    {"onlyinclude", ExtContent::Marker},
}};

constexpr std::array<std::string_view, 62> kHtmlTags{
    "abbr", "b",      "bdi",    "bdo", "big",  "blockquote", "br",   "caption", "center",
    "cite", "code",   "data",   "dd",  "del",  "dfn",        "div",  "dl",      "dt",
    "em",   "font",   "h1",     "h2",  "h3",   "h4",         "h5",   "h6",      "hr",
    "i",    "ins",    "kbd",    "li",  "link", "mark",       "meta", "ol",      "p",
    "q",    "rb",     "rp",     "rt",  "rtc",  "ruby",       "s",    "samp",    "small",
    "span", "strike", "strong", "sub", "sup",  "table",      "td",   "th",      "time",
    "tr",   "tt",     "u",      "ul",  "var",  "wbr",        "img",  "tbody",
};

// Colon-taking magic words of core MediaWiki and ParserFunctions (without the '#' ones, which
// are recognised by their prefix). Compared ASCII case-insensitively.
constexpr std::array<std::string_view, 66> kFunctions{
    "lc",
    "uc",
    "lcfirst",
    "ucfirst",
    "urlencode",
    "anchorencode",
    "fullurl",
    "fullurle",
    "localurl",
    "localurle",
    "canonicalurl",
    "canonicalurle",
    "filepath",
    "ns",
    "nse",
    "formatnum",
    "padleft",
    "padright",
    "plural",
    "grammar",
    "gender",
    "int",
    "special",
    "speciale",
    "bidi",
    "displaytitle",
    "defaultsort",
    "defaultsortkey",
    "defaultcategorysort",
    "pagesincategory",
    "pagesincat",
    "numberingroup",
    "numberinggroup",
    "pagesize",
    "protectionlevel",
    "protectionexpiry",
    "pagename",
    "pagenamee",
    "fullpagename",
    "fullpagenamee",
    "basepagename",
    "basepagenamee",
    "subpagename",
    "subpagenamee",
    "rootpagename",
    "rootpagenamee",
    "talkpagename",
    "talkpagenamee",
    "subjectpagename",
    "subjectpagenamee",
    "articlepagename",
    "namespace",
    "namespacee",
    "namespacenumber",
    "talkspace",
    "talkspacee",
    "subjectspace",
    "subjectspacee",
    "articlespace",
    "cascadingsources",
    "revisionid",
    "revisionday",
    "revisionuser",
    "revisiontimestamp",
    "pageid",
    "numberofpages",
};

constexpr std::array<std::string_view, 19> kSwitches{
    "notoc",
    "forcetoc",
    "toc",
    "noeditsection",
    "newsectionlink",
    "nonewsectionlink",
    "nogallery",
    "hiddencat",
    "expectunusedcategory",
    "nocontentconvert",
    "nocc",
    "notitleconvert",
    "notc",
    "index",
    "noindex",
    "staticredirect",
    "noglobal",
    "disambig",
    "expectunusedtemplate",
};

// $wgUrlProtocols (lower-case; compared case-insensitively like MediaWiki), sorted.
constexpr std::array<std::string_view, 28> kSchemes{
    "bitcoin:", "ftp://",  "ftps://",  "geo:",      "git://",  "gopher://",    "http://",
    "https://", "irc://",  "ircs://",  "magnet:",   "mailto:", "matrix:",      "mms://",
    "news:",    "nntp://", "redis://", "sftp://",   "sip:",    "sips:",        "sms:",
    "ssh://",   "svn://",  "tel:",     "telnet://", "urn:",    "worldwind://", "xmpp:",
};

constexpr bool sorted_by_first_letter(const std::array<std::string_view, 28>& a) {
  for (size_t i = 1; i < a.size(); ++i)
    if (a[i][0] < a[i - 1][0]) return false;
  return true;
}
static_assert(sorted_by_first_letter(kSchemes), "url_scheme_length relies on the order");

}  // namespace

ExtTagInfo find_ext_tag(std::string_view name) {
  for (size_t i = 0; i < kExtTags.size(); ++i)
    if (iequals(name, kExtTags[i].name)) return {static_cast<int8_t>(i), kExtTags[i].content};
  return {};
}

int ext_tag_count() {
  return static_cast<int>(kExtTags.size());
}
std::string_view ext_tag_name(int id) {
  return kExtTags[static_cast<size_t>(id)].name;
}

bool is_html_tag(std::string_view name) {
  for (auto t : kHtmlTags)
    if (iequals(name, t)) return true;
  return false;
}

bool is_parser_function(std::string_view name) {
  if (!name.empty() && name[0] == '#') return name.size() > 1;
  for (auto f : kFunctions)
    if (iequals(name, f)) return true;
  return false;
}

bool is_behavior_switch(std::string_view word) {
  for (auto s : kSwitches)
    if (iequals(word, s)) return true;
  return false;
}

uint32_t url_scheme_length(std::string_view t, uint32_t i, bool allow_relative) {
  if (i >= t.size()) return 0;
  if (allow_relative && t.substr(i, 2) == "//") return 2;
  if (!is_ascii_alpha(t[i])) return 0;
  // kSchemes is sorted: only the schemes with the text's first letter are compared.
  const char first = ascii_lower(t[i]);
  for (auto s : kSchemes) {
    if (s[0] < first) continue;
    if (s[0] > first) break;
    if (iequals(t.substr(i, s.size()), s)) return static_cast<uint32_t>(s.size());
  }
  return 0;
}

}  // namespace wikivet::parse_detail
