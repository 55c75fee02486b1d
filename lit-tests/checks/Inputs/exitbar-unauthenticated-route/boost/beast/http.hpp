// Mock of Boost.Beast's HTTP message API shapes for lit tests.
#pragma once
#include <string>
namespace boost {
namespace beast {
class string_view {
public:
  string_view(const char *s);
  bool empty() const;
  bool starts_with(const char *prefix) const;
};
bool operator==(string_view a, string_view b);
bool operator!=(string_view a, string_view b);
namespace http {
enum class verb { unknown, delete_, get, head, post, put, patch, options };
enum class field { unknown, authorization, content_type, cookie, host };
struct string_body {
  using value_type = std::string;
};
template <bool isRequest, class Body> class message {
public:
  verb method() const;
  string_view target() const;
  string_view operator[](field f) const;
  typename Body::value_type &body();
};
template <class Body> using request = message<true, Body>;
template <class Body> using response = message<false, Body>;
} // namespace http
} // namespace beast
} // namespace boost
