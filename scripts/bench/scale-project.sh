# scale-project.sh - the synthetic project of scale.sh and build-overhead.sh:
# N translation units in N/8 static libraries and one test, ordinary code
# with the usual standard headers and a finding in every tenth unit.
# Sourced; defines generate DIR N. Configure with -DWITH_EXITBAR=OFF to
# leave ExitBar out (or inject it with CMAKE_PROJECT_INCLUDE).
# SPDX-License-Identifier: Apache-2.0

generate() { # generate DIR N
  local dir="$1" n="$2" targets=$(( ($2 + 7) / 8 ))
  mkdir -p "$dir/src" "$dir/tests"
  {
    echo 'cmake_minimum_required(VERSION 3.25)'
    echo 'project(scale VERSION 1.0.0 LANGUAGES CXX)'
    echo 'option(WITH_EXITBAR "" ON)'
    echo 'if(WITH_EXITBAR)'
    echo '  find_package(ExitBar REQUIRED)'
    echo '  exitbar_enable(ALL COVERAGE SBOM_SUPPLIER "bench")'
    echo 'endif()'
    echo 'enable_testing()'
    for t in $(seq 0 $((targets - 1))); do
      printf 'add_library(lib%d STATIC' "$t"
      for i in $(seq $((t * 8)) $((t * 8 + 7))); do
        [ "$i" -lt "$n" ] && printf ' src/u%d.cpp' "$i"
      done
      echo ')'
    done
    echo 'add_executable(scale_test tests/test.cpp)'
    echo 'target_link_libraries(scale_test PRIVATE lib0)'
    echo 'add_test(NAME scale COMMAND scale_test)'
  } > "$dir/CMakeLists.txt"
  for i in $(seq 0 $((n - 1))); do
    # Ordinary code with the usual headers, and one finding in every tenth
    # translation unit.
    cat > "$dir/src/u$i.cpp" <<CPP
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>
int u${i}_sum(const std::vector<int> &v) { int s = 0; for (int x : v) s += x; return s; }
std::string u${i}_join(const std::vector<std::string> &p) {
  std::string out;
  for (const auto &s : p) out += s + ",";
  return out;
}
std::map<std::string, int> u${i}_count(const std::vector<std::string> &w) {
  std::map<std::string, int> m;
  for (const auto &s : w) ++m[s];
  return m;
}
void u${i}_copy(char *dst, const char *src, std::size_t n) {
$( [ $((i % 10)) -eq 0 ] && echo '  std::strcpy(dst, src); (void)n;' || echo '  std::snprintf(dst, n, "%s", src);' )
}
CPP
  done
  printf '#include <vector>\nint u0_sum(const std::vector<int> &v);\nint main() { return u0_sum({1, 2}) == 3 ? 0 : 1; }\n' > "$dir/tests/test.cpp"
}

