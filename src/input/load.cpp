#include "input/load.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "input/edit_page.hpp"

namespace wikivet {

Source make_source(std::string path, std::string bytes) {
  if (auto page = extract_edit_page(bytes)) {
    const size_t begin = page->begin;
    return Source(std::move(path), std::move(bytes), begin, std::move(page->text), "edit-page");
  }
  return Source(std::move(path), std::move(bytes));
}

LoadResult load_source(const std::string& path) {
  LoadResult r;
  std::string bytes;
  // Offsets are 32-bit: an input of 4 GiB or more is refused, before it fills memory.
  constexpr uint64_t kMaxBytes = UINT32_MAX - 1;
  if (path == "-") {
    char buf[65536];
    while ((std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) && bytes.size() <= kMaxBytes)
      bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
    if (bytes.size() > kMaxBytes) {
      r.error = "cannot check standard input: larger than 4 GiB";
      return r;
    }
    r.source.emplace(make_source("<stdin>", std::move(bytes)));
    return r;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    r.error = "cannot read '" + path + "': " + std::strerror(errno);
    return r;
  }
  if (S_ISDIR(st.st_mode)) {
    r.error = "cannot read '" + path + "': is a directory";
    return r;
  }
  // A regular file's size is known: refused before any byte is read (reading a sparse 60 GB
  // file first ended in bad_alloc, and the other files went unchecked).
  if (static_cast<uint64_t>(st.st_size) > kMaxBytes) {
    r.error = "cannot check '" + path + "': larger than 4 GiB";
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = "cannot read '" + path + "': " + std::strerror(errno);
    return r;
  }
  // One bulk read of the size stat reported, then whatever else arrives (a file that grows
  // while it is read, or a special file whose size stat does not know).
  bytes.resize(static_cast<size_t>(st.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (!in.bad() && !in.eof()) {
    char buf[65536];
    while ((in.read(buf, sizeof buf) || in.gcount() > 0) && bytes.size() <= kMaxBytes)
      bytes.append(buf, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    r.error = "cannot read '" + path + "': read error";
    return r;
  }
  if (bytes.size() > kMaxBytes) {
    r.error = "cannot check '" + path + "': larger than 4 GiB";
    return r;
  }
  r.source.emplace(make_source(path, std::move(bytes)));
  return r;
}

}  // namespace wikivet
