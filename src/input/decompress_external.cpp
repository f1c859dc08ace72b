#include "input/decompress_external.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <vector>

extern char** environ;

namespace wikivet {

namespace {

class ExternalStream : public ByteStream {
 public:
  ExternalStream(pid_t pid, int out_fd, int err_fd, std::string command, uint64_t input_size)
      : pid_(pid),
        out_(out_fd),
        err_(err_fd),
        command_(std::move(command)),
        input_size_(input_size) {}
  ~ExternalStream() override {
    ::close(out_);
    if (pid_ > 0) {
      // Stopped early (--limit, an error): the decompressor has no reader left.
      ::kill(pid_, SIGTERM);
      int status = 0;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
    }
    ::close(err_);
  }
  const char* kind() const override { return "external"; }

  size_t read(char* buf, size_t n) override {
    if (done_ || n == 0) return 0;
    for (;;) {
      const ssize_t r = ::read(out_, buf, n);
      if (r < 0 && errno == EINTR) continue;
      if (r > 0) return static_cast<size_t>(r);
      done_ = true;
      if (r < 0)
        fail(std::string("read error from the decompressor: ") + std::strerror(errno),
             std::nullopt);
      reap();
      return 0;
    }
  }

 private:
  void reap() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      set_input_offset(input_size_);  // all of it was read, as the built-in decoders report
      return;
    }
    std::string why = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "killed by signal " + std::to_string(WTERMSIG(status));
    // Its own words: the first line it wrote to stderr.
    char line[300] = {0};
    const ssize_t got = ::pread(err_, line, sizeof line - 1, 0);
    std::string said(line, got > 0 ? static_cast<size_t>(got) : 0);
    said = said.substr(0, said.find('\n'));
    fail("--decompressor '" + command_ + "' failed (" + why + ")" +
             (said.empty() ? "" : ": " + said),
         std::nullopt);
  }

  pid_t pid_;
  int out_, err_;
  std::string command_;
  uint64_t input_size_;
  bool done_ = false;
};

}  // namespace

OpenedInput open_with_decompressor(const std::string& path, const std::string& command) {
  OpenedInput r;
  std::vector<std::string> words;
  {
    std::istringstream ss(command);
    for (std::string w; ss >> w;) words.push_back(w);
  }
  if (words.empty()) {
    r.error = "--decompressor needs a command (e.g. 'lbzip2 -dc -n2')";
    return r;
  }
  int in_fd = 0;
  if (path != "-") {
    in_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in_fd < 0) {
      r.error = "cannot read '" + path + "': " + std::strerror(errno);
      return r;
    }
    struct stat st {};
    if (::fstat(in_fd, &st) == 0 && S_ISREG(st.st_mode))
      r.file_size = static_cast<uint64_t>(st.st_size);
    char magic[6] = {0};
    const ssize_t got = ::pread(in_fd, magic, sizeof magic, 0);
    r.compression = detect_compression(std::string_view(magic, got > 0 ? got : 0));
  }
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    r.error = std::string("cannot start the decompressor: ") + std::strerror(errno);
    if (in_fd > 0) ::close(in_fd);
    return r;
  }
  // Its stderr goes to an unnamed file, read back for the one-line error if it fails.
  std::FILE* err_file = std::tmpfile();
  const int err_fd = err_file ? ::dup(::fileno(err_file)) : ::open("/dev/null", O_RDWR);
  if (err_file) std::fclose(err_file);
  ::fcntl(err_fd, F_SETFD, FD_CLOEXEC);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (in_fd != 0) posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (in_fd > 0) ::close(in_fd);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    ::close(err_fd);
    r.error = "--decompressor: cannot run '" + words[0] +
              "': " + (rc == ENOENT ? std::string("not found on PATH") : std::strerror(rc));
    return r;
  }
  r.stream = std::make_unique<ExternalStream>(pid, pipe_fds[0], err_fd, command, r.file_size);
  return r;
}

}  // namespace wikivet
