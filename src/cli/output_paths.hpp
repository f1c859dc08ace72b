#pragma once
// Outputs that would destroy what they report on: a report written over one of the inputs
// (`-o a.wiki a.wiki`) or two outputs into one file (one of them lost). Checked before
// anything is written.
#include <string>
#include <vector>

namespace wikivet::cli {

// A one-line reason when some output is also an input or names the same file as another
// output, "" otherwise. "-" and "" (standard output) are not files here. Existing files are
// compared by device and inode (a link or another spelling is the same file), others by path.
std::string output_collision(const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs);

}  // namespace wikivet::cli
