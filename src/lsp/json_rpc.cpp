#include "lsp/json_rpc.hpp"

namespace wikivet::lsp {

Incoming parse_incoming(std::string_view body) {
  Incoming in;
  json::parse_options opts;
  opts.allow_invalid_utf8 = true;
  opts.max_depth = 64;
  boost::system::error_code ec;
  json::value v = json::parse(body, ec, {}, opts);
  if (ec) {
    in.error_code = kParseError;
    in.error = "cannot parse the message as JSON: " + ec.message();
    return in;
  }
  if (v.is_array()) {
    in.error_code = kInvalidRequest;
    in.error = "batches of JSON-RPC messages are not part of the Language Server Protocol";
    return in;
  }
  if (!v.is_object()) {
    in.error_code = kInvalidRequest;
    in.error = "a message must be a JSON object";
    return in;
  }
  json::object& o = v.as_object();
  const json::value* id = o.if_contains("id");
  const bool has_id = id != nullptr;
  if (has_id && !id->is_string() && !id->is_int64() && !id->is_uint64() && !id->is_null()) {
    in.error_code = kInvalidRequest;
    in.error = "id must be a number or a string";
    return in;
  }
  if (has_id) in.id = *id;
  const json::value* method = o.if_contains("method");
  if (!method) {
    if (has_id && (o.contains("result") || o.contains("error"))) {
      in.kind = Incoming::Kind::Response;
      return in;
    }
    in.error_code = kInvalidRequest;
    in.error = "a message needs a method (or, for a response, a result or an error)";
    return in;
  }
  if (!method->is_string()) {
    in.error_code = kInvalidRequest;
    in.error = "method must be a string";
    return in;
  }
  if (has_id && id->is_null()) {
    in.error_code = kInvalidRequest;
    in.error = "a request's id must not be null";
    return in;
  }
  in.method = std::string(method->as_string());
  if (const json::value* params = o.if_contains("params")) {
    if (!params->is_object() && !params->is_array()) {
      // A notification is never answered, not even with an error: it is handled as if it had
      // no params (its handler then finds nothing to do).
      if (!has_id) {
        in.kind = Incoming::Kind::Notification;
        return in;
      }
      in.error_code = kInvalidRequest;
      in.error = "params must be an object or an array";
      return in;
    }
    in.params = std::move(o["params"]);
  }
  in.kind = has_id ? Incoming::Kind::Request : Incoming::Kind::Notification;
  return in;
}

json::object response(const json::value& id, json::value result) {
  json::object o;
  o["jsonrpc"] = "2.0";
  o["id"] = id;
  o["result"] = std::move(result);
  return o;
}

json::object error_response(const json::value& id, int code, std::string_view message) {
  json::object o;
  o["jsonrpc"] = "2.0";
  o["id"] = id;
  json::object e;
  e["code"] = code;
  e["message"] = message;
  o["error"] = std::move(e);
  return o;
}

json::object notification(std::string_view method, json::value params) {
  json::object o;
  o["jsonrpc"] = "2.0";
  o["method"] = method;
  o["params"] = std::move(params);
  return o;
}

const json::object& get_object(const json::value& v, std::string_view what) {
  if (!v.is_object()) throw InvalidParams{std::string(what) + " must be an object"};
  return v.as_object();
}

const json::object& get_object(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_object()) throw InvalidParams{"missing object '" + std::string(key) + "'"};
  return v->as_object();
}

const json::object* find_object(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

std::string_view get_string(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) throw InvalidParams{"missing string '" + std::string(key) + "'"};
  return v->as_string();
}

int64_t get_int(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  if (v && v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return static_cast<int64_t>(v->as_uint64());
  throw InvalidParams{"missing integer '" + std::string(key) + "'"};
}

}  // namespace wikivet::lsp
