# GenerateCheckDocs.cmake - build-time script: embeds docs/checks/exitbar-*.md into the library
# SPDX-License-Identifier: Apache-2.0
#
#   cmake -DOUTPUT=<file.cpp> -DDOCS=<doc;doc;...> -P GenerateCheckDocs.cmake
#
# Each check's doc page is the one source of its rule text in SARIF and HTML:
# the summary is the first paragraph after the title, the help is the page.

set(_out "// CheckDocs.cpp - generated from docs/checks/*.md; do not edit\n")
string(APPEND _out "#include \"report/CheckDocs.h\"\n\nnamespace exitbar {\n\n")
string(APPEND _out "const std::map<std::string, CheckDoc> &checkDocs() {\n")
string(APPEND _out "  static const std::map<std::string, CheckDoc> Docs = {\n")
list(SORT DOCS)
foreach(_doc IN LISTS DOCS)
  get_filename_component(_name "${_doc}" NAME_WE)
  file(READ "${_doc}" _text)
  # The summary: the first paragraph after the "# title" line.
  string(REGEX REPLACE "^#[^\n]*\n+" "" _body "${_text}")
  string(FIND "${_body}" "\n\n" _end)
  string(SUBSTRING "${_body}" 0 ${_end} _summary)
  string(REPLACE "\n" " " _summary "${_summary}")
  string(APPEND _out "      {\"${_name}\",\n       {R\"exitbar(${_summary})exitbar\",\n"
                     "        R\"exitbar(${_text})exitbar\"}},\n")
endforeach()
string(APPEND _out "  };\n  return Docs;\n}\n\n} // namespace exitbar\n")
file(WRITE "${OUTPUT}.tmp" "${_out}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
