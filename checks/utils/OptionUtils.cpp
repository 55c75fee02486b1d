// OptionUtils.cpp - parsing of list-valued check options
// SPDX-License-Identifier: Apache-2.0

#include "utils/OptionUtils.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::exitbar::utils {

std::vector<std::string> parseList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Items;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Items.push_back(Part.str());
  }
  return Items;
}

std::vector<std::pair<std::string, std::string>>
parsePairs(llvm::StringRef Value) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  for (const std::string &Item : parseList(Value)) {
    auto [Key, Val] = llvm::StringRef(Item).split('=');
    Pairs.emplace_back(Key.trim().str(), Val.trim().str());
  }
  return Pairs;
}

std::string joinList(const std::vector<std::string> &Items) {
  std::string Out;
  for (const std::string &Item : Items) {
    if (!Out.empty())
      Out += ';';
    Out += Item;
  }
  return Out;
}

std::string
joinPairs(const std::vector<std::pair<std::string, std::string>> &Pairs) {
  std::vector<std::string> Items;
  Items.reserve(Pairs.size());
  for (const auto &[Key, Val] : Pairs)
    Items.push_back(Val.empty() ? Key : Key + "=" + Val);
  return joinList(Items);
}

bool readBool(const ClangTidyCheck::OptionsView &Options, llvm::StringRef Name,
              bool Default) {
  std::string Value =
      llvm::StringRef(Options.get(Name, Default ? "true" : "false"))
          .trim()
          .lower();
  if (Value == "true" || Value == "1" || Value == "on" || Value == "yes")
    return true;
  if (Value == "false" || Value == "0" || Value == "off" || Value == "no")
    return false;
  return Default;
}

void storeBool(const ClangTidyCheck::OptionsView &Options,
               ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
               bool Value) {
  Options.store(Opts, Name, Value ? "true" : "false");
}

} // namespace clang::tidy::exitbar::utils
