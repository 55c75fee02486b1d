// A system header whose stubs are not the project's business.
#pragma once
#include <stdexcept>
inline void mockSystemStub() { throw std::logic_error("not implemented"); }
// TODO: implement
inline int mockSystemTodo() { return 0; }
