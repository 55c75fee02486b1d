// CMakeFileApi.h - the targets of a build tree, read from CMake's File API
// reply
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CMAKEFILEAPI_H
#define EXITBAR_CMAKEFILEAPI_H

#include <map>
#include <string>
#include <vector>

namespace exitbar {

/// One build-system target of the codemodel (version 2).
struct FileApiTarget {
  std::string
      Id; ///< the codemodel's unique id, e.g. "app::@6890427a1f51a3e7e1df"
  std::string Name; ///< e.g. "app"
  /// "EXECUTABLE", "STATIC_LIBRARY", "SHARED_LIBRARY", "MODULE_LIBRARY",
  /// "OBJECT_LIBRARY", "INTERFACE_LIBRARY" or "UTILITY".
  std::string Type;
  std::string Project; ///< the project() the target belongs to
  /// Files the target builds, absolute paths (empty for utilities).
  std::vector<std::string> Artifacts;
  /// Source files, as the reply has them (relative to the source tree when
  /// inside it), generated sources included.
  std::vector<std::string> Sources;
  /// Names of the targets of this build it depends on.
  std::vector<std::string> Dependencies;
  /// Link command fragments with role "libraries": paths or -l flags.
  std::vector<std::string> LinkLibraries;
  /// Include folders of every compile group, absolute, without duplicates.
  std::vector<std::string> IncludeDirs;
  bool GeneratorProvided = false; ///< e.g. ALL_BUILD, ZERO_CHECK
};

/// What ExitBar reads of a File API reply (codemodel v2 and cache v2).
struct FileApiReply {
  std::string SourceDir;     ///< top-level source folder
  std::string BuildDir;      ///< top-level build folder
  std::string Configuration; ///< the configuration read ("" single-config)
  std::vector<FileApiTarget> Targets;       ///< sorted by name
  std::map<std::string, std::string> Cache; ///< cache entries, name -> value
  /// The compilers' implicit link folders (toolchains v1), where `-lfoo`
  /// is looked up; empty when the reply has no toolchains object.
  std::vector<std::string> ImplicitLinkDirs;
  std::string IndexFile; ///< the reply index file read
};

/// The File API query ExitBar writes: codemodel 2, cache 2, toolchains 1 and
/// cmakeFiles 1, as a stateful client query of client "exitbar".
/// Example: writeFile(fileApiQueryPath(B), fileApiQueryText());
std::string fileApiQueryText();
/// `<build>/.cmake/api/v1/query/client-exitbar/query.json`.
std::string fileApiQueryPath(const std::string &BuildDir);

/// True when \p BuildDir has a reply index no older than its CMakeCache.txt.
/// Example: if (!fileApiReplyIsFresh("build")) runProcess({"cmake", "build"});
bool fileApiReplyIsFresh(const std::string &BuildDir);

/// Reads the newest reply of \p BuildDir (`.cmake/api/v1/reply/index-*.json`
/// and the codemodel and cache objects it names). \p Configuration picks one
/// configuration of a multi-config generator ("" the first). Throws Error
/// (input.file-api.*) naming the file and the JSON pointer of the problem.
/// Example: FileApiReply R = readFileApiReply("build");
FileApiReply readFileApiReply(const std::string &BuildDir,
                              const std::string &Configuration = "");

} // namespace exitbar

#endif // EXITBAR_CMAKEFILEAPI_H
