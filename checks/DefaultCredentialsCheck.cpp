// DefaultCredentialsCheck.cpp - flags comparisons with default credentials
// SPDX-License-Identifier: Apache-2.0

#include "DefaultCredentialsCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;
using clang::tidy::exitbar::utils::identifierOf;
using clang::tidy::exitbar::utils::isPassThroughMethod;
using clang::tidy::exitbar::utils::SecretKind;

namespace clang::tidy::exitbar {
namespace {

constexpr llvm::StringLiteral DefaultUserWords =
    "user;username;usr;uname;login;loginname;logon;account;acct;principal";

/// String comparison functions; the compared arguments are the first two.
bool isStringComparisonFunction(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("strcmp", "strncmp", "strcasecmp", "strncasecmp", true)
      .Cases("_stricmp", "_strnicmp", "stricmp", "strnicmp", "_strcmpi", true)
      .Cases("wcscmp", "wcsncmp", "_wcsicmp", "wcscasecmp", true)
      .Cases("lstrcmp", "lstrcmpi", "lstrcmpA", "lstrcmpiA", true)
      .Cases("g_strcmp0", "g_str_equal", "g_ascii_strcasecmp", "iequals", true)
      .Cases("equals", "equal_to", true)
      .Default(false);
}

/// Methods that compare their object with their argument.
bool isComparisonMethod(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("compare", "equals", "equalsIgnoreCase", "Equals", true)
      .Cases("CompareNoCase", "CompareTo", true)
      .Default(false);
}

/// The two compared operands of a comparison, or none.
std::optional<std::pair<const Expr *, const Expr *>>
comparedOperands(const Stmt *S) {
  if (const auto *Op = dyn_cast<BinaryOperator>(S)) {
    if (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)
      return std::make_pair(Op->getLHS(), Op->getRHS());
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if ((Op->getOperator() == OO_EqualEqual ||
         Op->getOperator() == OO_ExclaimEqual) &&
        Op->getNumArgs() == 2)
      return std::make_pair(Op->getArg(0), Op->getArg(1));
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    if (Call->getNumArgs() >= 1 && Call->getMethodDecl() &&
        isComparisonMethod(identifierOf(Call->getMethodDecl())))
      return std::make_pair(
          static_cast<const Expr *>(Call->getImplicitObjectArgument()),
          Call->getArg(0));
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (Call->getNumArgs() >= 2 && Call->getDirectCallee() &&
        isStringComparisonFunction(identifierOf(Call->getDirectCallee())))
      return std::make_pair(Call->getArg(0), Call->getArg(1));
  }
  return std::nullopt;
}

/// The string literal an operand is: directly, through a one-argument
/// string construction, or through a constant initialised with one (a few
/// constants deep: `const char *const p = p;` compiles).
const StringLiteral *literalOf(const Expr *E, unsigned Depth = 0) {
  if (Depth > 8)
    return nullptr;
  E = utils::stripWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    unsigned Given = 0;
    for (const Expr *Arg : Construct->arguments())
      Given += !isa<CXXDefaultArgExpr>(Arg);
    if (Given != 1)
      return nullptr;
    E = utils::stripWrappers(Construct->getArg(0));
  }
  if (const auto *Lit = dyn_cast<StringLiteral>(E))
    return Lit->getCharByteWidth() == 1 ? Lit : nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if ((Var->getType().isConstQualified() ||
           (Var->getType()->isPointerType() &&
            Var->getType()->getPointeeType().isConstQualified() &&
            !utils::isTrackedVariable(Var))) &&
          Var->getInit())
        return literalOf(Var->getInit(), Depth + 1);
  return nullptr;
}

} // namespace

DefaultCredentialsCheck::DefaultCredentialsCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Names(
          Options.get("SecretWords", utils::SecretNames::DefaultSecretWords),
          Options.get("IgnoredWords", utils::SecretNames::DefaultIgnoredWords)),
      Defaults(utils::parseList(
          Options.get("Defaults", utils::DefaultCredentialValues))),
      UserWords(utils::parseList(Options.get("UserWords", DefaultUserWords))) {
  for (const std::string &D : Defaults)
    DefaultSet.insert(StringRef(D).lower());
  for (const std::string &W : UserWords)
    UserWordSet.insert(StringRef(W).lower());
}

void DefaultCredentialsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Defaults", utils::joinList(Defaults));
  Options.store(Opts, "UserWords", utils::joinList(UserWords));
  Options.store(Opts, "SecretWords", Names.secretWords());
  Options.store(Opts, "IgnoredWords", Names.ignoredWords());
}

void DefaultCredentialsCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  auto Common = allOf(unless(isExpansionInSystemHeader()),
                      unless(isInTemplateInstantiation()));
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("==", "!="), Common).bind("cmp"), this);
  Finder->addMatcher(
      cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="), Common)
          .bind("cmp"),
      this);
  Finder->addMatcher(
      callExpr(Common, unless(cxxOperatorCallExpr()), callee(functionDecl()))
          .bind("cmp"),
      this);
}

std::optional<DefaultCredentialsCheck::Role>
DefaultCredentialsCheck::roleOfName(StringRef Name) const {
  if (Name.empty())
    return std::nullopt;
  std::vector<std::string> Words = utils::splitNameWords(Name);
  // A lexer's `token == "default"` is not a credential check.
  if (llvm::any_of(Words, [](const std::string &W) {
        return W == "token" || W == "tokens";
      }))
    return std::nullopt;
  if (Names.classify(Name) != SecretKind::None)
    return Role{true, Name.str(), "", SourceLocation()};
  if (Words.empty())
    return std::nullopt;
  // `user`, `db_user`, `userName`, `login_name`, `account`
  const std::string &Last = Words.back();
  bool User = UserWordSet.contains(Last);
  if (!User && Words.size() >= 2 && Last == "name")
    User = UserWordSet.contains(Words[Words.size() - 2]);
  if (User)
    return Role{false, Name.str(), "", SourceLocation()};
  return std::nullopt;
}

std::optional<DefaultCredentialsCheck::Role>
DefaultCredentialsCheck::roleOf(const Expr *E, SourceLocation At,
                                ASTContext &Ctx, unsigned Depth) {
  if (!E || Depth > 4)
    return std::nullopt;
  E = utils::stripWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
    if (!V || !utils::isTextType(V->getType()))
      return std::nullopt;
    if (auto R = roleOfName(identifierOf(V)))
      return R;
    if (!utils::isTrackedVariable(V))
      return std::nullopt;
    // `std::string u = username;`: the role of what it was given.
    const Stmt *Body = utils::enclosingBody(*Ref, Ctx);
    if (!Body)
      return std::nullopt;
    for (const utils::VarWrite *W : Writes.get(*Body, Ctx).reaching(V, At))
      for (const Expr *Source : W->Sources)
        if (auto R = roleOf(Source, W->Loc, Ctx, Depth + 1)) {
          R->Via = identifierOf(V).str();
          R->NoteLoc = Ctx.getSourceManager().getFileLoc(Source->getBeginLoc());
          return R;
        }
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *D = Member->getMemberDecl();
    if ((isa<FieldDecl>(D) || isa<VarDecl>(D)) &&
        utils::isTextType(D->getType()))
      return roleOfName(identifierOf(D));
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method)
      return std::nullopt;
    StringRef Id = identifierOf(Method);
    if (isPassThroughMethod(Id))
      return roleOf(Call->getImplicitObjectArgument(), At, Ctx, Depth + 1);
    // req.getUsername(), creds.password()
    if (Call->getNumArgs() == 0 && utils::isTextType(Call->getType()))
      return roleOfName(Id);
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (isa<CXXOperatorCallExpr>(Call) || !utils::isTextType(Call->getType()))
      return std::nullopt;
    // tolower_copy(username), trim(pass): the same credential, normalised.
    if (Call->getNumArgs() >= 1 &&
        utils::isTextType(Call->getArg(0)->getType()))
      return roleOf(Call->getArg(0), At, Ctx, Depth + 1);
    return std::nullopt;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      return roleOf(Construct->getArg(0), At, Ctx, Depth + 1);
  return std::nullopt;
}

bool DefaultCredentialsCheck::comparesPasswordWithLiteral(const Stmt &Body,
                                                          ASTContext &Ctx) {
  auto Found =
      match(findAll(stmt(anyOf(binaryOperator(hasAnyOperatorName("==", "!=")),
                               cxxOperatorCallExpr(
                                   hasAnyOverloadedOperatorName("==", "!=")),
                               callExpr()))
                        .bind("c")),
            Body, Ctx);
  for (const BoundNodes &Node : Found) {
    const auto *S = Node.getNodeAs<Stmt>("c");
    auto Operands = comparedOperands(S);
    if (!Operands)
      continue;
    for (int Swap = 0; Swap < 2; ++Swap) {
      const Expr *Value = Swap ? Operands->second : Operands->first;
      const Expr *Other = Swap ? Operands->first : Operands->second;
      const StringLiteral *Lit = literalOf(Other);
      if (!Lit || Lit->getLength() == 0)
        continue;
      auto R = roleOf(Value, S->getBeginLoc(), Ctx, 0);
      if (R && R->Password)
        return true;
    }
  }
  return false;
}

bool DefaultCredentialsCheck::isRejection(const Stmt &Compare,
                                          ASTContext &Ctx) const {
  // is_default_password(), checkPasswordStrength(): code that looks for
  // default passwords in order to refuse them.
  if (const FunctionDecl *Fn = utils::enclosingFunction(Compare, Ctx)) {
    static const llvm::StringSet<> Words = {
        "default",   "weak",       "strength", "strong",      "common",
        "blacklist", "blocklist",  "denylist", "forbidden",   "banned",
        "policy",    "complexity", "insecure", "blacklisted", "trivial"};
    for (const std::string &Word : utils::splitNameWords(identifierOf(Fn)))
      if (Words.contains(Word))
        return true;
  }
  // if (password == "admin") warn("change the default password"): the
  // branch taken on a match tells the user to change it.
  const Stmt *Child = &Compare;
  DynTypedNodeList Parents = Ctx.getParents(Compare);
  for (unsigned Depth = 0; Depth < 8 && !Parents.empty(); ++Depth) {
    if (const auto *If = Parents[0].get<IfStmt>()) {
      if (If->getCond() != Child)
        return false;
      auto Literals =
          match(findAll(stringLiteral().bind("s")), *If->getThen(), Ctx);
      for (const BoundNodes &Node : Literals) {
        const auto *Lit = Node.getNodeAs<StringLiteral>("s");
        if (Lit->getCharByteWidth() != 1)
          continue;
        std::string Text = Lit->getString().lower();
        for (StringRef Hint : {"default", "weak", "insecure", "change",
                               "not allowed", "forbidden"})
          if (StringRef(Text).contains(Hint))
            return true;
      }
      return false;
    }
    const Stmt *Next = Parents[0].get<Stmt>();
    if (!Next || isa<CompoundStmt>(Next))
      return false;
    Child = Next;
    Parents = Ctx.getParents(*Next);
  }
  return false;
}

void DefaultCredentialsCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const auto *Compare = Result.Nodes.getNodeAs<Stmt>("cmp");
  auto Operands = comparedOperands(Compare);
  if (!Operands)
    return;
  for (int Swap = 0; Swap < 2; ++Swap) {
    const Expr *Value = Swap ? Operands->second : Operands->first;
    const Expr *Other = Swap ? Operands->first : Operands->second;
    const StringLiteral *Lit = literalOf(Other);
    if (!Lit || !DefaultSet.contains(Lit->getString().lower()))
      continue;
    std::optional<Role> R = roleOf(Value, Compare->getBeginLoc(), Ctx, 0);
    if (!R)
      continue;
    if (R->Password && isRejection(*Compare, Ctx))
      continue;
    // A user name alone (`if (user == "root")`) is an identity check; it is
    // a default credential when the function also checks a password
    // against a literal.
    if (!R->Password) {
      const Stmt *Body = utils::enclosingBody(*Compare, Ctx);
      if (!Body || !comparesPasswordWithLiteral(*Body, Ctx))
        continue;
    }
    SourceLocation Loc = SM.getFileLoc(Other->getBeginLoc());
    diag(Loc, "hard-coded default credential '%0' compared with %select{user "
              "name|password}1 '%2'; require a configured, non-default "
              "credential instead")
        << Lit->getString() << static_cast<unsigned>(R->Password) << R->Name;
    if (!R->Via.empty() && R->NoteLoc.isValid())
      diag(R->NoteLoc, "'%0' receives %select{user name|password}1 '%2' here",
           DiagnosticIDs::Note)
          << R->Via << static_cast<unsigned>(R->Password) << R->Name;
  }
}

} // namespace clang::tidy::exitbar
