// HttpStore.cpp - GET and PUT of cache entries on an HTTP server (WebDAV)
// SPDX-License-Identifier: Apache-2.0
//
// The remote storage protocol of ccache and sccache: one blob per key,
// `GET <url>/<key>` and `PUT <url>/<key>`, as nginx's WebDAV module,
// bazel-remote or an object store gateway serve it. Plain HTTP/1.1 over a
// socket (no TLS: put a local proxy in front for that). What comes back is
// checked like a local entry (digest, key, file contents), never trusted
// more.

#include "exitbar/TidyCache.h"
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <netdb.h>
#include <optional>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace exitbar {
namespace {

struct Url {
  std::string Host, Port = "80", Path;
};

std::optional<Url> parseUrl(const std::string &Text) {
  const std::string Scheme = "http://";
  if (Text.rfind(Scheme, 0) != 0)
    return std::nullopt;
  std::string Rest = Text.substr(Scheme.size());
  size_t Slash = Rest.find('/');
  std::string HostPort = Rest.substr(0, Slash);
  Url U;
  U.Path = Slash == std::string::npos ? "" : Rest.substr(Slash);
  while (!U.Path.empty() && U.Path.back() == '/')
    U.Path.pop_back();
  size_t Colon = HostPort.rfind(':');
  U.Host = HostPort.substr(0, Colon);
  if (Colon != std::string::npos)
    U.Port = HostPort.substr(Colon + 1);
  if (U.Host.empty())
    return std::nullopt;
  return U;
}

/// One request on a fresh connection; the status and body, or nothing when
/// the server cannot be reached (a remote cache that is down is a miss,
/// never a failed build).
std::optional<std::pair<int, std::string>> request(const Url &U,
                                                   const std::string &Method,
                                                   const std::string &Key,
                                                   const std::string &Body) {
  addrinfo Hints{};
  Hints.ai_socktype = SOCK_STREAM;
  addrinfo *Found = nullptr;
  if (::getaddrinfo(U.Host.c_str(), U.Port.c_str(), &Hints, &Found) != 0)
    return std::nullopt;
  int Fd = -1;
  for (addrinfo *A = Found; A && Fd < 0; A = A->ai_next) {
    Fd = ::socket(A->ai_family, A->ai_socktype | SOCK_CLOEXEC, A->ai_protocol);
    if (Fd < 0)
      continue;
    timeval Timeout{10, 0};
    ::setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Timeout, sizeof Timeout);
    ::setsockopt(Fd, SOL_SOCKET, SO_SNDTIMEO, &Timeout, sizeof Timeout);
    if (::connect(Fd, A->ai_addr, A->ai_addrlen) != 0) {
      ::close(Fd);
      Fd = -1;
    }
  }
  ::freeaddrinfo(Found);
  if (Fd < 0)
    return std::nullopt;
  std::string Out = Method + " " + U.Path + "/" + Key +
                    " HTTP/1.1\r\nHost: " + U.Host +
                    "\r\nConnection: close\r\n";
  if (Method == "PUT")
    Out += "Content-Type: application/octet-stream\r\nContent-Length: " +
           std::to_string(Body.size()) + "\r\n";
  Out += "\r\n" + Body;
  for (size_t Sent = 0; Sent < Out.size();) {
    ssize_t N = ::send(Fd, Out.data() + Sent, Out.size() - Sent, MSG_NOSIGNAL);
    if (N <= 0) {
      ::close(Fd);
      return std::nullopt;
    }
    Sent += static_cast<size_t>(N);
  }
  std::string In;
  char Buf[65536];
  for (ssize_t N; (N = ::recv(Fd, Buf, sizeof Buf, 0)) > 0;)
    In.append(Buf, static_cast<size_t>(N));
  ::close(Fd);
  // "HTTP/1.1 200 OK\r\n...\r\n\r\n<body>"; chunked bodies are not used
  // by the servers this talks to for static files.
  size_t HeadEnd = In.find("\r\n\r\n");
  if (In.rfind("HTTP/1.", 0) != 0 || HeadEnd == std::string::npos ||
      In.size() < 12)
    return std::nullopt;
  int Status = std::atoi(In.c_str() + 9);
  std::string Head = In.substr(0, HeadEnd);
  for (char &C : Head)
    C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  if (Head.find("transfer-encoding: chunked") != std::string::npos)
    return std::nullopt;
  return std::make_pair(Status, In.substr(HeadEnd + 4));
}

} // namespace

std::optional<std::string> httpGet(const std::string &BaseUrl,
                                   const std::string &Key) {
  auto U = parseUrl(BaseUrl);
  if (!U)
    return std::nullopt;
  auto R = request(*U, "GET", Key, "");
  if (!R || R->first != 200)
    return std::nullopt;
  return R->second;
}

bool httpPut(const std::string &BaseUrl, const std::string &Key,
             const std::string &Blob) {
  auto U = parseUrl(BaseUrl);
  if (!U)
    return false;
  auto R = request(*U, "PUT", Key, Blob);
  return R && R->first >= 200 && R->first < 300;
}

bool isHttpCacheUrl(const std::string &Url) {
  return parseUrl(Url).has_value();
}

} // namespace exitbar
