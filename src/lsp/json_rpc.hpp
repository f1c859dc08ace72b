#pragma once
// JSON-RPC 2.0 as LSP uses it: telling requests, notifications and responses apart, and the
// error answers the protocol defines. Nothing here throws on what a peer sends.
#include <boost/json.hpp>
#include <string>
#include <string_view>

namespace wikivet::lsp {

namespace json = boost::json;

// Error codes of JSON-RPC and of LSP.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

struct Incoming {
  enum class Kind { Request, Notification, Response, Invalid };
  Kind kind = Kind::Invalid;
  json::value id;  // requests (and invalid ones whose id could be read); null otherwise
  std::string method;
  json::value params;  // null when absent
  // For Invalid: the error to answer with (always answered, with `id` or null).
  int error_code = 0;
  std::string error;
};

// Parses and classifies one message body. Invalid UTF-8 inside strings is accepted (a client
// may send a file that is not valid UTF-8 byte for byte); nesting deeper than 64 is not.
Incoming parse_incoming(std::string_view body);

json::object response(const json::value& id, json::value result);
json::object error_response(const json::value& id, int code, std::string_view message);
json::object notification(std::string_view method, json::value params);

// A thrown InvalidParams: handlers throw it when params lack what the method needs; the
// dispatcher answers with code -32602 and the message.
struct InvalidParams {
  std::string message;
};

// Accessors that throw InvalidParams with the field's name.
const json::object& get_object(const json::value& v, std::string_view what);
const json::object& get_object(const json::object& o, std::string_view key);
std::string_view get_string(const json::object& o, std::string_view key);
int64_t get_int(const json::object& o, std::string_view key);
const json::object* find_object(const json::object& o, std::string_view key);  // or null

}  // namespace wikivet::lsp
