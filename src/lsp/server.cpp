#include "lsp/server.hpp"

#include <filesystem>
#include <ostream>

#include "lsp/features.hpp"
#include "lsp/positions.hpp"
#include "lsp/uri.hpp"
#include "wikivet/version.hpp"

namespace wikivet::lsp {

namespace {

std::string working_directory() {
  std::error_code ec;
  auto p = std::filesystem::current_path(ec);
  return ec ? std::string("/") : p.string();
}

Position get_position(const json::object& o, std::string_view key) {
  const json::object& p = get_object(o, key);
  const int64_t line = get_int(p, "line"), character = get_int(p, "character");
  if (line < 0 || character < 0) throw InvalidParams{"negative position"};
  return {static_cast<uint32_t>(std::min<int64_t>(line, UINT32_MAX)),
          static_cast<uint32_t>(std::min<int64_t>(character, UINT32_MAX))};
}

// Follows a path of object keys; null when any step is missing. (Taking the object by
// reference matters: a json::value parameter would bind a temporary copy.)
const json::value* dig(const json::object& o, std::initializer_list<std::string_view> keys) {
  const json::object* at = &o;
  const json::value* found = nullptr;
  for (auto k : keys) {
    if (!at) return nullptr;
    found = at->if_contains(k);
    if (!found) return nullptr;
    at = found->is_object() ? &found->as_object() : nullptr;
  }
  return found;
}
const json::value* dig(const json::value& v, std::initializer_list<std::string_view> keys) {
  return v.is_object() ? dig(v.as_object(), keys) : nullptr;
}

}  // namespace

Server::Server(int in_fd, int out_fd, std::ostream& log)
    : reader_(in_fd), out_fd_(out_fd), log_(log), checker_(working_directory()) {}

int Server::run() {
  std::string body, error;
  while (!exit_ && !output_broken_) {
    if (has_dirty() && !reader_.pending()) {
      check_one_dirty();
      continue;
    }
    const auto status = reader_.next(body, error);
    if (status == MessageReader::Status::Eof) break;
    if (status == MessageReader::Status::Malformed) {
      log_ << "wikivet lsp: malformed message: " << error << "\n";
      send(error_response(nullptr, kParseError, error));
      continue;
    }
    handle(body);
  }
  return shutdown_ && exit_ ? 0 : 1;
}

void Server::send(const json::object& message) {
  if (output_broken_) return;
  if (!write_all(out_fd_, frame_message(json::serialize(message)))) {
    log_ << "wikivet lsp: cannot write to the client; stopping\n";
    output_broken_ = true;
  }
}

void Server::handle(std::string_view body) {
  const Incoming in = parse_incoming(body);
  switch (in.kind) {
    case Incoming::Kind::Invalid:
      log_ << "wikivet lsp: " << in.error << "\n";
      send(error_response(in.id, in.error_code, in.error));
      return;
    case Incoming::Kind::Response:
      return;  // the server sends no requests, so no response is awaited
    case Incoming::Kind::Request:
      handle_request(in);
      return;
    case Incoming::Kind::Notification:
      handle_notification(in);
      return;
  }
}

void Server::handle_request(const Incoming& in) {
  if (in.method == "initialize") {
    if (initialized_) {
      send(error_response(in.id, kInvalidRequest, "initialize was already received"));
      return;
    }
    send(response(in.id, initialize(in.params)));
    initialized_ = true;
    return;
  }
  if (!initialized_) {
    send(error_response(in.id, kServerNotInitialized, "initialize must come first"));
    return;
  }
  if (shutdown_) {
    send(error_response(in.id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  try {
    if (in.method == "shutdown") {
      shutdown_ = true;
      send(response(in.id, nullptr));
    } else if (in.method == "textDocument/codeAction") {
      send(response(in.id, code_action(get_object(in.params, "params"))));
    } else if (in.method == "textDocument/hover") {
      send(response(in.id, hover(get_object(in.params, "params"))));
    } else {
      send(error_response(in.id, kMethodNotFound, "no method '" + in.method + "'"));
    }
  } catch (const InvalidParams& e) {
    send(error_response(in.id, kInvalidParams, in.method + ": " + e.message));
  } catch (const std::exception& e) {
    log_ << "wikivet lsp: " << in.method << ": " << e.what() << "\n";
    send(error_response(in.id, kInternalError, in.method + ": " + e.what()));
  }
}

void Server::handle_notification(const Incoming& in) {
  if (in.method == "exit") {
    exit_ = true;
    return;
  }
  // Before initialize every notification but exit is dropped, as the protocol says.
  if (!initialized_ || shutdown_) return;
  try {
    if (in.method == "textDocument/didOpen") {
      did_open(get_object(in.params, "params"));
    } else if (in.method == "textDocument/didChange") {
      did_change(get_object(in.params, "params"));
    } else if (in.method == "textDocument/didClose") {
      did_close(get_object(in.params, "params"));
    } else if (in.method == "textDocument/didSave") {
      did_save(get_object(in.params, "params"));
    }
    // Everything else ("initialized", "$/cancelRequest", "$/setTrace", configuration changes):
    // nothing to do. A notification is never answered.
  } catch (const InvalidParams& e) {
    log_ << "wikivet lsp: " << in.method << ": " << e.message << " (ignored)\n";
  } catch (const std::exception& e) {
    log_ << "wikivet lsp: " << in.method << ": " << e.what() << " (ignored)\n";
  }
}

json::value Server::initialize(const json::value& params) {
  if (const json::value* v =
          dig(params, {"capabilities", "textDocument", "hover", "contentFormat"});
      v && v->is_array()) {
    markdown_hover_ = false;
    for (const auto& f : v->as_array())
      if (f.is_string() && f.as_string() == "markdown") markdown_hover_ = true;
  }
  if (const json::value* v =
          dig(params, {"capabilities", "workspace", "workspaceEdit", "documentChanges"});
      v && v->is_bool())
    document_changes_ = v->as_bool();
  // Documents without a path (untitled buffers) take the workspace's config file.
  std::optional<std::string> root;
  if (const json::value* v = dig(params, {"rootUri"}); v && v->is_string())
    root = path_from_uri(v->as_string());
  if (!root) {
    if (const json::value* v = dig(params, {"rootPath"}); v && v->is_string())
      root = std::string(v->as_string());
  }
  if (root && !root->empty()) checker_.set_fallback_dir(*root);

  json::object sync;
  sync["openClose"] = true;
  sync["change"] = 2;  // incremental
  json::object save;
  save["includeText"] = true;
  sync["save"] = std::move(save);
  json::object code_action;
  code_action["codeActionKinds"] = json::array{"quickfix", "source.fixAll.wikivet"};
  json::object capabilities;
  capabilities["positionEncoding"] = "utf-16";
  capabilities["textDocumentSync"] = std::move(sync);
  capabilities["hoverProvider"] = true;
  capabilities["codeActionProvider"] = std::move(code_action);
  json::object info;
  info["name"] = "wikivet";
  info["version"] = kVersion;
  json::object result;
  result["capabilities"] = std::move(capabilities);
  result["serverInfo"] = std::move(info);
  return result;
}

Document* Server::find_document(const json::object& params) {
  const std::string uri(get_string(get_object(params, "textDocument"), "uri"));
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

Document& Server::document(const json::object& params) {
  Document* doc = find_document(params);
  if (!doc) throw InvalidParams{"the document is not open"};
  return *doc;
}

void Server::did_open(const json::object& params) {
  const json::object& item = get_object(params, "textDocument");
  const std::string uri(get_string(item, "uri"));
  Document doc;
  doc.uri = uri;
  doc.path = path_from_uri(uri);
  doc.text = std::string(get_string(item, "text"));
  if (const json::value* v = item.if_contains("version"); v && v->is_int64())
    doc.version = v->as_int64();
  doc.generation = next_generation_++;
  documents_[uri] = std::move(doc);  // a second didOpen replaces the first
}

void Server::did_change(const json::object& params) {
  Document& doc = document(params);
  const json::value* changes = params.if_contains("contentChanges");
  if (!changes || !changes->is_array()) throw InvalidParams{"missing array 'contentChanges'"};
  apply_content_changes(doc.text, changes->as_array());
  if (const json::value* v = get_object(params, "textDocument").if_contains("version");
      v && v->is_int64())
    doc.version = v->as_int64();
  doc.generation = next_generation_++;
}

void Server::did_close(const json::object& params) {
  const std::string uri(get_string(get_object(params, "textDocument"), "uri"));
  if (documents_.erase(uri) > 0) publish_empty(uri);
}

void Server::did_save(const json::object& params) {
  Document& doc = document(params);
  if (const json::value* text = params.if_contains("text"); text && text->is_string())
    doc.text = std::string(text->as_string());
  // A save may come with an edited wikivet.toml next to it: every open document is checked
  // again (the checker re-reads config files that changed on disk).
  for (auto& [uri, d] : documents_) d.generation = next_generation_++;
}

std::shared_ptr<const CheckedText> Server::check(const Document& doc) {
  return checker_.check(doc.uri, doc.path, doc.text, doc.generation);
}

bool Server::has_dirty() const {
  for (const auto& [uri, doc] : documents_)
    if (!doc.up_to_date()) return true;
  return false;
}

void Server::check_one_dirty() {
  for (auto& [uri, doc] : documents_) {
    if (doc.up_to_date()) continue;
    const std::string checked_uri = uri;
    auto checked = check(doc);
    // Whatever arrived during the check goes first: it may have changed or closed the
    // document, and then this result is stale.
    std::string body, error;
    while (!exit_ && reader_.pending()) {
      const auto status = reader_.next(body, error);
      if (status == MessageReader::Status::Eof) {
        exit_ = true;  // nobody to publish to
        return;
      }
      if (status == MessageReader::Status::Malformed) {
        send(error_response(nullptr, kParseError, error));
        continue;
      }
      handle(body);
    }
    auto it = documents_.find(checked_uri);
    if (it == documents_.end() || it->second.generation != checked->generation) return;
    // A request handled meanwhile may have checked and published the same text already.
    if (it->second.up_to_date()) return;
    it->second.checked = std::move(checked);
    publish(it->second);
    return;
  }
}

void Server::ensure_checked(Document& doc) {
  if (doc.up_to_date()) return;
  doc.checked = check(doc);
  publish(doc);
}

void Server::publish(const Document& doc) {
  json::object params;
  params["uri"] = doc.uri;
  params["version"] = doc.version;
  params["diagnostics"] = diagnostics_json(*doc.checked, doc.uri);
  send(notification("textDocument/publishDiagnostics", std::move(params)));
}

void Server::publish_empty(const std::string& uri) {
  json::object params;
  params["uri"] = uri;
  params["diagnostics"] = json::array();
  send(notification("textDocument/publishDiagnostics", std::move(params)));
}

json::value Server::code_action(const json::object& params) {
  Document& doc = document(params);
  const json::object& range = get_object(params, "range");
  const size_t begin = byte_offset(doc.text, get_position(range, "start"));
  const size_t end = byte_offset(doc.text, get_position(range, "end"));
  CodeActionOptions options;
  options.document_changes = document_changes_;
  options.version = doc.version;
  if (const json::value* only = dig(params, {"context", "only"}); only && only->is_array()) {
    // Kinds are hierarchical: asking for "source" includes "source.fixAll.wikivet".
    auto wants = [only](std::string_view kind) {
      for (const auto& k : only->as_array()) {
        if (!k.is_string()) continue;
        const std::string_view asked = k.as_string();
        if (kind.substr(0, asked.size()) == asked &&
            (kind.size() == asked.size() || kind[asked.size()] == '.'))
          return true;
      }
      return false;
    };
    options.want_quickfix = wants("quickfix");
    options.want_fix_all = wants("source.fixAll.wikivet");
  }
  ensure_checked(doc);
  return code_actions_json(*doc.checked, doc.uri, std::min(begin, end), std::max(begin, end),
                           options);
}

json::value Server::hover(const json::object& params) {
  Document& doc = document(params);
  const size_t offset = byte_offset(doc.text, get_position(params, "position"));
  ensure_checked(doc);
  return hover_json(*doc.checked, offset, markdown_hover_);
}

}  // namespace wikivet::lsp
