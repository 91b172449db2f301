// A program that does import ws2_32.dll: the PE import check must refuse it, which shows
// the check can fail (tests/windows/CMakeLists.txt, WILL_FAIL).
#include <winsock2.h>

int main() {
  WSADATA data;
  return WSAStartup(MAKEWORD(2, 2), &data) == 0 ? 0 : 1;
}
