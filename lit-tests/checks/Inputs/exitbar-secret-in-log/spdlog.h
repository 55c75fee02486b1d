// Mock spdlog for lit tests.
#pragma once
namespace spdlog {
template <class... Args> void info(const char *fmt, const Args &...args);
template <class... Args> void error(const char *fmt, const Args &...args);
class logger {
public:
  template <class... Args> void warn(const char *fmt, const Args &...args);
};
} // namespace spdlog
namespace fmt {
inline namespace v9 {
template <class... Args> void print(const char *fmt, const Args &...args);
} // namespace v9
} // namespace fmt
