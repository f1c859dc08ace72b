# Turns a text data file into a C++ source that holds it as one string, so that the binary needs
# no data file at run time. Run as a script:
#   cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DSYMBOL=<name> -P embed_text.cmake
# The generated file defines `extern const std::string_view <SYMBOL>` in namespace
# wikivet::data. The text goes in as hex bytes, so no character of the data file (quotes,
# backslashes, a raw-string delimiter) can break the generated code.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# One line of code per line of data, for readers' sake.
string(REPLACE "'\\x0a'," "'\\x0a',\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}"
"// Generated from ${INPUT} by cmake/embed_text.cmake. Do not edit.
#include <string_view>
namespace wikivet::data {
namespace {
const char kBytes[] = {
  ${bytes}
  '\\0'};
}  // namespace
extern const std::string_view ${SYMBOL};
const std::string_view ${SYMBOL}(kBytes, ${byte_count});
}  // namespace wikivet::data
")
