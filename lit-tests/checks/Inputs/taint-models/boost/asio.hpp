// Mock <boost/asio.hpp> for lit tests: the declarations the models name.
#pragma once
#include <string>
namespace boost {
namespace asio {
inline namespace v1 {
struct mutable_buffer {};
template <class T> mutable_buffer buffer(T &data);
template <class Protocol, class Executor = int> class basic_stream_socket {
public:
  template <class Buffers> unsigned long read_some(const Buffers &b);
};
template <class Stream, class Buffers> unsigned long read(Stream &s, const Buffers &b);
} // namespace v1
namespace ip {
struct tcp {
  typedef basic_stream_socket<tcp> socket;
};
} // namespace ip
} // namespace asio
} // namespace boost
