// UnanalysedRegionCheck.cpp - reports code that only other compilers see
// SPDX-License-Identifier: Apache-2.0

#include "UnanalysedRegionCheck.h"
#include "utils/Compat.h"
#include "utils/IdentifierWords.h"
#include "utils/Locations.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <string>
#include <vector>

namespace clang::tidy::exitbar {
namespace {

using utils::isIdentifierChar;

/// How a directive tests the macro __clang__ itself (not __clang_major__).
struct ClangTests {
  /// `defined(__clang__)`, `__clang__`, `#ifdef __clang__`.
  bool Positive = false;
  /// `!defined(__clang__)`, `!__clang__`, `#ifndef __clang__`.
  bool Negative = false;
};

ClangTests clangTests(StringRef Directive, bool AnalyzerDefined) {
  ClangTests Tests;
  bool Inverted = compat::startsWith(Directive, "#ifndef ");
  // clang-tidy defines __clang_analyzer__ as well as __clang__: code under
  // `#ifndef __clang_analyzer__` is hidden from the checks the same way.
  // Inside a compile (checks/plugin/CompilePlugin.cpp) it is not defined,
  // and that code is analysed like the rest.
  for (StringRef Macro :
       {StringRef("__clang__"), StringRef("__clang_analyzer__")})
    if (Macro == "__clang__" || AnalyzerDefined)
      for (size_t Pos = Directive.find(Macro); Pos != StringRef::npos;
           Pos = Directive.find(Macro, Pos + 1)) {
        size_t After = Pos + Macro.size();
        if ((Pos > 0 && isIdentifierChar(Directive[Pos - 1])) ||
            (After < Directive.size() && isIdentifierChar(Directive[After])))
          continue;
        // Step back over `defined`, parentheses and blanks to a possible '!'.
        StringRef Before = Directive.take_front(Pos).rtrim(" \t(");
        if (compat::endsWith(Before, "defined"))
          Before = Before.drop_back(7).rtrim(" \t(");
        bool Negated = compat::endsWith(Before, "!") != Inverted;
        (Negated ? Tests.Negative : Tests.Positive) = true;
      }
  return Tests;
}

/// The condition as written, from its first token to the end of the
/// directive's line (backslash continuations included), comments dropped and
/// whitespace folded. The callbacks' condition range is not enough: its end
/// is the last token's start in some directives and the line's end in others.
std::string conditionText(SourceRange Range, const SourceManager &SM) {
  SourceLocation Begin = Range.getBegin();
  if (Begin.isInvalid() || !Begin.isFileID())
    return {};
  bool Invalid = false;
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Begin);
  StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
  if (Invalid || Decomposed.second > Buffer.size())
    return {};
  StringRef Rest = Buffer.drop_front(Decomposed.second);
  size_t End = 0;
  while (End < Rest.size() && Rest[End] != '\n')
    End += Rest[End] == '\\' && End + 1 < Rest.size() ? 2 : 1;
  StringRef Text = Rest.take_front(End);
  Text = Text.substr(0, std::min(Text.find("//"), Text.find("/*")));
  std::string Folded;
  bool Space = false;
  for (char C : Text) {
    if (isspace(static_cast<unsigned char>(C)) || C == '\\') {
      Space = !Folded.empty();
      continue;
    }
    if (Space)
      Folded += ' ';
    Space = false;
    Folded += C;
  }
  return Folded;
}

/// Follows #if chains and hands the check every block that the
/// preprocessor skipped because of a condition on __clang__.
class ConditionCallbacks : public PPCallbacks {
public:
  ConditionCallbacks(UnanalysedRegionCheck &Check, const SourceManager &SM,
                     Preprocessor &PP)
      : Check(Check), SM(SM), PP(PP) {}

  void If(SourceLocation Loc, SourceRange ConditionRange,
          ConditionValueKind Value) override {
    std::string Text = "#if " + conditionText(ConditionRange, SM);
    Chains.push_back({});
    branch(Loc, Text, Value == CVK_True, Value == CVK_NotEvaluated);
  }
  void Ifdef(SourceLocation Loc, const Token &Name,
             const MacroDefinition &MD) override {
    Chains.push_back({});
    branch(Loc, "#ifdef " + macroName(Name), bool(MD), false);
  }
  void Ifndef(SourceLocation Loc, const Token &Name,
              const MacroDefinition &MD) override {
    Chains.push_back({});
    branch(Loc, "#ifndef " + macroName(Name), !MD, false);
  }
  void Elif(SourceLocation Loc, SourceRange ConditionRange,
            ConditionValueKind Value, SourceLocation) override {
    std::string Text = "#elif " + conditionText(ConditionRange, SM);
    branch(Loc, Text, Value == CVK_True, Value == CVK_NotEvaluated);
  }
  void Else(SourceLocation Loc, SourceLocation) override {
    branch(Loc, "#else", !(Chains.empty() || Chains.back().Taken), false);
  }
  void Endif(SourceLocation, SourceLocation) override {
    if (!Chains.empty())
      Chains.pop_back();
  }
  void SourceRangeSkipped(SourceRange Range, SourceLocation EndifLoc) override {
    auto It = Pending.find(lineKey(Range.getBegin()));
    if (It == Pending.end())
      return;
    Check.reportRegion(Range.getBegin(), EndifLoc, It->second, SM);
    Pending.erase(It);
  }

private:
  /// One #if ... #endif and the branch it took.
  struct Chain {
    bool Taken = false;
    /// The taken branch's condition, when it names __clang__.
    std::string TakenByClang;
  };

  std::string macroName(const Token &Name) const {
    if (const IdentifierInfo *Id = Name.getIdentifierInfo())
      return Id->getName().str();
    return {};
  }

  /// (file, line) of a directive, so the skip that its #if starts (reported
  /// at the '#') finds the condition (reported at the 'if').
  std::pair<unsigned, unsigned> lineKey(SourceLocation Loc) const {
    if (Loc.isInvalid() || !Loc.isFileID())
      return {0, 0};
    std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
    bool Invalid = false;
    unsigned Line =
        SM.getLineNumber(Decomposed.first, Decomposed.second, &Invalid);
    return {Decomposed.first.getHashValue(), Invalid ? 0 : Line};
  }

  /// One branch of the innermost chain: \p Taken when its block is
  /// compiled, \p Earlier when an earlier branch was taken and the
  /// condition was not even evaluated.
  void branch(SourceLocation Loc, const std::string &Text, bool Taken,
              bool Earlier) {
    if (Chains.empty())
      return;
    Chain &C = Chains.back();
    // Asked at the directive: the predefined macros are not defined yet
    // when the callbacks are registered.
    ClangTests Tests =
        clangTests(Text, PP.isMacroDefined("__clang_analyzer__"));
    if (Taken) {
      C.Taken = true;
      // Later branches are skipped because of Clang only when this one was
      // taken because of it: `defined(__clang__) && ...`, not
      // `defined(__GNUC__) || defined(__clang__)`, which GCC takes too.
      if (Tests.Positive && !StringRef(Text).contains("||"))
        C.TakenByClang = Text;
      return;
    }
    if (Loc.isInvalid() || utils::isInSystemHeader(SM, Loc) ||
        !SM.getFileEntryForID(SM.getFileID(SM.getExpansionLoc(Loc))))
      return;
    std::pair<unsigned, unsigned> Key = lineKey(Loc);
    if (Key.second == 0)
      return;
    // Skipped because an earlier branch on __clang__ was taken (the #else
    // of #ifdef __clang__), or because this branch's own condition on
    // __clang__ is false (#ifndef __clang__).
    if ((C.Taken || Earlier) && !C.TakenByClang.empty()) {
      bool IsElse = Text == "#else";
      Pending[Key] = Text + (IsElse ? " of " : " after ") + C.TakenByClang;
    } else if (!C.Taken && !Earlier && Tests.Negative) {
      // False because __clang__ is defined: `#ifndef __clang__`,
      // `... && !defined(__clang__)`, `... || !defined(__clang__)`.
      Pending[Key] = Text;
    }
  }

  UnanalysedRegionCheck &Check;
  const SourceManager &SM;
  Preprocessor &PP;
  std::vector<Chain> Chains;
  std::map<std::pair<unsigned, unsigned>, std::string> Pending;
};

} // namespace

UnanalysedRegionCheck::UnanalysedRegionCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), MinLines(Options.get("MinLines", 1U)) {}

void UnanalysedRegionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinLines", MinLines);
}

void UnanalysedRegionCheck::registerPPCallbacks(const SourceManager &SM,
                                                Preprocessor *PP,
                                                Preprocessor *) {
  PP->addPPCallbacks(std::make_unique<ConditionCallbacks>(*this, SM, *PP));
}

void UnanalysedRegionCheck::reportRegion(SourceLocation Directive,
                                         SourceLocation End,
                                         StringRef Condition,
                                         const SourceManager &SM) {
  if (Directive.isInvalid() || End.isInvalid() || !Directive.isFileID() ||
      !End.isFileID())
    return;
  bool Invalid = false;
  unsigned First = SM.getSpellingLineNumber(Directive, &Invalid);
  unsigned Last = Invalid ? 0 : SM.getSpellingLineNumber(End, &Invalid);
  if (Invalid || Last <= First)
    return;
  // The lines between the two directives.
  unsigned Lines = Last - First - 1;
  if (Lines == 0 || Lines < MinLines)
    return;
  diag(Directive, "code under '%0' is compiled by other compilers but not "
                  "analysed (%1 line%s1)")
      << Condition << Lines;
}

} // namespace clang::tidy::exitbar
