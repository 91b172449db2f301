// ownvoice-seccomp-blocker PROGRAM ARGS...: runs PROGRAM with seccomp(2) and
// prctl(PR_SET_SECCOMP) refused (EPERM), the way a hardened container or an older kernel
// leaves a process unable to add its own filter. tests/adversary uses it to check that the
// host then reports its network sandbox as not enforced instead of claiming it.
#include <seccomp.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ownvoice-seccomp-blocker PROGRAM [ARGS...]\n");
    return 2;
  }
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (ctx == nullptr || seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(seccomp), 0) != 0 ||
      seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_SECCOMP)) != 0 ||
      seccomp_load(ctx) != 0) {
    std::fprintf(stderr, "ownvoice-seccomp-blocker: cannot install the blocking filter\n");
    return 3;
  }
  seccomp_release(ctx);
  ::execv(argv[1], argv + 1);
  std::perror("execv");
  return 127;
}
