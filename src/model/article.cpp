#include "model/article.hpp"

namespace wikivet {

Article::Article(const Source& source) : source_(&source), tree_(parse(source.text())) {}

}  // namespace wikivet
