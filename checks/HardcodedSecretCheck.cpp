// HardcodedSecretCheck.cpp - flags secrets written into the source code
// SPDX-License-Identifier: Apache-2.0

#include "HardcodedSecretCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/ExprValues.h"
#include "utils/Locations.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "utils/SecretValues.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace clang::ast_matchers;
using clang::tidy::exitbar::utils::credentialFormat;
using clang::tidy::exitbar::utils::hasFormatConversion;
using clang::tidy::exitbar::utils::identifierOf;
using clang::tidy::exitbar::utils::isSpace;
using clang::tidy::exitbar::utils::keyValueItems;
using clang::tidy::exitbar::utils::looksGenerated;
using clang::tidy::exitbar::utils::looksLikeCodeName;
using clang::tidy::exitbar::utils::looksLikePath;
using clang::tidy::exitbar::utils::looksLikeWordList;
using clang::tidy::exitbar::utils::onlyChars;
using clang::tidy::exitbar::utils::SecretKind;
using clang::tidy::exitbar::utils::urlPassword;

namespace clang::tidy::exitbar {
namespace {

constexpr llvm::StringLiteral DefaultPlaceholders =
    "changeme;change_me;change-me;changeit;replaceme;replace_me;replace-me;"
    "example;placeholder;dummy;redacted;your_;your-;yourpass;yoursecret;"
    "yourtoken;yourkey;yourapikey;insert_;todo;fixme;tbd;none;null;undefined;"
    "unset;empty;xxxx;****;....";

constexpr llvm::StringLiteral Advice =
    "load it from configuration, the environment or a secret store instead";

/// Looks through the wrappers a literal gets on its way into a variable:
/// casts, temporaries, `std::string("...")`, `{"..."}`, `"..."s`, and both
/// arms of `?:`.
void collectLiterals(const Expr *E,
                     llvm::SmallVectorImpl<const StringLiteral *> &Out,
                     unsigned Depth = 0) {
  if (!E || Depth > 8)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *Lit = dyn_cast<StringLiteral>(E)) {
    Out.push_back(Lit);
    return;
  }
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return collectLiterals(Cleanups->getSubExpr(), Out, Depth + 1);
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return collectLiterals(Temp->getSubExpr(), Out, Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return collectLiterals(Bind->getSubExpr(), Out, Depth + 1);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return collectLiterals(Cast->getSubExpr(), Out, Depth + 1);
  if (const auto *Udl = dyn_cast<UserDefinedLiteral>(E)) {
    if (Udl->getLiteralOperatorKind() == UserDefinedLiteral::LOK_String)
      return collectLiterals(Udl->getArg(0), Out, Depth + 1);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // Only a constructor that takes the literal alone copies it whole:
    // std::string(n, '*') or std::string(p, 3) do not.
    unsigned Given = 0;
    for (const Expr *Arg : Construct->arguments())
      if (!isa<CXXDefaultArgExpr>(Arg))
        ++Given;
    if (Given == 1 && Construct->getNumArgs() >= 1)
      collectLiterals(Construct->getArg(0), Out, Depth + 1);
    return;
  }
  if (const auto *List = dyn_cast<InitListExpr>(E)) {
    if (List->getNumInits() == 1)
      collectLiterals(List->getInit(0), Out, Depth + 1);
    return;
  }
  if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
    collectLiterals(Cond->getTrueExpr(), Out, Depth + 1);
    collectLiterals(Cond->getFalseExpr(), Out, Depth + 1);
    return;
  }
  if (const auto *Cond = dyn_cast<BinaryConditionalOperator>(E))
    collectLiterals(Cond->getFalseExpr(), Out, Depth + 1);
}

/// Whether \p List holds the elements of a set (`std::set<std::string> S =
/// {...}`, `llvm::StringSet<> S = {...}`, `QSet`, `absl::flat_hash_set`):
/// the strings of a set are names, never key-value pairs.
bool initializesSet(const InitListExpr *List, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(*List);
  // Up through the temporaries around the backing array to the
  // std::initializer_list, then to the constructor it is passed to.
  bool SeenInitializerList = false;
  for (int Depth = 0; Depth < 6; ++Depth) {
    auto Parents = Context.getParents(Node);
    if (Parents.size() != 1)
      return false;
    Node = Parents[0];
    if (Node.get<MaterializeTemporaryExpr>() ||
        Node.get<CXXBindTemporaryExpr>() || Node.get<ImplicitCastExpr>())
      continue;
    if (Node.get<CXXStdInitializerListExpr>() && !SeenInitializerList) {
      SeenInitializerList = true;
      continue;
    }
    const auto *Construct = Node.get<CXXConstructExpr>();
    if (!SeenInitializerList || !Construct)
      return false;
    StringRef Class = identifierOf(Construct->getConstructor()->getParent());
    return Class.size() >= 3 && Class.take_back(3).equals_insensitive("set");
  }
  return false;
}

/// The text of a literal, looking through a constant initialised with one
/// (`m[kPasswordKey]` where `const char *kPasswordKey = "password"`).
std::optional<std::string> constantText(const Expr *E) {
  llvm::SmallVector<const StringLiteral *, 2> Lits;
  collectLiterals(E, Lits);
  if (Lits.size() == 1)
    return utils::literalText(*Lits.front());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->getType().isConstQualified() || Var->getType()->isArrayType())
        if (const Expr *Init = Var->getInit()) {
          Lits.clear();
          collectLiterals(Init, Lits);
          if (Lits.size() == 1)
            return utils::literalText(*Lits.front());
        }
  return std::nullopt;
}

/// The name by which an assignment target or compared value is known: a
/// variable, a field, a secret-named getter, a map key or a named constant
/// used as key.
struct Named {
  std::string Name;
  SecretKind Kind = SecretKind::None;
};

Named nameOf(const Expr *E, const utils::SecretNames &Names, bool AllowCalls) {
  if (!E)
    return {};
  E = E->IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    StringRef Id = identifierOf(Ref->getDecl());
    if (isa<VarDecl>(Ref->getDecl()) && !Id.empty())
      return {Id.str(), Names.classify(Id)};
    return {};
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    StringRef Id = identifierOf(Member->getMemberDecl());
    if (isa<FieldDecl>(Member->getMemberDecl()) ||
        isa<VarDecl>(Member->getMemberDecl()))
      if (!Id.empty())
        return {Id.str(), Names.classify(Id)};
    return {};
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // cfg["password"], headers[kApiKeyHeader]
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      if (auto Key = constantText(Op->getArg(1)))
        return {*Key, Names.classifyKey(*Key)};
    return {};
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    StringRef Method = identifierOf(Member->getMethodDecl());
    // password.c_str(), token.data(): the object itself.
    if (Method == "c_str" || Method == "data")
      return nameOf(Member->getImplicitObjectArgument(), Names, AllowCalls);
  }
  if (AllowCalls)
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Call->getNumArgs() == 0 || isa<CXXMemberCallExpr>(Call)) {
          StringRef Id = identifierOf(Callee);
          if (!Id.empty() && Call->getNumArgs() == 0)
            return {Id.str(), Names.classify(Id)};
        }
  return {};
}

/// Name of a parameter of \p Fn, taken from whichever redeclaration names it
/// (C headers often omit parameter names in prototypes).
StringRef parameterName(const FunctionDecl *Fn, unsigned Index) {
  for (const FunctionDecl *Redecl : Fn->redecls())
    if (Index < Redecl->getNumParams())
      if (StringRef Name = identifierOf(Redecl->getParamDecl(Index));
          !Name.empty())
        return Name;
  return {};
}

/// Calls such as strcpy(dst, "...") that copy a literal into their first
/// argument: the index of the source argument.
std::optional<unsigned> copySourceIndex(StringRef Callee) {
  return llvm::StringSwitch<std::optional<unsigned>>(Callee)
      .Cases("strcpy", "strncpy", "stpcpy", "stpncpy", "strlcpy", 1U)
      .Cases("wcscpy", "wcsncpy", "memcpy", "memmove", "wmemcpy", 1U)
      .Cases("strcat", "strncat", "strlcat", "wcscat", "wcsncat", 1U)
      .Cases("strcpy_s", "strncpy_s", "wcscpy_s", "memcpy_s", "strcat_s", 2U)
      .Cases("g_strlcpy", "lstrcpyA", "lstrcpyW", "lstrcpy", "StrCpy", 1U)
      .Default(std::nullopt);
}

bool isTextOrMemoryComparison(StringRef Callee) {
  return llvm::StringSwitch<bool>(Callee)
      .Cases("strcmp", "strncmp", "strcasecmp", "strncasecmp", true)
      .Cases("_stricmp", "_strnicmp", "stricmp", "strnicmp", "_strcmpi", true)
      .Cases("wcscmp", "wcsncmp", "_wcsicmp", "wcscasecmp", true)
      .Cases("lstrcmp", "lstrcmpi", "lstrcmpA", "lstrcmpiA", true)
      .Cases("g_strcmp0", "g_str_equal", "g_ascii_strcasecmp", "memcmp", true)
      .Cases("CRYPTO_memcmp", "timingsafe_bcmp", "sodium_memcmp", true)
      .Default(false);
}

/// Functions whose arguments are a format and its values, where a key
/// followed by a literal is a message, not a key and its value.
bool isFormattingFunction(const FunctionDecl *Fn) {
  if (Fn->hasAttr<FormatAttr>())
    return true;
  StringRef Id = identifierOf(Fn);
  return compat::containsInsensitive(Id, "print") ||
         compat::containsInsensitive(Id, "log") ||
         compat::containsInsensitive(Id, "format");
}

/// Callback that hands macro definitions to the check.
class SecretMacroCallbacks : public PPCallbacks {
public:
  SecretMacroCallbacks(HardcodedSecretCheck &Check, const SourceManager &SM)
      : Check(Check), SM(SM) {}
  void MacroDefined(const Token &MacroNameTok,
                    const MacroDirective *MD) override {
    if (const MacroInfo *Info = MD->getMacroInfo())
      Check.checkMacroDefinition(MacroNameTok, *Info, SM);
  }
  void MacroExpands(const Token &, const MacroDefinition &MD, SourceRange Range,
                    const MacroArgs *) override {
    Check.checkMacroExpansion(MD.getMacroInfo(), Range, SM);
  }

private:
  HardcodedSecretCheck &Check;
  const SourceManager &SM;
};

} // namespace

HardcodedSecretCheck::HardcodedSecretCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Names(
          Options.get("SecretWords", utils::SecretNames::DefaultSecretWords),
          Options.get("IgnoredWords", utils::SecretNames::DefaultIgnoredWords)),
      Placeholders(
          utils::parseList(Options.get("Placeholders", DefaultPlaceholders))),
      DefaultCredentials(utils::parseList(
          Options.get("DefaultCredentials", utils::DefaultCredentialValues))),
      CheckFormats(utils::readBool(Options, "CheckFormats", true)),
      CheckComparisons(utils::readBool(Options, "CheckComparisons", true)) {
  for (std::string &Placeholder : Placeholders)
    Placeholder = StringRef(Placeholder).lower();
}

void HardcodedSecretCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SecretWords", Names.secretWords());
  Options.store(Opts, "IgnoredWords", Names.ignoredWords());
  Options.store(Opts, "Placeholders", utils::joinList(Placeholders));
  Options.store(Opts, "DefaultCredentials",
                utils::joinList(DefaultCredentials));
  utils::storeBool(Options, Opts, "CheckFormats", CheckFormats);
  utils::storeBool(Options, Opts, "CheckComparisons", CheckComparisons);
}

void HardcodedSecretCheck::registerPPCallbacks(const SourceManager &SM,
                                               Preprocessor *PP,
                                               Preprocessor *) {
  PP->addPPCallbacks(std::make_unique<SecretMacroCallbacks>(*this, SM));
}

void HardcodedSecretCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  auto NotSystem = unless(isExpansionInSystemHeader());
  auto NotInstantiated = unless(isInTemplateInstantiation());
  Finder->addMatcher(varDecl(unless(parmVarDecl()), hasInitializer(expr()),
                             NotSystem, unless(isInstantiated()))
                         .bind("var"),
                     this);
  Finder->addMatcher(
      parmVarDecl(hasDefaultArgument(), NotSystem, unless(isInstantiated()))
          .bind("param"),
      this);
  Finder->addMatcher(fieldDecl(hasInClassInitializer(expr()), NotSystem,
                               unless(isInstantiated()))
                         .bind("field"),
                     this);
  Finder->addMatcher(
      cxxConstructorDecl(NotSystem, unless(isInstantiated()),
                         forEachConstructorInitializer(
                             cxxCtorInitializer(isWritten()).bind("ctorinit")))
          .bind("ctor"),
      this);
  Finder->addMatcher(
      binaryOperator(hasOperatorName("="), NotSystem, NotInstantiated)
          .bind("assign"),
      this);
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                         NotSystem, NotInstantiated)
                         .bind("assign"),
                     this);
  Finder->addMatcher(
      callExpr(NotSystem, NotInstantiated, unless(cxxOperatorCallExpr()))
          .bind("call"),
      this);
  Finder->addMatcher(cxxConstructExpr(NotSystem, NotInstantiated).bind("call"),
                     this);
  Finder->addMatcher(initListExpr(NotSystem, NotInstantiated).bind("list"),
                     this);
  Finder->addMatcher(returnStmt(hasReturnValue(expr()), NotSystem,
                                NotInstantiated,
                                forFunction(functionDecl().bind("fn")))
                         .bind("return"),
                     this);
  if (CheckComparisons) {
    Finder->addMatcher(binaryOperator(hasAnyOperatorName("==", "!="), NotSystem,
                                      NotInstantiated)
                           .bind("compare"),
                       this);
    Finder->addMatcher(
        cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="), NotSystem,
                            NotInstantiated)
            .bind("compare"),
        this);
  }
  if (CheckFormats)
    Finder->addMatcher(stringLiteral(NotSystem, NotInstantiated).bind("lit"),
                       this);
}

bool HardcodedSecretCheck::alreadyReported(SourceLocation Loc) {
  return !Reported.insert(Loc.getRawEncoding()).second;
}

bool HardcodedSecretCheck::isPlaceholder(StringRef Value) const {
  std::string Lower = Value.lower();
  for (const std::string &Placeholder : Placeholders)
    if (StringRef(Lower).contains(Placeholder))
      return true;
  // <your-token>, ${TOKEN}, $(TOKEN), {{ token }}, %TOKEN%, $TOKEN
  StringRef V = Value;
  if ((compat::startsWith(V, "<") && compat::endsWith(V, ">")) ||
      compat::startsWith(V, "${") || compat::startsWith(V, "$(") ||
      compat::startsWith(V, "{{") ||
      (compat::startsWith(V, "%") && compat::endsWith(V, "%")) ||
      (compat::startsWith(V, "$") && V.size() > 1 &&
       (compat::isUpper(V[1]) || V[1] == '_')))
    return true;
  // xxxx, ****, ----, ????: one repeated character, or only mask characters.
  if (onlyChars(V, "*xX.#?-_ ") ||
      llvm::all_of(V, [&](char C) { return C == V.front(); }))
    return true;
  return false;
}

bool HardcodedSecretCheck::isSecretValue(StringRef Value,
                                         SecretKind Kind) const {
  if (Kind == SecretKind::None || Value.size() < 4)
    return false;
  if (isPlaceholder(Value))
    return false;
  // Prompts, messages and SQL have spaces; secrets in code rarely do.
  if (llvm::any_of(Value, [](char C) {
        return isSpace(C) || static_cast<unsigned char>(C) < 0x20;
      }))
    return false;
  if (hasFormatConversion(Value) || looksLikePath(Value) ||
      looksLikeWordList(Value) || Value.contains("://"))
    return false;
  // A value that is itself a secret's name ("password", "X-Api-Key",
  // "API_TOKEN") is a key, header or variable name, not a secret; a
  // run-together "mypassword" is a (weak) password.
  if (Names.classifyKey(Value) != SecretKind::None &&
      llvm::none_of(Value, llvm::isDigit)) {
    std::vector<std::string> Words = utils::splitNameWords(Value);
    if (Words.size() > 1 || Names.isSecretWord(Value))
      return false;
  }
  // "user:password", "login:secret": a template naming its parts.
  auto [Left, Right] = Value.split(':');
  auto IsNameWord = [&](StringRef Word) {
    std::string Lower = Word.lower();
    return Names.isSecretWord(Word) || Lower == "user" || Lower == "username" ||
           Lower == "login" || Lower == "name";
  };
  if (!Right.empty() && IsNameWord(Left) && IsNameWord(Right))
    return false;
  if (Kind == SecretKind::Weak)
    return looksGenerated(Value);
  return true;
}

void HardcodedSecretCheck::reportStored(const StringLiteral *Lit,
                                        StringRef Target, SecretKind Kind,
                                        StringRef How,
                                        const SourceManager &SM) {
  std::string Value = utils::literalText(*Lit);
  if (!isSecretValue(Value, Kind))
    return;
  // `#name` in a macro (gtest's TEST(Suite, Name)) makes an identifier
  // into a string: a name, never a secret.
  if (utils::isWrittenInScratchSpace(SM, Lit->getBeginLoc()))
    return;
  SourceLocation Loc = SM.getFileLoc(Lit->getBeginLoc());
  if (alreadyReported(Loc))
    return;
  diag(Loc, "hard-coded secret %0 '%1'; %2") << How << Target << Advice;
}

void HardcodedSecretCheck::checkStore(const Expr *Value, StringRef Target,
                                      SecretKind Kind, StringRef How,
                                      const SourceManager &SM) {
  if (Kind == SecretKind::None || !Value)
    return;
  llvm::SmallVector<const StringLiteral *, 2> Lits;
  collectLiterals(Value, Lits);
  for (const StringLiteral *Lit : Lits)
    reportStored(Lit, Target, Kind, How, SM);
}

void HardcodedSecretCheck::checkKeyValuePairs(ArrayRef<const Expr *> Items,
                                              const SourceManager &SM) {
  // {"password", "hunter2"}, setenv("API_KEY", "...", 1),
  // curl_easy_setopt(h, CURLOPT_PASSWORD, "..."): a secret key and then a
  // literal value.
  if (isNameVocabulary(Items))
    return;
  for (size_t I = 0; I + 1 < Items.size(); ++I) {
    const Expr *Key = Items[I]->IgnoreParenImpCasts();
    // Implicit items (a value-initialised element after a designator, a
    // default argument) have no location; #name items are in scratch space.
    if (Key->getBeginLoc().isInvalid() ||
        utils::isWrittenInScratchSpace(SM, Key->getBeginLoc()))
      continue;
    std::string KeyName;
    SecretKind Kind = SecretKind::None;
    if (auto Text = constantText(Key)) {
      KeyName = *Text;
      // A placeholder is a value put where a secret goes (`#define
      // AP_PASSWORD "YOUR_PASSWORD"` passed before the next argument), not
      // the name of a key.
      if (isPlaceholder(KeyName))
        continue;
      Kind = Names.classifyKey(*Text);
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(Key)) {
      if (isa<EnumConstantDecl>(Ref->getDecl())) {
        KeyName = identifierOf(Ref->getDecl()).str();
        Kind = Names.classify(KeyName);
      }
    }
    if (Kind == SecretKind::None)
      continue;
    // A value that is itself a long name with a strong secret word makes
    // the pair a table from one name to another (`{"PSK-AES128-CBC-SHA",
    // "TLS-PSK-WITH-AES-128-CBC-SHA"}`), digits or not.
    if (auto ValueText = constantText(Items[I + 1]->IgnoreParenImpCasts()))
      if (Names.classifyKey(*ValueText) == SecretKind::Strong &&
          StringRef(*ValueText).find_first_of("-_") != StringRef::npos &&
          utils::splitNameWords(*ValueText).size() >= 4)
        continue;
    // A value spelled like a function or type name of several words
    // (`EVP_DigestSignInit` after `EVP_PKEY_new_mac_key` in a
    // StringSwitch's `.Cases`) makes the list one of API names.
    if (auto ValueText = constantText(Items[I + 1]->IgnoreParenImpCasts()))
      if (looksLikeCodeName(*ValueText))
        continue;
    checkStore(Items[I + 1], KeyName, Kind, "stored under key", SM);
  }
}

bool HardcodedSecretCheck::isNameVocabulary(
    ArrayRef<const Expr *> Items) const {
  // A list of names rather than of key-value pairs: a checker's word list
  // (`{"passwd", "htpasswd", "shadow", ...}`), a StringSwitch's
  // .Cases("getpass", "readpassphrase", "getpassphrase", true). In a list of
  // pairs a value follows each key, so two secret key names in a row among
  // three or more literals say that the literals are names, none a value.
  // Found by running the checks on ExitBar's own sources.
  if (Items.size() < 3)
    return false;
  unsigned Literals = 0;
  bool KeyAfterKey = false;
  bool PreviousIsKey = false;
  for (const Expr *Item : Items) {
    auto Text = constantText(Item->IgnoreParenImpCasts());
    bool IsKey = Text && Names.classifyKey(*Text) != SecretKind::None;
    Literals += Text ? 1 : 0;
    KeyAfterKey |= PreviousIsKey && IsKey;
    PreviousIsKey = IsKey;
  }
  return Literals >= 3 && KeyAfterKey;
}

void HardcodedSecretCheck::checkCall(const Expr *Call,
                                     const FunctionDecl *Callee,
                                     ArrayRef<const Expr *> Args,
                                     const SourceManager &SM) {
  StringRef CalleeName = identifierOf(Callee);
  if (auto Source = copySourceIndex(CalleeName)) {
    if (*Source < Args.size()) {
      Named Dest = nameOf(Args[0], Names, /*AllowCalls=*/false);
      checkStore(Args[*Source], Dest.Name, Dest.Kind, "copied into", SM);
    }
    return;
  }
  if (isTextOrMemoryComparison(CalleeName)) {
    if (CheckComparisons && Args.size() >= 2)
      checkComparison(Args[0], Args[1], SM);
    return;
  }
  // set_password("..."), withApiKey("..."): a setter named after the secret.
  std::vector<std::string> Words = utils::splitNameWords(CalleeName);
  unsigned Params = Callee->getNumParams();
  if (Params == 1 && Args.size() == 1 && !Words.empty() &&
      (Words.front() == "set" || Words.front() == "with")) {
    SecretKind Kind = Names.classify(CalleeName.drop_front(
        std::min<size_t>(CalleeName.size(), Words.front().size())));
    checkStore(Args[0], CalleeName, Kind, "passed to", SM);
  }
  for (unsigned I = 0; I < Args.size() && I < Params; ++I) {
    StringRef Param = parameterName(Callee, I);
    if (!Param.empty())
      checkStore(Args[I], Param, Names.classify(Param), "passed as parameter",
                 SM);
  }
  if (!isFormattingFunction(Callee))
    checkKeyValuePairs(Args, SM);
}

void HardcodedSecretCheck::checkInitList(const InitListExpr *List,
                                         const SourceManager &SM) {
  // Only the semantic form: it maps initialisers to fields.
  if (List->getSemanticForm() && List->getSemanticForm() != List)
    return;
  std::vector<const Expr *> Inits(List->inits().begin(), List->inits().end());
  if (const auto *Record = List->getType()->getAsRecordDecl()) {
    if (List->getNumInits() == 0)
      return;
    unsigned I = 0;
    if (Record->isUnion()) {
      if (const FieldDecl *Field = List->getInitializedFieldInUnion())
        checkStore(Inits[0], Field->getName(),
                   Names.classify(identifierOf(Field)), "in", SM);
      return;
    }
    // Bases come first in C++17 aggregates.
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
      if (Class->hasDefinition())
        I = Class->getNumBases();
    for (const FieldDecl *Field : Record->fields()) {
      if (I >= Inits.size())
        break;
      StringRef Id = identifierOf(Field);
      if (!Id.empty())
        checkStore(Inits[I], Id, Names.classify(Id), "in", SM);
      ++I;
    }
  }
  // {"api_key", "..."} as a key-value record or as a pair of array items.
  checkKeyValuePairs(Inits, SM);
}

void HardcodedSecretCheck::checkComparison(const Expr *Left, const Expr *Right,
                                           const SourceManager &SM) {
  for (int Swap = 0; Swap < 2; ++Swap) {
    const Expr *Value = Swap ? Right : Left;
    const Expr *Other = Swap ? Left : Right;
    Named Name = nameOf(Value, Names, /*AllowCalls=*/true);
    // `token == "mqttv311"` is a parser matching a keyword.
    if (Name.Kind != SecretKind::Strong)
      continue;
    llvm::SmallVector<const StringLiteral *, 2> Lits;
    collectLiterals(Other, Lits);
    for (const StringLiteral *Lit : Lits) {
      std::string Text = utils::literalText(*Lit);
      // Well-known defaults are exitbar-default-credentials' findings.
      if (llvm::any_of(DefaultCredentials, [&](const std::string &D) {
            return StringRef(Text).equals_insensitive(D);
          }))
        continue;
      if (!isSecretValue(Text, Name.Kind))
        continue;
      SourceLocation Loc = SM.getFileLoc(Lit->getBeginLoc());
      if (alreadyReported(Loc))
        continue;
      diag(Loc, "'%0' is compared with a hard-coded secret; compare it with "
                "a hash loaded from configuration or a secret store instead")
          << Name.Name;
    }
  }
}

void HardcodedSecretCheck::checkFormat(const StringLiteral *Lit,
                                       const SourceManager &SM) {
  std::string Text = utils::literalText(*Lit);
  StringRef Kind = credentialFormat(Text);
  std::string Key;
  if (Kind.empty()) {
    StringRef Password = urlPassword(Text);
    if (!Password.empty() && isSecretValue(Password, SecretKind::Strong) &&
        Names.classifyKey(Password) == SecretKind::None)
      Kind = "password in a URL";
  }
  if (Kind.empty())
    for (const auto &[ItemKey, ItemValue] : keyValueItems(Text)) {
      SecretKind KeyKind = Names.classifyKey(ItemKey);
      if (KeyKind != SecretKind::None && isSecretValue(ItemValue, KeyKind)) {
        Key = ItemKey.str();
        Kind = "credential";
        break;
      }
    }
  if (Kind.empty() || isPlaceholder(Text))
    return;
  SourceLocation Loc = SM.getFileLoc(Lit->getBeginLoc());
  if (alreadyReported(Loc))
    return;
  if (!Key.empty())
    diag(Loc, "hard-coded secret in '%0=' of a string literal; %1")
        << Key << Advice;
  else
    diag(Loc, "string literal holds a hard-coded %0; %1") << Kind << Advice;
}

void HardcodedSecretCheck::checkMacroDefinition(const Token &MacroName,
                                                const MacroInfo &Info,
                                                const SourceManager &SM) {
  SourceLocation Loc = MacroName.getLocation();
  if (Loc.isInvalid() || !Loc.isFileID() || utils::isInSystemHeader(SM, Loc) ||
      utils::isWrittenInBuiltinFile(SM, Loc) ||
      utils::isWrittenInCommandLineFile(SM, Loc))
    return;
  if (Info.isFunctionLike())
    return;
  // Only macros that are a string: "..." or ("...") or "..." "...".
  std::string Text;
  unsigned Literals = 0;
  for (const Token &Tok : Info.tokens()) {
    if (Tok.isOneOf(tok::l_paren, tok::r_paren))
      continue;
    if (!tok::isStringLiteral(Tok.getKind()) || !Tok.getLiteralData())
      return;
    StringRef Spelled(Tok.getLiteralData(), Tok.getLength());
    // Strip the prefix and quotes: L"..", u8"..", R"(..)" stay rare enough
    // in secret macros to take the plain form only.
    size_t Open = Spelled.find('"');
    if (Open == StringRef::npos || Spelled.back() != '"' ||
        Spelled.contains('\\'))
      return;
    Text += Spelled.slice(Open + 1, Spelled.size() - 1).str();
    ++Literals;
  }
  if (Literals == 0)
    return;
  const IdentifierInfo *Id = MacroName.getIdentifierInfo();
  StringRef Name = Id ? Id->getName() : StringRef();
  SecretKind Kind = Names.classify(Name);
  bool Secret = isSecretValue(Text, Kind);
  StringRef Format = CheckFormats ? credentialFormat(Text) : StringRef();
  if (!Secret && Format.empty())
    return;
  MacroSM = &SM;
  SecretMacros[&Info] = {Name.str(), Loc, Secret ? "" : Format.str(), {}};
}

void HardcodedSecretCheck::checkMacroExpansion(const MacroInfo *Info,
                                               SourceRange Range,
                                               const SourceManager &SM) {
  auto It = SecretMacros.find(Info);
  if (It == SecretMacros.end())
    return;
  SourceLocation Use = SM.getFileLoc(Range.getBegin());
  if (Use.isInvalid() || utils::isInSystemHeader(SM, Use))
    return;
  if (!llvm::is_contained(It->second.Uses, Use))
    It->second.Uses.push_back(Use);
}

void HardcodedSecretCheck::onEndOfTranslationUnit() {
  // Uses of a secret macro that no store or comparison reported, and
  // secret macros never used, are reported now that matching is done.
  std::vector<const SecretMacro *> Ordered;
  for (const auto &Entry : SecretMacros)
    Ordered.push_back(&Entry.second);
  if (MacroSM)
    llvm::sort(Ordered, [&](const SecretMacro *A, const SecretMacro *B) {
      return MacroSM->isBeforeInTranslationUnit(A->Definition, B->Definition);
    });
  for (const SecretMacro *Macro : Ordered) {
    llvm::SmallVector<SourceLocation, 4> Where(Macro->Uses);
    if (Where.empty())
      Where.push_back(Macro->Definition);
    for (SourceLocation Loc : Where) {
      if (alreadyReported(Loc))
        continue;
      if (Macro->Format.empty())
        diag(Loc, "hard-coded secret in macro '%0'; %1")
            << Macro->Name << Advice;
      else
        diag(Loc, "macro '%0' holds a hard-coded %1; %2")
            << Macro->Name << Macro->Format << Advice;
    }
  }
  SecretMacros.clear();
}

void HardcodedSecretCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const auto &Nodes = Result.Nodes;
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("var")) {
    StringRef Id = identifierOf(Var);
    checkStore(Var->getInit(), Id, Names.classify(Id), "in", SM);
    return;
  }
  if (const auto *Param = Nodes.getNodeAs<ParmVarDecl>("param")) {
    StringRef Id = identifierOf(Param);
    if (!Param->hasUninstantiatedDefaultArg())
      checkStore(Param->getDefaultArg(), Id, Names.classify(Id),
                 "as the default of", SM);
    return;
  }
  if (const auto *Field = Nodes.getNodeAs<FieldDecl>("field")) {
    StringRef Id = identifierOf(Field);
    checkStore(Field->getInClassInitializer(), Id, Names.classify(Id), "in",
               SM);
    return;
  }
  if (const auto *Init = Nodes.getNodeAs<CXXCtorInitializer>("ctorinit")) {
    if (const FieldDecl *Field = Init->getMember()) {
      StringRef Id = identifierOf(Field);
      checkStore(Init->getInit(), Id, Names.classify(Id), "in", SM);
    }
    return;
  }
  if (const auto *Assign = Nodes.getNodeAs<Expr>("assign")) {
    const Expr *Lhs = nullptr, *Rhs = nullptr;
    if (const auto *Op = dyn_cast<BinaryOperator>(Assign)) {
      Lhs = Op->getLHS();
      Rhs = Op->getRHS();
    } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Assign)) {
      if (Call->getNumArgs() != 2)
        return;
      Lhs = Call->getArg(0);
      Rhs = Call->getArg(1);
    }
    Named Target = nameOf(Lhs, Names, /*AllowCalls=*/false);
    checkStore(Rhs, Target.Name, Target.Kind,
               isa<CXXOperatorCallExpr>(Lhs->IgnoreParenImpCasts())
                   ? "stored under key"
                   : "assigned to",
               SM);
    return;
  }
  if (const auto *Compare = Nodes.getNodeAs<Expr>("compare")) {
    if (const auto *Op = dyn_cast<BinaryOperator>(Compare))
      checkComparison(Op->getLHS(), Op->getRHS(), SM);
    else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Compare))
      if (Call->getNumArgs() == 2)
        checkComparison(Call->getArg(0), Call->getArg(1), SM);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("call")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    std::vector<const Expr *> Args(Call->arguments().begin(),
                                   Call->arguments().end());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      StringRef Method = identifierOf(Callee);
      // password.assign("..."): std::string's copy of a literal.
      if (Method == "assign" && Args.size() == 1) {
        Named Target = nameOf(Member->getImplicitObjectArgument(), Names,
                              /*AllowCalls=*/false);
        checkStore(Args[0], Target.Name, Target.Kind, "assigned to", SM);
        return;
      }
      // password.compare("...") == 0
      if (Method == "compare" && Args.size() == 1 && CheckComparisons) {
        checkComparison(Member->getImplicitObjectArgument(), Args[0], SM);
        return;
      }
    }
    checkCall(Call, Callee, Args, SM);
    return;
  }
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("call")) {
    std::vector<const Expr *> Args(Construct->arguments().begin(),
                                   Construct->arguments().end());
    checkCall(Construct, Construct->getConstructor(), Args, SM);
    return;
  }
  if (const auto *List = Nodes.getNodeAs<InitListExpr>("list")) {
    if (!initializesSet(List, *Result.Context))
      checkInitList(List, SM);
    return;
  }
  if (const auto *Return = Nodes.getNodeAs<ReturnStmt>("return")) {
    const auto *Fn = Nodes.getNodeAs<FunctionDecl>("fn");
    StringRef Id = identifierOf(Fn);
    checkStore(Return->getRetValue(), Id, Names.classify(Id), "returned by",
               SM);
    return;
  }
  if (const auto *Lit = Nodes.getNodeAs<StringLiteral>("lit"))
    checkFormat(Lit, SM);
}

} // namespace clang::tidy::exitbar
