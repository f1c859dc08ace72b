#include "parse/angle.hpp"

namespace wikivet::parse_detail {

uint32_t AngleMatcher::find_gt(uint32_t from) {
  return gt_.find(from, [&](uint32_t f) { return find_byte(t_, f, '>'); });
}

uint32_t AngleMatcher::find_comment_end(uint32_t from) {
  return comment_.find(from, [&](uint32_t f) {
    size_t p = t_.find("-->", f);
    return p == std::string_view::npos ? kNpos : static_cast<uint32_t>(p);
  });
}

uint32_t AngleMatcher::find_close_tag(int tag, uint32_t from, uint32_t& end) {
  const std::string_view name = ext_tag_name(tag);
  const size_t id = static_cast<size_t>(tag);
  uint32_t found_end = 0;
  bool scanned = false;
  uint32_t hit = close_[id].find(from, [&](uint32_t f) {
    scanned = true;
    for (uint32_t p = find_byte(t_, f, '<'); p != kNpos; p = find_byte(t_, p + 1, '<')) {
      if (p + 1 >= t_.size() || t_[p + 1] != '/') continue;
      uint32_t q = p + 2;
      if (!iequals(t_.substr(q, name.size()), name)) continue;
      q += static_cast<uint32_t>(name.size());
      while (q < t_.size() && is_pcre_space(t_[q])) ++q;
      if (q < t_.size() && t_[q] == '>') {
        found_end = q + 1;
        return p;
      }
    }
    return kNpos;
  });
  if (scanned) close_end_[id] = found_end;
  end = close_end_[id];
  return hit;
}

Angle AngleMatcher::match(uint32_t i, uint32_t limit) {
  Angle a;
  a.begin = i;
  const uint32_t n = limit;
  if (i + 3 < n && t_.compare(i, 4, "<!--") == 0) {
    const uint32_t e = find_comment_end(i + 4);
    if (e != kNpos && e + 3 <= limit) {
      a.kind = Angle::Comment;
      a.end = e + 3;
    } else {
      a.kind = Angle::CommentUnclosed;
      a.end = limit;
    }
    return a;
  }
  // MediaWiki: the name must be followed by whitespace, "/>" or ">".
  uint32_t p = i + 1;
  const bool closing = p < n && t_[p] == '/';
  if (closing) ++p;
  uint32_t q = p;
  while (q < n && is_ascii_alpha(t_[q])) ++q;
  if (q == p || q >= n) return a;
  if (!(is_pcre_space(t_[q]) || t_[q] == '>' || (t_[q] == '/' && q + 1 < n && t_[q + 1] == '>')))
    return a;
  const ExtTagInfo info = find_ext_tag(t_.substr(p, q - p));
  if (info.id < 0) return a;
  if (closing && info.content != ExtContent::Marker) return a;
  const uint32_t gt = find_gt(q);
  if (gt == kNpos || gt >= limit) return a;
  a.tag = info.id;
  a.content = info.content;
  a.name_begin = p;
  a.name_end = q;
  a.gt = gt;
  if (info.content == ExtContent::Marker) {
    a.kind = Angle::Marker;
    a.end = gt + 1;
    return a;
  }
  if (t_[gt - 1] == '/') {
    a.kind = Angle::ExtSelfClosing;
    a.end = gt + 1;
    return a;
  }
  uint32_t close_end = 0;
  const uint32_t c = find_close_tag(info.id, gt + 1, close_end);
  if (c != kNpos && close_end <= limit) {
    a.kind = Angle::ExtClosed;
    a.close_begin = c;
    a.end = close_end;
  } else {
    a.kind = Angle::ExtUnclosed;
    a.end = gt + 1;
  }
  return a;
}

}  // namespace wikivet::parse_detail
