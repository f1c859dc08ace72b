#pragma once
// The base protocol of the Language Server Protocol: messages framed by a header block
// ("Content-Length: N\r\n", other fields ignored, then "\r\n") and N bytes of JSON.
//
// The reader never trusts the peer: a header block without a usable Content-Length is reported
// as Malformed and skipped (reading resumes at the next header block), an absurd length is
// refused without allocating it, and end of input in the middle of a message is Eof.
#include <cstddef>
#include <string>
#include <string_view>

namespace wikivet::lsp {

class MessageReader {
 public:
  // Reads from file descriptor `fd` (standard input in the server, a pipe in tests).
  explicit MessageReader(int fd, size_t max_body = kDefaultMaxBody) : fd_(fd), max_(max_body) {}

  enum class Status { Message, Malformed, Eof };
  // Blocks until a whole message, a malformed header block or the end of input. On Message,
  // `body` holds the JSON text; on Malformed, `error` says why (one line).
  Status next(std::string& body, std::string& error);
  // Whether a call to next() would find bytes without waiting (buffered, or readable now).
  bool pending();

  // 256 MiB: far above any wikitext page (the largest Wikipedia pages are a few MB).
  static constexpr size_t kDefaultMaxBody = size_t{256} << 20;

 private:
  bool fill();  // reads more bytes into the buffer; false at end of input or on an error
  int fd_;
  size_t max_;
  std::string buf_;
  size_t pos_ = 0;   // bytes of buf_ already consumed
  size_t skip_ = 0;  // body bytes of a refused (too long) message still to discard
};

// The framed form of one JSON body, ready to write.
std::string frame_message(std::string_view body);
// Writes all of `bytes` to `fd`, retrying short writes; false when the peer has gone.
bool write_all(int fd, std::string_view bytes);

}  // namespace wikivet::lsp
