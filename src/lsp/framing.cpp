#include "lsp/framing.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace wikivet::lsp {

namespace {

// Header field names are case-insensitive (they follow HTTP's).
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A header block is too long to be real past this size: give up on it rather than buffer
// without bound while looking for its end.
constexpr size_t kMaxHeader = 64 * 1024;

}  // namespace

bool MessageReader::fill() {
  if (pos_ > 0 && pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > (size_t{1} << 20)) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buf_.append(chunk, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

bool MessageReader::pending() {
  if (pos_ < buf_.size()) return true;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

MessageReader::Status MessageReader::next(std::string& body, std::string& error) {
  for (;;) {
    // The rest of a refused body: read and drop.
    while (skip_ > 0) {
      if (pos_ == buf_.size() && !fill()) return Status::Eof;
      const size_t n = std::min(skip_, buf_.size() - pos_);
      pos_ += n;
      skip_ -= n;
    }
    // The header block ends at the first empty line ("\r\n\r\n"; a bare "\n\n" is accepted).
    size_t end = std::string::npos, body_start = 0;
    for (;;) {
      const std::string_view rest = std::string_view(buf_).substr(pos_);
      const size_t crlf = rest.find("\r\n\r\n"), lf = rest.find("\n\n");
      if (crlf != std::string::npos && (lf == std::string::npos || crlf + 1 <= lf)) {
        end = crlf;
        body_start = crlf + 4;
      } else if (lf != std::string::npos) {
        end = lf;
        body_start = lf + 2;
      }
      if (end != std::string::npos) break;
      if (rest.size() > kMaxHeader) {
        pos_ = buf_.size();
        error = "header block longer than 64 KiB without an empty line";
        return Status::Malformed;
      }
      if (!fill()) return Status::Eof;
    }
    const std::string_view header = std::string_view(buf_).substr(pos_, end);
    pos_ += body_start;
    // Leading blank lines between messages (some clients send an extra "\r\n") are harmless.
    if (trim(header).empty()) continue;
    bool have_length = false;
    size_t length = 0;
    std::string_view rest = header;
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      const std::string_view line = trim(rest.substr(0, nl));
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        error = "header line without ':'";
        return Status::Malformed;
      }
      if (!iequals(trim(line.substr(0, colon)), "content-length")) continue;
      const std::string_view value = trim(line.substr(colon + 1));
      const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (ec != std::errc() || p != value.data() + value.size() || value.empty()) {
        error = "Content-Length is not a number";
        return Status::Malformed;
      }
      have_length = true;
    }
    if (!have_length) {
      error = "header block without Content-Length";
      return Status::Malformed;
    }
    if (length > max_) {
      skip_ = length;
      error = "message of " + std::to_string(length) + " bytes is larger than the limit of " +
              std::to_string(max_);
      return Status::Malformed;
    }
    while (buf_.size() - pos_ < length) {
      if (!fill()) return Status::Eof;
    }
    body.assign(buf_, pos_, length);
    pos_ += length;
    return Status::Message;
  }
}

std::string frame_message(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace wikivet::lsp
