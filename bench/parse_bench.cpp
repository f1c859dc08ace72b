// The parser alone, in process: loads the given .wiki files, parses each one separately (as
// audit does, one page at a time) ROUNDS times and prints the best round's MB/s, so the number
// is not the XML reader's nor the process start-up's, and the best of several rounds hides
// most of what other jobs on a shared machine cost. With --model, the article model is built
// from each page too (Article(Source): parse + model indexes). Built by bench/parse_bench.sh.
//
//   parse_bench [--rounds N] [--model] FILE...
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "model/article.hpp"
#include "parse/tree.hpp"

int main(int argc, char** argv) {
  int rounds = 5;
  bool model = false;
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--model") == 0) {
      model = true;
    } else {
      std::ifstream in(argv[i], std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      texts.push_back(s.str());
    }
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  std::vector<std::unique_ptr<wikivet::Source>> sources;
  if (model)
    for (size_t i = 0; i < texts.size(); ++i)
      sources.push_back(std::make_unique<wikivet::Source>("page" + std::to_string(i), texts[i]));
  double best = 1e30;
  size_t nodes = 0;
  for (int r = 0; r < rounds; ++r) {
    nodes = 0;
    const auto t0 = std::chrono::steady_clock::now();
    if (model) {
      for (const auto& s : sources) {
        const wikivet::Article a(*s);
        nodes += a.tree().size();
      }
    } else {
      for (const auto& t : texts) nodes += wikivet::parse(t).size();
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (secs < best) best = secs;
  }
  std::printf("%s: %zu files, %.2f MB, %zu nodes, best of %d: %.4f s, %.1f MB/s\n",
              model ? "parse+model" : "parse", texts.size(), bytes / 1e6, nodes, rounds, best,
              bytes / 1e6 / best);
  return 0;
}
