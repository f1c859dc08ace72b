#pragma once
// Factory functions of the rules, one per rule file (rules/<id>.cpp).
#include <memory>

#include "engine/rule.hpp"

namespace wikivet {
}  // namespace wikivet
