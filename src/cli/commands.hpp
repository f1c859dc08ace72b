#pragma once
// Subcommands of the `wikivet` binary: one file each in src/cli/. Each returns the process exit
// code (see README "Exit codes": 0 clean, 1 findings at the failing level, 2 usage/input error).
namespace wikivet::cli {

int cmd_check(int argc, char** argv);
int cmd_parse(int argc, char** argv);
int cmd_rules(int argc, char** argv);
int cmd_explain(int argc, char** argv);
int cmd_audit(int argc, char** argv);
int cmd_config(int argc, char** argv);
int cmd_lsp(int argc, char** argv);

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

}  // namespace wikivet::cli
