// Kustomize.cpp - Kustomize overlays built offline for the deployment scan
// SPDX-License-Identifier: Apache-2.0
//
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/
// An overlay's patches are partial objects: scanned alone, a patch that
// only sets resources reads as a container without a security context. So
// patches are applied to the objects they target, as `kustomize build`
// does, and the result is what gets scanned.

#include "collect/Kustomize.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include <algorithm>
#include <cstdlib>
#include <map>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

using formats::YamlNode;

YamlNode *child(YamlNode &Node, const std::string &Key) {
  for (auto &[Name, Value] : Node.Items)
    if (Name == Key)
      return &Value;
  return nullptr;
}

std::vector<std::string> scalars(const YamlNode *Seq) {
  std::vector<std::string> Out;
  if (Seq && Seq->Type == YamlNode::Kind::Seq)
    for (const YamlNode &E : Seq->Elements)
      if (E.Type == YamlNode::Kind::Scalar)
        Out.push_back(E.Value);
  return Out;
}

/// Lists whose items all have a `name` merge by it (containers, env,
/// volumes); other lists are replaced, as strategic merge does.
bool mergesByName(const YamlNode &Seq) {
  for (const YamlNode &E : Seq.Elements)
    if (E.Type != YamlNode::Kind::Map || !E.get("name"))
      return false;
  return true;
}

/// A strategic-merge patch applied to \p Base.
void strategicMerge(YamlNode &Base, const YamlNode &Patch) {
  if (Base.Type == YamlNode::Kind::Map && Patch.Type == YamlNode::Kind::Map) {
    for (const auto &[Key, Value] : Patch.Items) {
      if (!Key.empty() && Key[0] == '$')
        continue; // $patch, $setElementOrder: directives, not fields
      YamlNode *Existing = child(Base, Key);
      if (Value.Type == YamlNode::Kind::Null) { // null deletes the field
        const std::string &Field = Key; // a lambda cannot capture a binding
        Base.Items.erase(std::remove_if(Base.Items.begin(), Base.Items.end(),
                                        [&](const auto &Item) {
                                          return Item.first == Field;
                                        }),
                         Base.Items.end());
      } else if (Existing) {
        strategicMerge(*Existing, Value);
      } else {
        Base.Items.emplace_back(Key, Value);
      }
    }
    return;
  }
  if (Base.Type == YamlNode::Kind::Seq && Patch.Type == YamlNode::Kind::Seq &&
      mergesByName(Base) && mergesByName(Patch)) {
    for (const YamlNode &Item : Patch.Elements) {
      std::string Name = Item.text("name");
      auto Same = std::find_if(
          Base.Elements.begin(), Base.Elements.end(),
          [&](const YamlNode &E) { return E.text("name") == Name; });
      if (Item.text("$patch") == "delete") {
        if (Same != Base.Elements.end())
          Base.Elements.erase(Same);
      } else if (Same != Base.Elements.end()) {
        strategicMerge(*Same, Item);
      } else {
        Base.Elements.push_back(Item);
      }
    }
    return;
  }
  Base = Patch;
}

/// One JSON 6902 operation (add, replace, remove) applied to \p Doc; the
/// others (move, copy, test) change no security setting and are skipped.
void jsonPatch(YamlNode &Doc, const YamlNode &Op) {
  std::string Kind = Op.text("op"), Path = Op.text("path");
  if (Path.empty() || Path[0] != '/' ||
      (Kind != "add" && Kind != "replace" && Kind != "remove"))
    return;
  std::vector<std::string> Keys;
  for (size_t B = 1;;) {
    size_t E = Path.find('/', B);
    std::string Key = Path.substr(B, E == std::string::npos ? E : E - B);
    for (size_t P; (P = Key.find("~1")) != std::string::npos;)
      Key.replace(P, 2, "/");
    for (size_t P; (P = Key.find("~0")) != std::string::npos;)
      Key.replace(P, 2, "~");
    Keys.push_back(Key);
    if (E == std::string::npos)
      break;
    B = E + 1;
  }
  YamlNode *At = &Doc;
  for (size_t I = 0; At && I + 1 < Keys.size(); ++I) {
    if (At->Type == YamlNode::Kind::Seq) {
      char *End = nullptr;
      unsigned long N = std::strtoul(Keys[I].c_str(), &End, 10);
      At = End && !*End && N < At->Elements.size() ? &At->Elements[N] : nullptr;
    } else {
      At = At->Type == YamlNode::Kind::Map ? child(*At, Keys[I]) : nullptr;
    }
  }
  if (!At)
    return;
  const std::string &Last = Keys.back();
  const YamlNode *Value = Op.get("value");
  if (At->Type == YamlNode::Kind::Map) {
    YamlNode *Existing = child(*At, Last);
    if (Kind == "remove")
      At->Items.erase(
          std::remove_if(At->Items.begin(), At->Items.end(),
                         [&](const auto &Item) { return Item.first == Last; }),
          At->Items.end());
    else if (Value && Existing)
      *Existing = *Value;
    else if (Value)
      At->Items.emplace_back(Last, *Value);
  } else if (At->Type == YamlNode::Kind::Seq) {
    char *End = nullptr;
    unsigned long N = std::strtoul(Last.c_str(), &End, 10);
    bool Index = End && !*End && !Last.empty();
    if (Kind == "add" && Value && Last == "-")
      At->Elements.push_back(*Value);
    else if (!Index || N > At->Elements.size())
      return;
    else if (Kind == "add" && Value)
      At->Elements.insert(At->Elements.begin() + static_cast<long>(N), *Value);
    else if (N == At->Elements.size())
      return;
    else if (Kind == "remove")
      At->Elements.erase(At->Elements.begin() + static_cast<long>(N));
    else if (Value)
      At->Elements[N] = *Value;
  }
}

bool isRemote(const std::string &Resource) {
  return Resource.find("://") != std::string::npos ||
         Resource.rfind("github.com/", 0) == 0 ||
         Resource.rfind("git@", 0) == 0;
}

/// One resource of a kustomization and whether its patches changed it.
struct Resource {
  YamlNode Doc;
  bool Patched = false;
};

constexpr size_t MaxNodes = 4'000'000;

class Builder {
public:
  Builder(KustomizeBuilds &Out, fs::path Root)
      : Out(Out), Root(std::move(Root)) {}

  /// The kustomization of \p Dir: its resources after its patches.
  std::vector<Resource> build(const fs::path &File) {
    fs::path Dir = File.parent_path();
    auto Done = Built.find(Dir);
    if (Done != Built.end())
      return Done->second;
    if (!InProgress.insert(Dir).second)
      return {}; // a cycle of kustomizations
    std::vector<YamlNode> Docs = read(File, false);
    std::vector<Resource> Resources;
    if (!Docs.empty())
      Resources = resourcesOf(Docs.front(), Dir, File);
    InProgress.erase(Dir);
    Built[Dir] = Resources;
    return Resources;
  }

private:
  std::vector<Resource> resourcesOf(const YamlNode &K, const fs::path &Dir,
                                    const fs::path &File) {
    std::vector<Resource> Resources;
    expand(K, Dir, File, Resources);
    return Resources;
  }

  /// What `kustomize build` does with the kustomization \p K (in \p File)
  /// on top of \p Resources: adds its resources, applies its components,
  /// then its patches.
  void expand(const YamlNode &K, const fs::path &Dir, const fs::path &File,
              std::vector<Resource> &Resources) {
    std::set<fs::path> Listed;
    for (const char *Key : {"resources", "bases"})
      for (const std::string &Name : scalars(K.get(Key))) {
        if (isRemote(Name))
          continue;
        fs::path P = (Dir / Name).lexically_normal();
        if (!inTree(P) || !Listed.insert(P).second)
          continue;
        std::error_code Ec;
        if (fs::is_directory(P, Ec)) {
          fs::path Sub = kustomizationIn(P);
          if (!Sub.empty())
            for (Resource R : build(Sub)) {
              R.Patched = false; // reported by that kustomization
              Resources.push_back(std::move(R));
            }
        } else {
          for (YamlNode &Doc : read(P, true))
            Resources.push_back({std::move(Doc), false});
        }
      }
    // Components (kind: Component): their resources join these, and their
    // patches apply to everything gathered so far, before this
    // kustomization's own patches.
    for (const std::string &Name : scalars(K.get("components"))) {
      if (isRemote(Name))
        continue;
      fs::path P = (Dir / Name).lexically_normal();
      fs::path Sub = inTree(P) ? kustomizationIn(P) : fs::path();
      if (Sub.empty() || !InProgress.insert(P).second)
        continue; // missing, outside the tree, or a cycle
      std::vector<YamlNode> Docs = read(Sub, false);
      if (!Docs.empty())
        expand(Docs.front(), P, Sub, Resources);
      InProgress.erase(P);
    }
    // patchesStrategicMerge: files (or inline objects).
    for (const std::string &Entry : scalars(K.get("patchesStrategicMerge")))
      for (const YamlNode &Patch : patchDocs(Dir, Entry, "", File, K.Line))
        applyMerge(Resources, Patch, nullptr);
    // patches: {path | patch, target}; patchesJson6902: {path, target}.
    for (const char *Key : {"patches", "patchesJson6902"}) {
      const YamlNode *List = K.get(Key);
      if (!List || List->Type != YamlNode::Kind::Seq)
        continue;
      for (const YamlNode &Entry : List->Elements) {
        const YamlNode *Target = Entry.get("target");
        // An entry may also be the patch file's path alone.
        std::string Path = Entry.Type == YamlNode::Kind::Scalar
                               ? Entry.Value
                               : Entry.text("path");
        for (const YamlNode &Patch :
             patchDocs(Dir, Path, Entry.text("patch"), File, Entry.Line)) {
          if (Patch.Type == YamlNode::Kind::Seq) {
            if (!Target)
              continue;
            for (Resource &R : Resources)
              if (matches(R.Doc, *Target)) {
                for (const YamlNode &Op : Patch.Elements)
                  jsonPatch(R.Doc, Op);
                R.Patched = true;
              }
          } else {
            applyMerge(Resources, Patch, Target);
          }
        }
      }
    }
  }

  /// A patch's documents: the file \p Path (then a patch file, not a
  /// manifest), or the inline text \p Inline.
  std::vector<YamlNode> patchDocs(const fs::path &Dir, const std::string &Path,
                                  const std::string &Inline,
                                  const fs::path &KFile, int Line) {
    if (!Path.empty()) {
      // patchesStrategicMerge also takes an inline object as a string.
      if (Path.find('\n') != std::string::npos)
        return inlineDocs(Path, KFile, Line);
      fs::path P = (Dir / Path).lexically_normal();
      if (!inTree(P))
        return {};
      Out.PatchFiles.insert(P);
      return read(P, true);
    }
    return Inline.empty() ? std::vector<YamlNode>()
                          : inlineDocs(Inline, KFile, Line);
  }

  std::vector<YamlNode> inlineDocs(const std::string &Text,
                                   const fs::path &KFile, int Line) {
    std::vector<YamlNode> Docs = formats::readYamlSubset(Text);
    for (YamlNode &Doc : Docs)
      renumber(Doc, KFile, Line);
    return Docs;
  }

  void applyMerge(std::vector<Resource> &Resources, const YamlNode &Patch,
                  const YamlNode *Target) {
    YamlNode Own;
    if (!Target) { // the patch names its object
      const YamlNode *Kind = Patch.get("kind");
      if (!Kind)
        return;
      Own.Type = YamlNode::Kind::Map;
      Own.Items.emplace_back("kind", *Kind);
      if (const YamlNode *Meta = Patch.get("metadata"))
        if (const YamlNode *Name = Meta->get("name"))
          Own.Items.emplace_back("name", *Name);
      Target = &Own;
    }
    for (Resource &R : Resources)
      if (matches(R.Doc, *Target)) {
        strategicMerge(R.Doc, Patch);
        R.Patched = true;
      }
  }

  static bool matches(const YamlNode &Doc, const YamlNode &Target) {
    std::string Kind = Target.text("kind"), Name = Target.text("name");
    const YamlNode *Meta = Doc.get("metadata");
    return (Kind.empty() || Doc.text("kind") == Kind) &&
           (Name.empty() || (Meta && Meta->text("name") == Name));
  }

  static fs::path kustomizationIn(const fs::path &Dir) {
    for (const char *Name :
         {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
      std::error_code Ec;
      if (fs::is_regular_file(Dir / Name, Ec))
        return Dir / Name;
    }
    return {};
  }

  /// \p File's documents; with \p Track, every node's Line becomes an
  /// index into Out.Origins.
  std::vector<YamlNode> read(const fs::path &File, bool Track) {
    // A tree's kustomizations may list the same files many times over;
    // past this many nodes the rest is left out rather than the gate
    // running out of memory.
    if (Track && Out.Origins.size() > MaxNodes)
      return {};
    std::string Text;
    try {
      Text = readFile(File.string());
    } catch (const Error &) {
      return {};
    }
    std::vector<YamlNode> Docs = formats::readYamlSubset(Text);
    Docs.erase(std::remove_if(Docs.begin(), Docs.end(),
                              [](const YamlNode &D) {
                                return D.Type == YamlNode::Kind::Null;
                              }),
               Docs.end());
    if (Track)
      for (YamlNode &Doc : Docs)
        renumber(Doc, File, 0);
    return Docs;
  }

  void renumber(YamlNode &Node, const fs::path &File, int Offset) {
    Out.Origins.emplace_back(File, Node.Line + Offset);
    Node.Line = static_cast<int>(Out.Origins.size() - 1);
    for (auto &Item : Node.Items)
      renumber(Item.second, File, Offset);
    for (YamlNode &E : Node.Elements)
      renumber(E, File, Offset);
  }

  bool inTree(const fs::path &P) const {
    std::string Relative = P.lexically_relative(Root).generic_string();
    return !Relative.empty() && Relative.rfind("..", 0) != 0;
  }

  KustomizeBuilds &Out;
  fs::path Root;
  std::map<fs::path, std::vector<Resource>> Built;
  std::set<fs::path> InProgress;
};

} // namespace

KustomizeBuilds buildKustomizations(const std::vector<fs::path> &Files,
                                    const fs::path &Root) {
  KustomizeBuilds Out;
  Builder B(Out, Root);
  for (const fs::path &File : Files)
    for (Resource &R : B.build(File))
      if (R.Patched) {
        Out.Patched.push_back(std::move(R.Doc));
        Out.PatchedBy.push_back(File);
      }
  return Out;
}

} // namespace exitbar
