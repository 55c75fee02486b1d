// Mock glog for lit tests: LOG(severity) streams into a LogMessage.
#pragma once
#include <iostream>
namespace google {
enum Severity { INFO, WARNING, ERROR };
class LogMessage {
public:
  LogMessage(const char *file, int line, Severity s);
  std::ostream &stream();
};
} // namespace google
#define LOG(severity)                                                          \
  google::LogMessage(__FILE__, __LINE__, google::severity).stream()
