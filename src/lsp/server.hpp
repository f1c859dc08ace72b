#pragma once
// `wikivet lsp`: the server's state and its message loop.
//
// One thread. Messages are handled in the order they arrive; checking waits until no message
// is waiting, so a burst of keystrokes costs one check, and a document closed or changed while
// it was being checked never gets the stale result published (the result is dropped and the
// current text is checked next). Requests that need findings (hover, code actions) check the
// current text first if it is not checked yet.
#include <map>
#include <memory>
#include <string>

#include "lsp/checker.hpp"
#include "lsp/document.hpp"
#include "lsp/framing.hpp"
#include "lsp/json_rpc.hpp"

namespace wikivet::lsp {

class Server {
 public:
  // Reads messages from `in_fd`, writes to `out_fd`; `log` gets one line per problem.
  Server(int in_fd, int out_fd, std::ostream& log);
  // Runs until "exit" or the end of input. Returns the process exit code: 0 after shutdown and
  // exit, 1 when the input ended or "exit" came without "shutdown" (as the protocol says).
  int run();

 private:
  void handle(std::string_view body);
  void handle_request(const Incoming& in);
  void handle_notification(const Incoming& in);
  json::value initialize(const json::value& params);
  void did_open(const json::object& params);
  void did_change(const json::object& params);
  void did_close(const json::object& params);
  void did_save(const json::object& params);
  json::value code_action(const json::object& params);
  json::value hover(const json::object& params);

  Document* find_document(const json::object& params);  // by params.textDocument.uri
  Document& document(const json::object& params);       // same, InvalidParams if not open
  std::shared_ptr<const CheckedText> check(const Document& doc);
  void ensure_checked(Document& doc);
  void check_one_dirty();  // checks the first document whose check is stale, then publishes
  bool has_dirty() const;
  void publish(const Document& doc);
  void publish_empty(const std::string& uri);
  void send(const json::object& message);

  MessageReader reader_;
  int out_fd_;
  std::ostream& log_;
  Checker checker_;
  std::map<std::string, Document> documents_;  // by URI
  uint64_t next_generation_ = 1;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
  bool output_broken_ = false;
  // What the client said it can take (initialize's capabilities).
  bool markdown_hover_ = true;
  bool document_changes_ = false;
};

}  // namespace wikivet::lsp
