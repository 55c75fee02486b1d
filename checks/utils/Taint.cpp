// Taint.cpp - tracks untrusted data through a unit for injection checks
// SPDX-License-Identifier: Apache-2.0

#include "utils/Taint.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/Callee.h"
#include "utils/DeclNames.h"
#include "utils/ExprValues.h"
#include "utils/IdentifierWords.h"
#include "utils/Locations.h"
#include "utils/OptionUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::exitbar::taint {

namespace {

/// Safety limit on the steps of one query; real functions need far fewer.
constexpr unsigned MaxSteps = 4000;

/// How many levels of callers a parameter is followed up to, how deep
/// summaries of callees nest, and how many call sites of one function are
/// looked at: bounds that keep a query's cost independent of the unit's size.
constexpr unsigned MaxCallerDepth = 4;
constexpr unsigned MaxSummaryDepth = 8;
constexpr unsigned MaxCallSites = 16;

/// Summaries of recursive functions are recomputed until they stop changing,
/// at most this many times.
constexpr unsigned MaxSummaryRounds = 4;

/// The most steps a path keeps: a reader follows a few dozen, and
/// summaries of recursive functions would otherwise grow a path on every
/// round and every level, making each copy of it dearer.
constexpr size_t MaxPathSteps = 48;

/// Adds \p S to the path of \p T unless the path is full.
void appendStep(Trace &T, Step S) {
  if (T.Steps.size() < MaxPathSteps)
    T.Steps.push_back(std::move(S));
}

/// Query modes besides "parameter k only" (k >= 0).
constexpr int NormalMode = -2;  ///< everything untrusted, callers followed
constexpr int SourcesMode = -1; ///< sources only, parameters are not
/// Only the return values of functions other units define.
constexpr int ExternalMode = -3;

/// True when \p E names the standard input: `stdin`, `std::cin`, or the
/// file descriptor 0 (`STDIN_FILENO`, for the stream reads that take one).
bool isStandardInput(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return I->getValue() == 0;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return llvm::StringSwitch<bool>(utils::identifierOf(Ref->getDecl()))
        .Cases("stdin", "cin", "wcin", true)
        .Default(false);
  return false;
}

/// The threat a source model's call is: a model's "file" read of the
/// standard input (`fgets(buf, n, stdin)`, `getline(&l, &n, stdin)`) is
/// "stdin". Descriptor reads (`read`) stay what their model says: a
/// service started by inetd reads its connection from descriptor 0.
Threat threatOf(const CallExpr *Call, const SourceModel &M) {
  if (M.Kind != File)
    return M.Kind;
  for (const Expr *Arg : Call->arguments()) {
    Arg = stripWrappers(Arg);
    if (isStandardInput(Arg) && !isa<IntegerLiteral>(Arg))
      return Stdin;
  }
  return File;
}

/// How notes name a function: its name, or "the lambda".
std::string functionName(const FunctionDecl &F) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F))
    if (isLambdaCallOperator(M))
      return "the lambda";
  return "'" + F.getNameAsString() + "'";
}

/// The lambda a callable object expression holds: `auto f = [..]{..}`,
/// `std::function<..> f = [..]{..}`, or a variable initialised from one.
const FunctionDecl *lambdaHeldBy(const Expr *Object) {
  const Expr *E = Object;
  for (int Depth = 0; E && Depth < 4; ++Depth) {
    E = stripWrappers(E);
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L->getCallOperator();
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      E = C->getNumArgs() >= 1 ? C->getArg(0) : nullptr;
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    E = V ? V->getInit() : nullptr;
  }
  return nullptr;
}

/// True when \p T is, after references, a class of namespace std named one
/// of \p Names, or derives from one.
bool isStdRecordNamed(QualType T, llvm::ArrayRef<StringRef> Names) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  auto Matches = [&](const CXXRecordDecl *R) {
    if (!R->isInStdNamespace())
      return false;
    StringRef N = utils::identifierOf(R);
    return llvm::is_contained(Names, N);
  };
  if (Matches(RD))
    return true;
  bool Found = false;
  RD->forallBases([&](const CXXRecordDecl *Base) {
    Found |= Matches(Base);
    return !Found;
  });
  return Found;
}

bool isStringStream(QualType T) {
  return isStdRecordNamed(
      T, {"basic_istringstream", "basic_ostringstream", "basic_stringstream"});
}

bool isInputStream(QualType T) {
  return isStdRecordNamed(T, {"basic_istream"});
}

bool isOutputStream(QualType T) {
  return isStdRecordNamed(T, {"basic_ostream"});
}

/// Types whose values cannot carry text into a command or a path.
bool isScalarNonPointer(QualType T) {
  T = T.getCanonicalType();
  // A `char` is a piece of text (a line read one character at a time,
  // `*p++ = ch`); `unsigned char`, `int` and the rest are numbers.
  if (T->isAnyCharacterType())
    return false;
  return T->isArithmeticType() || T->isEnumeralType() || T->isVoidType() ||
         T->isNullPtrType();
}

/// The class a parameter refers to, through references, pointers and
/// smart pointers (`const Request &`, `HttpRequestPtr`).
const CXXRecordDecl *pointedRecord(QualType T) {
  for (int Depth = 0; Depth < 4; ++Depth) {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || !RD->isInStdNamespace() ||
        (utils::identifierOf(RD) != "shared_ptr" &&
         utils::identifierOf(RD) != "unique_ptr"))
      return RD;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return nullptr;
    T = Args[0].getAsType();
  }
  return nullptr;
}

/// True for values that add nothing when text is joined: "", a
/// default-constructed string, `{}`, 0.
bool isEmptyContent(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *S = dyn_cast<StringLiteral>(E))
    return S->getLength() == 0;
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return C->getNumArgs() == 0 ||
           (C->getNumArgs() >= 1 && isa<CXXDefaultArgExpr>(C->getArg(0)));
  if (const auto *I = dyn_cast<InitListExpr>(E))
    return I->getNumInits() == 0;
  if (isa<ImplicitValueInitExpr>(E))
    return true;
  if (const auto *L = dyn_cast<IntegerLiteral>(E))
    return L->getValue() == 0;
  return false;
}

/// True when \p E adds text to what it is joined with: not a number, not an
/// empty string.
bool hasText(const Expr *E) {
  return !isScalarNonPointer(stripWrappers(E)->getType()) && !isEmptyContent(E);
}

/// Where in a printf format the argument at \p Position (0-based among the
/// arguments after the format) lands: true when the output has anything
/// before it, so the argument is appended to other content.
bool formatPlacesAfterContent(const StringLiteral *Format, unsigned Position) {
  if (!Format || Format->getCharByteWidth() != 1)
    return true;
  StringRef F = Format->getString();
  unsigned Arg = 0;
  for (size_t I = 0; I < F.size(); ++I) {
    if (F[I] != '%')
      continue;
    if (I + 1 < F.size() && F[I + 1] == '%') {
      ++I;
      continue;
    }
    // Skip to the conversion letter; '*' widths and precisions take
    // arguments before the value (`%.*s`: the length, then the text).
    size_t J = I + 1;
    unsigned Stars = 0;
    while (J < F.size() && !isalpha(static_cast<unsigned char>(F[J])) &&
           F[J] != '%') {
      if (F[J] == '*')
        ++Stars;
      ++J;
    }
    while (J < F.size() && StringRef("hljztLq").contains(F[J]))
      ++J;
    unsigned Value = Arg + Stars;
    // Is the argument this conversion's value, with nothing before it?
    if (Position == Value)
      return I != 0;
    if (Position < Value) // a width or precision: a number
      return true;
    Arg = Value + 1;
    I = J;
  }
  return true;
}

/// The format string literal of a call, or null.
const StringLiteral *formatLiteral(const CallExpr *Call, unsigned Index) {
  if (Index >= Call->getNumArgs())
    return nullptr;
  return dyn_cast<StringLiteral>(stripWrappers(Call->getArg(Index)));
}

/// Output positions of printf-like functions: (destination, format) argument
/// indices; the destination is written through a pointer.
std::optional<std::pair<unsigned, unsigned>> printfLike(StringRef Name) {
  return llvm::StringSwitch<std::optional<std::pair<unsigned, unsigned>>>(Name)
      .Cases("sprintf", "vsprintf", std::make_pair(0U, 1U))
      .Cases("snprintf", "vsnprintf", "swprintf", "vswprintf",
             std::make_pair(0U, 2U))
      .Case("asprintf", std::make_pair(0U, 1U))
      .Case("vasprintf", std::make_pair(0U, 1U))
      .Default(std::nullopt);
}

/// Builder methods of string classes that add their arguments to the object.
bool isBuilderMethod(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("append", "insert", "replace", "assign", "push_back", true)
      .Cases("arg", "concat", "prepend", "emplace_back", true)
      .Default(false);
}

/// Comparisons that return 0 on a match: which branch of a guard saw the
/// match decides what it validated. After `if (strcmp(s, "-v") == 0)
/// return;` s is anything but "-v"; after `if (strncmp(p, root, n) != 0)
/// return;` p starts with root.
bool isThreeWayComparison(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp", true)
      .Cases("wcscmp", "wcsncmp", "compare", "strcoll", true)
      .Default(false);
}

bool isNoReturnCall(const Expr *E) {
  E = stripWrappers(E);
  if (isa<CXXThrowExpr>(E))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      if (FD->isNoReturn())
        return true;
      return llvm::StringSwitch<bool>(utils::identifierOf(FD))
          .Cases("exit", "_exit", "_Exit", "abort", "err", "errx", true)
          .Cases("quick_exit", "terminate", true)
          .Default(false);
    }
  }
  return false;
}

/// True when a branch of an `if` always leaves the enclosing function or
/// loop iteration, so the code after the `if` runs only when it was not
/// taken.
bool branchExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isNoReturnCall(E);
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(C->body(), branchExits);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return branchExits(If->getThen()) && branchExits(If->getElse());
  return false;
}

/// True when a branch of an `if` always leaves the function (a return, a
/// throw, a call that does not return): what it writes cannot reach the
/// code after the `if`. Unlike branchExits, `break` and `continue` do not
/// count: around a loop a write before them reaches the next round.
bool branchReturns(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isNoReturnCall(E) || isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(C->body(), branchReturns);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return branchReturns(If->getThen()) && branchReturns(If->getElse());
  return false;
}

/// A variable an expression names, and the element when a constant index
/// selects one (`argv[1]`); -1 means the whole variable.
struct VarRef {
  const VarDecl *Var = nullptr;
  int64_t Element = -1;
};

/// The member of `*this` that \p M names (`data`, `this->data` in a
/// method), or null.
const FieldDecl *thisField(const MemberExpr *M) {
  if (!isa<CXXThisExpr>(stripWrappers(M->getBase())))
    return nullptr;
  return dyn_cast<FieldDecl>(M->getMemberDecl());
}

/// The members named from a local struct, outermost first
/// (`reply.head.text`: head, text).
using FieldPath = llvm::SmallVector<const FieldDecl *, 2>;

/// The local object and the chain of members that \p E names
/// (`reply.head.text` gives `reply` and head, text), or a null object:
/// writes to one member of a local struct do not reach reads of another.
/// A union's members share their storage, so a path ends above a union.
std::pair<const VarDecl *, FieldPath> localField(const Expr *E) {
  FieldPath Path;
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripWrappers(E);
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!F || M->isArrow())
        return {nullptr, {}};
      // The members of a union are one storage: the path stops at the
      // union (`u.first` and `u.second` are the same text).
      if (F->getParent()->isUnion())
        Path.clear();
      else
        Path.insert(Path.begin(), F);
      E = M->getBase();
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      if (V && !Path.empty() && V->getType()->isRecordType())
        return {V, Path};
    }
    return {nullptr, {}};
  }
  return {nullptr, {}};
}

/// True when members \p A and \p B of one object do not overlap: neither
/// path is the start of the other (`head` overlaps `head.text`).
bool disjointMembers(llvm::ArrayRef<const FieldDecl *> A,
                     llvm::ArrayRef<const FieldDecl *> B) {
  if (A.empty() || B.empty())
    return false;
  size_t Common = std::min(A.size(), B.size());
  return !std::equal(A.begin(), A.begin() + Common, B.begin());
}

/// The expression under a chain of `.` members: `reply` of
/// `reply.head.text`.
const Expr *baseRef(const MemberExpr *M) {
  const Expr *E = M;
  for (int Depth = 0; Depth < 8; ++Depth) {
    E = stripWrappers(E);
    const auto *Member = dyn_cast<MemberExpr>(E);
    if (!Member)
      return E;
    E = Member->getBase();
  }
  return E;
}

/// The variable a local reference stands for (`char *&ref = data;`): a
/// reference is never reseated, so reading or writing it is reading or
/// writing that variable where it happens; null for anything else.
const VarDecl *referencedVariable(const VarDecl *V) {
  if (!V || !V->isLocalVarDecl() || !V->getType()->isReferenceType() ||
      !V->getInit())
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(V->getInit()->IgnoreParenImpCasts());
  const auto *Target = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Target != V ? Target : nullptr;
}

/// The variable written through \p E (`buf`, `&s`, `buf + n`, `arr[2]`,
/// `req.field`), and whether the whole variable is overwritten. A write
/// into a member of `*this` sets \p ThisField (when given) instead.
std::pair<const VarDecl *, bool>
writtenVariable(const Expr *E, const FieldDecl **ThisField = nullptr) {
  bool Whole = true;
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = stripWrappers(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return {dyn_cast<VarDecl>(Ref->getDecl()), Whole};
    if (const auto *M = dyn_cast<MemberExpr>(E); M && ThisField)
      if (const FieldDecl *Field = thisField(M)) {
        *ThisField = Field;
        return {nullptr, Whole};
      }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf) {
        E = U->getSubExpr();
        continue;
      }
      // `*p`, and `*p++` of a pointer that walks a buffer.
      if (U->getOpcode() == UO_Deref ||
          (U->isIncrementDecrementOp() &&
           U->getSubExpr()->getType()->isPointerType())) {
        Whole = false;
        E = U->getSubExpr();
        continue;
      }
      return {nullptr, false};
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      Whole = false;
      E = A->getBase();
      continue;
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      Whole = false;
      E = M->getBase();
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (!B->isAdditiveOp())
        return {nullptr, false};
      Whole = false;
      E = B->getLHS()->getType()->isPointerType() ? B->getLHS() : B->getRHS();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
        Whole = false;
        E = Op->getArg(0);
        continue;
      }
      return {nullptr, false};
    }
    return {nullptr, false};
  }
  return {nullptr, false};
}

/// The leftmost stream operand of a chain `s << a << b`.
const Expr *streamRoot(const CXXOperatorCallExpr *Op) {
  const Expr *E = Op->getArg(0);
  for (int Depth = 0; Depth < 64; ++Depth) {
    const auto *Inner = dyn_cast<CXXOperatorCallExpr>(stripWrappers(E));
    if (!Inner || Inner->getOperator() != Op->getOperator() ||
        Inner->getNumArgs() != 2)
      break;
    E = Inner->getArg(0);
  }
  return stripWrappers(E);
}

} // namespace

bool globMatch(StringRef Pattern, StringRef Text) {
  // Iterative wildcard matching with single-star backtracking.
  size_t P = 0;
  size_t T = 0;
  size_t Star = StringRef::npos;
  size_t Mark = 0;
  auto Lower = [](char C) { return llvm::toLower(C); };
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = T;
    } else if (P < Pattern.size() && Lower(Pattern[P]) == Lower(Text[T])) {
      ++P;
      ++T;
    } else if (Star != StringRef::npos) {
      P = Star + 1;
      T = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

bool globMatchAny(const std::vector<std::string> &Patterns, StringRef Text) {
  return !Text.empty() && llvm::any_of(Patterns, [&](const std::string &P) {
    return globMatch(P, Text);
  });
}

bool isText(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  if (T->isArrayType())
    return T->getArrayElementTypeNoTypeQual()->isAnyCharacterType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  return llvm::StringSwitch<bool>(utils::identifierOf(RD))
      .Cases("basic_string", "basic_string_view", "path", "QString",
             "QByteArray", true)
      .Cases("StringRef", "string_view", "QStringView", "Twine", "CString",
             true)
      .Cases("basic_ostringstream", "basic_stringstream", true)
      .Default(false);
}

bool isStringLike(QualType T) {
  if (isText(T))
    return true;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType()) {
    QualType Elem = T->isPointerType()
                        ? T->getPointeeType()
                        : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    Elem = Elem.getCanonicalType();
    if (Elem->isAnyCharacterType())
      return true;
    // argv-like arrays of strings.
    if (Elem->isPointerType() || Elem->isArrayType() || Elem->isRecordType())
      return isStringLike(Elem);
    return false;
  }
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  StringRef Name = utils::identifierOf(RD);
  if (llvm::StringSwitch<bool>(Name)
          .Cases("basic_string", "basic_string_view", "path", "QString",
                 "QByteArray", true)
          .Cases("StringRef", "string_view", "QStringView", "Twine", "CString",
                 true)
          .Default(false))
    return true;
  // Containers of strings: vector<string>, array<const char *, N>, ...
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    if (!llvm::StringSwitch<bool>(Name)
             .Cases("vector", "array", "list", "deque", "span", true)
             .Cases("initializer_list", "optional", "QStringList", true)
             .Default(false))
      return false;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
           isStringLike(Args[0].getAsType());
  }
  return Name == "QStringList";
}

namespace {

/// The class of the object \p Object refers to when the code says it: an
/// object variable, or a reference or pointer variable initialised from a
/// new object (`Base &b = Derived();`, `Base *b = new Derived;`); null when
/// unknown. A pointer reassigned later is still taken to hold its first
/// object, as for function-pointer variables.
const CXXRecordDecl *knownDynamicClass(const Expr *Object) {
  const auto *Ref = dyn_cast<DeclRefExpr>(stripWrappers(Object));
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V)
    return nullptr;
  QualType T = V->getType();
  if (!T->isReferenceType() && !T->isPointerType())
    return T->getAsCXXRecordDecl();
  const Expr *Init = V->getInit() ? stripWrappers(V->getInit()) : nullptr;
  if (const auto *New = dyn_cast_or_null<CXXNewExpr>(Init))
    return New->getAllocatedType()->getAsCXXRecordDecl();
  if (isa_and_nonnull<CXXConstructExpr>(Init))
    return Init->getType()->getAsCXXRecordDecl();
  return nullptr;
}

} // namespace

std::pair<const FunctionDecl *, unsigned> resolveCall(const CallExpr &Call) {
  if (const FunctionDecl *FD = Call.getDirectCallee()) {
    // A virtual call on an object whose class the code names runs that
    // class's override.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      if (const CXXMethodDecl *MD = Member->getMethodDecl();
          MD && MD->isVirtual())
        if (const CXXRecordDecl *Dynamic =
                knownDynamicClass(Member->getImplicitObjectArgument()))
          if (const CXXMethodDecl *Final =
                  MD->getCorrespondingMethodInClass(Dynamic))
            return {Final, 0};
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
    const auto *M = dyn_cast<CXXMethodDecl>(FD);
    if (!Op || !M || M->isStatic())
      return {FD, 0};
    if (Op->getOperator() == OO_Call && !isLambdaCallOperator(M) &&
        Op->getNumArgs() > 0)
      if (const FunctionDecl *Lambda = lambdaHeldBy(Op->getArg(0)))
        return {Lambda, 1};
    return {FD, 1};
  }
  // Through a function-pointer variable: `handler_fn h = runJob; h(cmd);`.
  const Expr *Callee = stripWrappers(Call.getCallee());
  if (const auto *U = dyn_cast<UnaryOperator>(Callee))
    if (U->getOpcode() == UO_Deref)
      Callee = stripWrappers(U->getSubExpr());
  const auto *Ref = dyn_cast<DeclRefExpr>(Callee);
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V || !V->getInit())
    return {nullptr, 0};
  const Expr *Init = stripWrappers(V->getInit());
  if (const auto *U = dyn_cast<UnaryOperator>(Init))
    if (U->getOpcode() == UO_AddrOf)
      Init = stripWrappers(U->getSubExpr());
  if (const auto *Target = dyn_cast<DeclRefExpr>(Init))
    if (const auto *FD = dyn_cast<FunctionDecl>(Target->getDecl()))
      return {FD, 0};
  return {nullptr, 0};
}

void notePath(ClangTidyCheck &Check, const Trace &T, const SourceManager &SM) {
  for (const Step &S : T.Steps)
    if (S.Loc.isValid())
      Check.diag(SM.getExpansionLoc(S.Loc), "%0", DiagnosticIDs::Note)
          << S.Text;
}

std::string describeOrigin(const Origin &O) {
  switch (O.K) {
  case Origin::Kind::Parameter:
    return "parameter '" + O.Name + "'";
  case Origin::Kind::CommandLine:
    return "the command line ('" + O.Name + "')";
  case Origin::Kind::Environment:
    if (O.Param)
      return "the environment ('" + O.Name + "')";
    return "'" + O.Name + "'";
  case Origin::Kind::Input:
  case Origin::Kind::Network:
    return "'" + O.Name + "'";
  case Origin::Kind::External:
    if (O.Global)
      return "global " + O.Name;
    return "the value " + O.Name + " returns";
  }
  return "'" + O.Name + "'";
}

//===----------------------------------------------------------------------===//
// The per-function index
//===----------------------------------------------------------------------===//

/// What reaches one slot of a function: a source inside it (or inside what
/// it calls), and the parameters whose data does, each with its path.
struct TaintAnalysis::SlotSummary {
  std::optional<Trace> Source;
  llvm::SmallVector<std::pair<unsigned, Trace>, 2> Params;
  enum class State { Fresh, InProgress, Done } Progress = State::Fresh;
  /// Read while being computed: the function is recursive.
  bool ReadEarly = false;
};

/// Definitions, validations and the evaluation order of one function body.
class TaintAnalysis::FunctionIndex {
public:
  FunctionIndex(const FunctionDecl &F, const Config &C, ASTContext &Ctx,
                TaintAnalysis &Owner)
      : Cfg(C), Ctx(Ctx), Owner(Owner) {
    FnStack.push_back(&F);
    // A constructor's member initializers (`: data(copy)`) write the
    // members before its body runs.
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        const FieldDecl *Field = Init->getMember();
        const VarDecl *Member = Field && Init->isWritten()
                                    ? Owner.fieldVariable(*Field, Ctx)
                                    : nullptr;
        if (!Member || !Init->getInit())
          continue;
        walk(Init->getInit());
        CurLoc = Init->getSourceLocation();
        Def D;
        D.Values.push_back(Init->getInit());
        addDef(Member, std::move(D));
      }
    if (const Stmt *Body = F.getBody())
      walk(Body);
  }

  std::optional<Trace> find(const Expr &E, const Stmt &At, unsigned Depth = 0,
                            bool LineBreaksSuffice = false) {
    auto AtSeq = Seq.find(&At);
    if (AtSeq == Seq.end())
      return std::nullopt;
    Query Q{AtSeq->second, 0, NormalMode, nullptr, nullptr, Depth};
    Q.LineBreaksSuffice = LineBreaksSuffice;
    return taintOf(&E, Q);
  }

  /// True when the function writes \p V before \p Seq.
  bool hasDefBefore(const VarDecl *V, unsigned Seq) const {
    auto It = Defs.find(V);
    return It != Defs.end() &&
           llvm::any_of(It->second, [&](const Def &D) { return D.Seq < Seq; });
  }

  /// What \p V holds when the function ends, from the function's own
  /// writes: what a reader of a global in another function of the unit
  /// sees after this one ran.
  std::optional<Trace> valueAtEnd(const VarDecl &V, unsigned Depth,
                                  int Mode = NormalMode) {
    const Stmt *Body = FnStack.front()->getBody();
    if (!Body || Seq.find(Body) == Seq.end() || !Defs.count(&V))
      return std::nullopt;
    Query Q{seqOf(Body) + 1, 0, Mode, nullptr, nullptr, Depth};
    return varTaint(&V, -1, seqOf(Body) + 1, Q);
  }

  /// True for a writable global variable of the project that other units
  /// can write too.
  bool isLinkedGlobal(const VarDecl &V) const {
    return V.hasGlobalStorage() && !V.isStaticLocal() &&
           V.isExternallyVisible() && !V.getType().isConstQualified() &&
           !utils::isInSystemHeader(Ctx.getSourceManager(), V.getLocation());
  }

  /// The value from another unit that \p E carries.
  std::optional<Trace> externalValueReaching(const Expr &E, const Stmt &At) {
    auto AtSeq = Seq.find(&At);
    if (AtSeq == Seq.end())
      return std::nullopt;
    Query Q{AtSeq->second, 0, ExternalMode, nullptr, nullptr, 0};
    return taintOf(&E, Q);
  }

  /// The parameters of \p F (the function this index walked) whose data
  /// \p E carries where \p At is evaluated, each with its path.
  void
  parametersReaching(const FunctionDecl &F, const Expr &E, const Stmt &At,
                     llvm::SmallVectorImpl<std::pair<unsigned, Trace>> &Out) {
    auto AtSeq = Seq.find(&At);
    if (AtSeq == Seq.end())
      return;
    unsigned N = std::min(F.getNumParams(), 8U);
    for (unsigned K = 0; K < N; ++K) {
      if (isScalarNonPointer(
              F.getParamDecl(K)->getType().getNonReferenceType()))
        continue;
      Query Q{AtSeq->second, 0, static_cast<int>(K), &F, nullptr, 0};
      if (auto T = taintOf(&E, Q))
        Out.push_back({K, std::move(*T)});
    }
  }

  /// What reaches slot \p Slot of \p F (a function whose body this index
  /// walked): the sources, and each parameter that does.
  void summarise(const FunctionDecl &F, int Slot, unsigned Depth,
                 std::optional<Trace> &Source,
                 llvm::SmallVectorImpl<std::pair<unsigned, Trace>> &Params) {
    const Stmt *Body = F.getBody();
    if (!Body || Seq.find(Body) == Seq.end())
      return;
    unsigned End = seqOf(Body) + 1;
    const ParmVarDecl *Self =
        Slot >= 0 && static_cast<unsigned>(Slot) < F.getNumParams()
            ? F.getParamDecl(Slot)
            : nullptr;
    auto Run = [&](int Mode) -> std::optional<Trace> {
      if (Slot < 0) {
        auto It = Returns.find(&F);
        if (It == Returns.end())
          return std::nullopt;
        for (const ReturnStmt *R : It->second) {
          Query Q{seqOf(R), 0, Mode, &F, nullptr, Depth};
          if (auto T = taintOf(R->getRetValue(), Q)) {
            appendStep(*T, {R->getBeginLoc(), functionName(F) + " returns it"});
            return T;
          }
        }
        return std::nullopt;
      }
      if (!Self)
        return std::nullopt;
      Query Q{End, 0, Mode, &F, Self, Depth};
      return varTaint(Self, -1, End, Q);
    };
    Source = Run(SourcesMode);
    unsigned N = std::min(F.getNumParams(), 8U);
    for (unsigned K = 0; K < N; ++K) {
      const ParmVarDecl *P = F.getParamDecl(K);
      if (P == Self || isScalarNonPointer(P->getType().getNonReferenceType()))
        continue;
      if (auto T = Run(static_cast<int>(K)))
        Params.push_back({K, std::move(*T)});
    }
  }

  const Expr *lastAssignedValue(const VarDecl &V, const Stmt &At) {
    auto AtSeq = Seq.find(&At);
    unsigned Limit = AtSeq == Seq.end() ? ~0U : AtSeq->second;
    const Expr *Value = nullptr;
    auto It = Defs.find(&V);
    if (It == Defs.end())
      return nullptr;
    for (const Def &D : It->second)
      if (D.Seq < Limit && D.K == Def::Assign && D.Values.size() == 1)
        Value = D.Values.front();
    return Value;
  }

private:
  /// One write to a variable.
  struct Def {
    /// CallOut: a call of the unit's own function that may write through
    /// the pointer or reference it is given.
    enum Kind { Assign, Append, Input, CallOut } K = Assign;
    unsigned Seq = 0;
    /// Where the write is, for the notes of a path.
    SourceLocation Loc;
    /// The innermost branch, loop body or lambda the write is in, or -1.
    int Region = -1;
    /// CallOut: the call, the function and its parameter written through.
    const CallExpr *Call = nullptr;
    const FunctionDecl *Callee = nullptr;
    unsigned Slot = 0, Offset = 0;
    /// CallOut: Callee is defined in another unit (a declaration).
    bool External = false;
    /// Assign/Append: the values written.
    llvm::SmallVector<const Expr *, 2> Values;
    /// Values that land after other content of the same write, e.g. the
    /// second argument of `snprintf(p, n, "/srv/%s", name)`.
    llvm::SmallPtrSet<const Expr *, 2> AfterContent;
    /// Input: where the data came from.
    Origin Src;
    /// False for writes into part of the variable (`fgets(buf + n, ...)`).
    bool Whole = true;
    /// A write into this member of a local struct only (localField).
    FieldPath Field;
    /// The write joins its values with other text (a format with more than
    /// a lone "%s").
    bool Combines = false;
  };

  /// Evidence that a variable was validated.
  struct Validation {
    int64_t Element = -1;
    unsigned Seq = 0;            ///< when the check happened
    bool After = false;          ///< holds for everything after Seq
    unsigned Begin = 0, End = 0; ///< else: holds inside [Begin, End]
    /// Only line breaks (or other white space) were rejected: enough for
    /// input a command reads line by line, not for a shell command line.
    bool LineBreaksOnly = false;
  };

  struct Query {
    unsigned Sink;
    unsigned Steps;
    /// NormalMode, SourcesMode, or k: only parameter k of Fn is untrusted.
    int Mode;
    /// The function being summarised (summary modes).
    const FunctionDecl *Fn;
    /// The out-parameter being summarised: its own value is no news.
    const ParmVarDecl *Self;
    /// How many functions this query is away from the one first asked.
    unsigned Depth;
    /// Rejecting line breaks validates (see Validation::LineBreaksOnly).
    bool LineBreaksSuffice = false;
  };

  /// A part of the body that may run or not, or run again: a branch, a
  /// loop's body, a switch's cases, a lambda's body.
  struct Region {
    unsigned Begin = 0, End = ~0U; ///< evaluation-order range
    int Parent = -1;
    /// The other branch of the same `if`, or -1.
    int Sibling = -1;
    bool Loop = false;
    bool Conditional = true;
    /// A branch that always leaves the function (branchReturns).
    bool Returns = false;
    /// A lambda's body, whose `return` leaves the lambda only.
    bool Lambda = false;
  };

  //--- Building -------------------------------------------------------------

  void number(const Stmt *S) { Seq[S] = ++Counter; }

  void openRegion(bool Loop, bool Conditional = true) {
    Region R;
    R.Begin = Counter + 1;
    R.Parent = CurRegion;
    R.Loop = Loop;
    R.Conditional = Conditional;
    Regions.push_back(R);
    CurRegion = static_cast<int>(Regions.size()) - 1;
  }

  void closeRegion() {
    Regions[CurRegion].End = Counter;
    CurRegion = Regions[CurRegion].Parent;
  }

  /// Walks \p S as a region of its own; returns the region.
  int walkRegion(const Stmt *S, bool Loop, bool Conditional = true) {
    openRegion(Loop, Conditional);
    int R = CurRegion;
    walk(S);
    closeRegion();
    return R;
  }

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walk(If->getInit());
      walk(If->getConditionVariableDeclStmt());
      walk(If->getCond());
      Guard G;
      G.CondSeq = Counter;
      G.Then.first = Counter + 1;
      int Then = walkRegion(If->getThen(), false);
      G.Then.second = Counter;
      G.Else.first = Counter + 1;
      int Else = walkRegion(If->getElse(), false);
      G.Else.second = Counter;
      Regions[Then].Sibling = Else;
      Regions[Else].Sibling = Then;
      Regions[Then].Returns = branchReturns(If->getThen());
      Regions[Else].Returns = branchReturns(If->getElse());
      number(If);
      G.IfSeq = Counter;
      G.ThenExits = branchExits(If->getThen());
      G.ElseExits = branchExits(If->getElse());
      if (const Expr *Cond = If->getCond())
        scanCondition(Cond, G, /*Positive=*/true, 0);
      return;
    }
    if (const auto *For = dyn_cast<CXXForRangeStmt>(S)) {
      walk(For->getInit());
      walk(For->getRangeInit());
      openRegion(/*Loop=*/true);
      if (const VarDecl *LoopVar = For->getLoopVariable()) {
        number(For->getLoopVarStmt());
        Def D;
        D.Loc = LoopVar->getLocation();
        D.Values.push_back(For->getRangeInit());
        addDef(LoopVar, std::move(D));
      }
      walk(For->getBody());
      closeRegion();
      number(For);
      return;
    }
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      walk(For->getInit());
      openRegion(/*Loop=*/true);
      walk(For->getConditionVariableDeclStmt());
      walk(For->getCond());
      walk(For->getBody());
      walk(For->getInc());
      closeRegion();
      number(For);
      return;
    }
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      openRegion(/*Loop=*/true);
      walk(While->getConditionVariableDeclStmt());
      walk(While->getCond());
      walk(While->getBody());
      closeRegion();
      number(While);
      return;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      // The body runs at least once: its writes dominate what follows.
      openRegion(/*Loop=*/true, /*Conditional=*/false);
      walk(Do->getBody());
      walk(Do->getCond());
      closeRegion();
      number(Do);
      return;
    }
    if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      walk(Switch->getInit());
      walk(Switch->getConditionVariableDeclStmt());
      walk(Switch->getCond());
      walkRegion(Switch->getBody(), false);
      number(Switch);
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        walk(Init);
      // The body runs when the lambda is called, any number of times.
      FnStack.push_back(Lambda->getCallOperator());
      Regions[walkRegion(Lambda->getBody(), /*Loop=*/true)].Lambda = true;
      FnStack.pop_back();
      number(Lambda);
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child);
    number(S);
    visit(S);
  }

  void addDef(const VarDecl *V, Def D) {
    if (!V)
      return;
    D.Seq = Counter;
    D.Region = CurRegion;
    if (D.Loc.isInvalid())
      D.Loc = CurLoc;
    Defs[V].push_back(std::move(D));
  }

  /// Records \p D as a write through \p Target: into the variable it names
  /// and, when that is a local pointer set to point into another variable
  /// (`char *p = buf; fgets(p, ...)`), into that variable too.
  void addDefThrough(const Expr *Target, Def D) {
    // Writing into a view of a buffer (`boost::asio::buffer(data)`, a
    // model passing its argument to its result) writes into the buffer.
    if (const auto *View = dyn_cast<CallExpr>(stripWrappers(Target)))
      if (const FunctionModel *M = Cfg.Models->find(View->getDirectCallee()))
        for (const PropagatorModel &P : M->Propagators)
          if (P.To.K == Slot::Return && P.From.K == Slot::Argument &&
              P.From.Index < View->getNumArgs()) {
            Target = View->getArg(P.From.Index);
            break;
          }
    const FieldDecl *Field = nullptr;
    auto [Var, Whole] = writtenVariable(Target, &Field);
    if (!Var && Field)
      Var = Owner.fieldVariable(*Field, Ctx);
    if (const VarDecl *Referenced = referencedVariable(Var))
      Var = Referenced;
    if (!Var)
      return;
    D.Whole = Whole;
    if (auto [Object, Members] = localField(Target); Object && Object == Var)
      D.Field = std::move(Members);
    if (!Whole && D.K == Def::Assign)
      D.K = Def::Append;
    if (Var->getType()->isPointerType() && !isa<ParmVarDecl>(Var)) {
      auto It = Defs.find(Var);
      const Def *Init = nullptr;
      if (It != Defs.end())
        for (const Def &Earlier : It->second)
          if (Earlier.K == Def::Assign && Earlier.Values.size() == 1)
            Init = &Earlier;
      if (Init) {
        auto [Base, BaseWhole] = writtenVariable(Init->Values.front());
        if (Base && Base != Var &&
            (Base->getType()->isArrayType() ||
             Base->getType()->isPointerType())) {
          Def Alias = D;
          Alias.Whole = Whole && BaseWhole;
          if (!Alias.Whole && Alias.K == Def::Assign)
            Alias.K = Def::Append;
          addDef(Base, std::move(Alias));
        }
      }
    }
    addDef(Var, std::move(D));
  }

  /// Records a write through \p Target of \p Values (or of input).
  void addWrite(const Expr *Target, llvm::ArrayRef<const Expr *> Values,
                bool Appends, const Expr *Leading = nullptr,
                bool Combines = false) {
    Def D;
    D.K = Appends ? Def::Append : Def::Assign;
    D.Combines = Combines;
    for (const Expr *V : Values) {
      D.Values.push_back(V);
      if (Leading != nullptr && V != Leading)
        D.AfterContent.insert(V);
    }
    addDefThrough(Target, std::move(D));
  }

  void addInput(const Expr *Target, Origin Src) {
    Def D;
    D.K = Def::Input;
    D.Src = std::move(Src);
    addDefThrough(Target, std::move(D));
  }

  /// The definition of the unit's own function a call runs, if the unit has
  /// its body and it is not in a system header.
  const FunctionDecl *projectDefinition(const FunctionDecl *FD) const {
    const FunctionDecl *Definition = nullptr;
    if (!FD || !FD->hasBody(Definition) || !Definition ||
        Definition->getBuiltinID() != 0 ||
        utils::isInSystemHeader(Ctx.getSourceManager(),
                                Definition->getLocation()))
      return nullptr;
    return Definition;
  }

  /// A call of the unit's own function may fill the buffers and objects it
  /// is given through non-const pointers and references.
  void addCallOuts(const CallExpr *Call) {
    auto [Target, Offset] = resolveCall(*Call);
    const FunctionDecl *Callee = projectDefinition(Target);
    // A function another unit defines may fill them too: what it writes
    // is linked across units (externalValueReaching).
    bool External =
        !Callee && Target && !Target->hasBody() &&
        Target->getBuiltinID() == 0 &&
        !utils::isInSystemHeader(Ctx.getSourceManager(), Target->getLocation());
    if (External)
      Callee = Target;
    if (!Callee)
      return;
    for (unsigned K = 0;
         K < Callee->getNumParams() && K + Offset < Call->getNumArgs(); ++K) {
      QualType T = Callee->getParamDecl(K)->getType();
      bool Writable =
          (T->isPointerType() && !T->getPointeeType().isConstQualified() &&
           !T->getPointeeType()->isFunctionType()) ||
          (T->isLValueReferenceType() &&
           !T.getNonReferenceType().isConstQualified());
      if (!Writable || (!isStringLike(T) && !pointedRecord(T)))
        continue;
      Def D;
      D.K = Def::CallOut;
      D.Call = Call;
      D.Callee = Callee;
      D.Slot = K;
      D.Offset = Offset;
      D.External = External;
      D.Loc = Call->getArg(K + Offset)->getBeginLoc();
      addDefThrough(Call->getArg(K + Offset), std::move(D));
    }
  }

  static Origin callOrigin(const CallExpr *Call, StringRef Name, Threat T) {
    Origin O;
    switch (T) {
    case Remote:
      O.K = Origin::Kind::Network;
      break;
    case Environment:
      O.K = Origin::Kind::Environment;
      break;
    case CommandArgs:
      O.K = Origin::Kind::CommandLine;
      break;
    default:
      O.K = Origin::Kind::Input;
    }
    O.Name = Name.str();
    O.Loc = Call->getBeginLoc();
    O.Remote = T == Remote;
    return O;
  }

  /// Records what \p Call does to its arguments as \p M says: data read
  /// into them (when its threat model is analysed; otherwise they are
  /// overwritten with data no one tracks), or copied into them. False when
  /// the model says nothing of the arguments.
  bool addModelledWrites(const CallExpr *Call, StringRef Name,
                         const FunctionModel &M) {
    unsigned N = Call->getNumArgs();
    bool Applied = false;
    for (const SourceModel &Source : M.Sources) {
      if (Source.Into.K == Slot::Return)
        continue;
      Threat T = threatOf(Call, Source);
      for (unsigned I = 0; I < N; ++I) {
        if (!Source.Into.covers(I))
          continue;
        Applied = true;
        if (Cfg.Threats & T)
          addInput(Call->getArg(I), callOrigin(Call, Name, T));
        else
          addWrite(Call->getArg(I), {}, /*Appends=*/false);
      }
    }
    for (const PropagatorModel &P : M.Propagators) {
      if (P.To.K == Slot::Return)
        continue;
      llvm::SmallVector<const Expr *, 4> Values;
      for (unsigned I = 0; I < N; ++I)
        if (P.From.covers(I) && !P.To.covers(I))
          Values.push_back(Call->getArg(I));
      for (unsigned I = 0; I < N; ++I) {
        if (!P.To.covers(I) || Values.empty() ||
            isa<CXXNullPtrLiteralExpr, GNUNullExpr>(
                stripWrappers(Call->getArg(I))))
          continue;
        Applied = true;
        addWrite(Call->getArg(I), Values, P.Appends);
      }
    }
    return Applied;
  }

  /// Reads from a stream: `std::getline(in, s)`, `in >> s`, `in.read(b, n)`.
  void addStreamRead(const Expr *Stream, const Expr *Target,
                     const CallExpr *Call, StringRef Name) {
    const Expr *S = stripWrappers(Stream);
    if (isStringStream(S->getType())) {
      // Reading a string stream copies what was put into it.
      addWrite(Target, {S}, /*Appends=*/false);
      return;
    }
    Threat T = isStandardInput(S) ? Stdin : File;
    if (Cfg.Threats & T)
      addInput(Target, callOrigin(Call, Name, T));
    else
      addWrite(Target, {}, /*Appends=*/false);
  }

  void visit(const Stmt *S) {
    CurLoc = S->getBeginLoc();
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      if (R->getRetValue())
        Returns[FnStack.back()].push_back(R);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (const Expr *Init = V->getInit()) {
            Def Definition;
            Definition.Loc = V->getLocation();
            Definition.Values.push_back(Init);
            addDef(V, std::move(Definition));
          }
      return;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign)
        addWrite(B->getLHS(), {B->getRHS()}, false);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      visitOperator(Op);
      return;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
      visitMemberCall(Member);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S))
      visitCall(Call);
  }

  void visitOperator(const CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_Call) {
      addCallOuts(Op);
      return;
    }
    if (Op->getNumArgs() != 2)
      return;
    switch (Op->getOperator()) {
    case OO_Equal:
      addWrite(Op->getArg(0), {Op->getArg(1)}, false);
      return;
    case OO_PlusEqual:
    case OO_SlashEqual:
      addWrite(Op->getArg(0), {Op->getArg(1)}, true);
      return;
    case OO_LessLess: {
      const Expr *Root = streamRoot(Op);
      if (isOutputStream(Root->getType()) && isStringStream(Root->getType()))
        addWrite(Root, {Op->getArg(1)}, true);
      return;
    }
    case OO_GreaterGreater: {
      const Expr *Root = streamRoot(Op);
      if (isInputStream(Root->getType()))
        addStreamRead(Root, Op->getArg(1), Op, "operator>>");
      return;
    }
    default:
      return;
    }
  }

  void visitMemberCall(const CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    StringRef Name = utils::identifierOf(Method);
    const Expr *Object = Call->getImplicitObjectArgument();
    if (Name.empty() || !Object)
      return;
    if (isInputStream(Object->getType())) {
      if (llvm::StringSwitch<bool>(Name)
              .Cases("getline", "read", "get", "readsome", true)
              .Default(false) &&
          Call->getNumArgs() >= 1)
        addStreamRead(Object, Call->getArg(0), Call, Name);
      return;
    }
    if (isStringLike(Object->getType()) && isBuilderMethod(Name)) {
      llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
      addWrite(Object, Args, Name != "assign");
      return;
    }
    if (const FunctionModel *M = Cfg.Models->find(Method))
      if (addModelledWrites(Call, Name, *M))
        return;
    addCallOuts(Call);
    // `validatePath(p);` returns nothing: it throws or exits when p is bad.
    if (isValidatorName(Name) && Call->getType()->isVoidType())
      addValidations(Call, Counter, Counter, {0, 0});
  }

  void visitCall(const CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    StringRef Name = utils::identifierOf(FD);
    if (Name.empty()) {
      // Through a pointer or a macro named after a modelled API (`p_recv`
      // from dlsym, `#define RECV (*api.recv)`): that API's model.
      std::string Api = utils::calledApiName(*Call, Ctx);
      if (const FunctionModel *M =
              Api.empty() ? nullptr : Cfg.Models->find(Api))
        if (addModelledWrites(Call, Api, *M))
          return;
      addCallOuts(Call); // through a function pointer
      return;
    }
    unsigned N = Call->getNumArgs();
    if (isLibraryFunction(FD)) {
      if (Name == "getline" && FD->isInStdNamespace() && N >= 2) {
        addStreamRead(Call->getArg(0), Call->getArg(1), Call, "std::getline");
        return;
      }
      // The printf family: where the formatted data lands in the output
      // depends on the format string, which no model can say.
      if (auto Printf = printfLike(Name)) {
        auto [Dest, FormatIndex] = *Printf;
        if (FormatIndex >= N)
          return;
        const StringLiteral *Format = formatLiteral(Call, FormatIndex);
        llvm::SmallVector<const Expr *, 4> Values;
        Values.push_back(Call->getArg(FormatIndex));
        const Expr *Leading = Call->getArg(FormatIndex);
        if (Format) {
          Leading = nullptr;
          for (unsigned I = FormatIndex + 1; I < N; ++I) {
            Values.push_back(Call->getArg(I));
            if (!formatPlacesAfterContent(Format, I - FormatIndex - 1))
              Leading = Call->getArg(I);
          }
        }
        bool Plain = Format && Format->getCharByteWidth() == 1 &&
                     Format->getString() == "%s" && Values.size() == 2;
        addWrite(Call->getArg(Dest), Values, false, Leading ? Leading : Call,
                 !Plain);
        return;
      }
    }
    if (const FunctionModel *M = Cfg.Models->find(FD))
      if (addModelledWrites(Call, Name, *M))
        return;
    addCallOuts(Call);
    // `validatePath(p);` returns nothing: it throws or exits when p is bad.
    if (isValidatorName(Name) && Call->getType()->isVoidType())
      addValidations(Call, Counter, Counter, {0, 0});
  }

  //--- Validation -------------------------------------------------------------

  [[nodiscard]] bool isValidatorName(StringRef Name) const {
    return globMatchAny(Cfg.Validators, Name);
  }

  /// Variables an expression mentions, with the constant element selected.
  void collectMentions(const Stmt *S, llvm::SmallVectorImpl<VarRef> &Out,
                       int Depth = 0) {
    if (!S || Depth > 24)
      return;
    if (const auto *M = dyn_cast<MemberExpr>(S))
      if (const FieldDecl *Field = thisField(M)) {
        if (const VarDecl *Member = Owner.fieldVariable(*Field, Ctx))
          Out.push_back({Member, -1});
        return;
      }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(S)) {
      const Expr *Base = stripWrappers(A->getBase());
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl())) {
          const Expr *Idx = A->getIdx();
          int64_t Element =
              utils::int64Value(Idx, V->getASTContext()).value_or(-1);
          Out.push_back({V, Element});
          collectMentions(Idx, Out, Depth + 1);
          return;
        }
      }
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        Out.push_back({V, -1});
      return;
    }
    if (isa<LambdaExpr>(S))
      return;
    for (const Stmt *Child : S->children())
      collectMentions(Child, Out, Depth + 1);
  }

  /// Records that the variables \p Check mentions (and the variables they
  /// were computed from) are validated inside \p Range once \p CondSeq is
  /// reached and, when \p AfterSeq is not 0, everywhere after it.
  void addValidations(const Expr *Check, unsigned CondSeq, unsigned AfterSeq,
                      std::pair<unsigned, unsigned> Range, unsigned IfSeq = 0,
                      bool LineBreaksOnly = false) {
    llvm::SmallVector<VarRef, 8> Mentioned;
    collectMentions(Check, Mentioned);
    // One level of aliases: `char c = name[i]`, `bool ok = ...`, the range
    // of a range-for loop, `const char *p = s.c_str()`.
    size_t Direct = Mentioned.size();
    for (size_t I = 0; I < Direct; ++I) {
      auto It = Defs.find(Mentioned[I].Var);
      if (It == Defs.end())
        continue;
      for (const Def &D : It->second)
        for (const Expr *V : D.Values)
          collectMentions(V, Mentioned);
    }
    // A guarded branch that overwrites the checked value, or part of it,
    // with a constant sanitises it in place (`if (!isalnum(*p)) *p =
    // '_';`, `if (!isSafe(n)) n = "guest";`): the value is fine after the
    // `if` whichever way it went. A branch that builds a new value from
    // something else (`cmd = ...; sprintf(cmd, ...)`) is not that.
    auto Sanitises = [&](const Def &D) {
      return D.Seq >= Range.first && D.Seq <= Range.second &&
             D.K != Def::Input && !D.Values.empty() &&
             llvm::all_of(D.Values, [](const Expr *V) {
               return isa<StringLiteral, CharacterLiteral, IntegerLiteral,
                          CXXNullPtrLiteralExpr, GNUNullExpr>(stripWrappers(V));
             });
    };
    if (AfterSeq == 0 && IfSeq != 0 && Range.second >= Range.first &&
        llvm::any_of(Mentioned, [&](const VarRef &Ref) {
          auto It = Defs.find(Ref.Var);
          return It != Defs.end() && llvm::any_of(It->second, Sanitises);
        }))
      AfterSeq = IfSeq;
    for (const VarRef &Ref : Mentioned) {
      llvm::SmallVector<Validation, 2> &List = Vals[Ref.Var];
      if (Range.first != 0 && Range.second >= Range.first)
        List.push_back({Ref.Element, CondSeq, false, Range.first, Range.second,
                        LineBreaksOnly});
      if (AfterSeq != 0)
        List.push_back({Ref.Element, AfterSeq, true, 0, 0, LineBreaksOnly});
    }
  }

  /// True when \p E is a string literal (an allow-list entry).
  static bool isLiteral(const Expr *E) {
    return isa<StringLiteral>(stripWrappers(E));
  }

  /// True for the integer literal 0 (`strcmp(a, b) == 0`).
  static bool isZero(const Expr *E) {
    if (const auto *I = dyn_cast<IntegerLiteral>(stripWrappers(E)))
      return I->getValue() == 0;
    return false;
  }

  /// The callee when it is the project's own: declared outside system
  /// headers, so neither the C library nor the standard library.
  const FunctionDecl *projectFunction(const CallExpr *Call) const {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || FD->getBuiltinID() != 0)
      return nullptr;
    SourceLocation Loc = FD->getLocation();
    if (Loc.isInvalid() || utils::isInSystemHeader(Ctx.getSourceManager(), Loc))
      return nullptr;
    return FD;
  }

  /// True when argument \p I of a call is only read: not `&x`, not bound to
  /// a non-const reference (an output the callee fills).
  static bool isReadArgument(const FunctionDecl *FD, unsigned I,
                             const Expr *Arg) {
    if (const auto *U = dyn_cast<UnaryOperator>(stripWrappers(Arg)))
      if (U->getOpcode() == UO_AddrOf)
        return false;
    if (I < FD->getNumParams()) {
      QualType T = FD->getParamDecl(I)->getType();
      if (T->isLValueReferenceType() &&
          !T.getNonReferenceType().isConstQualified())
        return false;
    }
    return true;
  }

  /// The name of the function or method a call invokes, or "".
  static StringRef calleeName(const CallExpr *Call) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      return utils::identifierOf(Member->getMethodDecl());
    return utils::identifierOf(Call->getDirectCallee());
  }

  /// An `if` being scanned for validations.
  struct Guard {
    unsigned CondSeq = 0, IfSeq = 0;
    std::pair<unsigned, unsigned> Then, Else; ///< evaluation-order ranges
    bool ThenExits = false, ElseExits = false;
  };

  /// A check that is true when the value matched: it validates the branch
  /// that runs on a match, and everything after the `if` when the branch
  /// that runs on a mismatch leaves.
  void addMatch(const Expr *Check, const Guard &G, bool MatchWhenTrue) {
    addValidations(Check, G.CondSeq,
                   (MatchWhenTrue ? G.ElseExits : G.ThenExits) ? G.IfSeq : 0,
                   MatchWhenTrue ? G.Then : G.Else);
  }

  /// True for literals a deny-list compares with: `..`, path separators,
  /// shell metacharacters. `if (part == "..") return;` validates, unlike
  /// `if (arg == "-v") return;`.
  static bool isDangerousLiteral(const Expr *E) {
    const auto *S = dyn_cast<StringLiteral>(stripWrappers(E));
    if (!S || S->getCharByteWidth() != 1)
      return false;
    StringRef Text = S->getString();
    return Text.contains("..") ||
           Text.find_first_of("/\\;|&$`<>") != StringRef::npos;
  }

  /// True for literals of white space only: a search for a newline or a
  /// blank (`strchr(line, '\n')`) trims input, it does not check it.
  static bool isBlankLiteral(const Expr *E) {
    E = stripWrappers(E);
    if (const auto *C = dyn_cast<CharacterLiteral>(E))
      return llvm::isSpace(static_cast<char>(C->getValue()));
    if (const auto *S = dyn_cast<StringLiteral>(E))
      return S->getCharByteWidth() == 1 &&
             llvm::all_of(S->getString(),
                          [](char C) { return llvm::isSpace(C); });
    return false;
  }

  /// A check of unknown polarity (`isSafe(p)`, `p.find("..")`): it
  /// validates both branches, and everything after the `if` when either
  /// branch leaves.
  void addCheck(const Expr *Check, const Guard &G) {
    addValidations(Check, G.CondSeq, G.ThenExits || G.ElseExits ? G.IfSeq : 0,
                   {G.Then.first, G.Else.second}, G.IfSeq);
  }

  /// Finds the validating parts of a guard condition; \p Positive is false
  /// under an odd number of negations.
  void scanCondition(const Expr *E, const Guard &G, bool Positive, int Depth,
                     bool NamedOnly = false) {
    if (!E || Depth > 32)
      return;
    E = stripWrappers(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_LNot)
        scanCondition(U->getSubExpr(), G, !Positive, Depth + 1, NamedOnly);
      return;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if ((B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE) &&
          (isZero(B->getLHS()) || isZero(B->getRHS()))) {
        const Expr *Other = isZero(B->getLHS()) ? B->getRHS() : B->getLHS();
        scanCondition(Other, G, Positive == (B->getOpcode() == BO_NE),
                      Depth + 1, NamedOnly);
        return;
      }
      scanCondition(B->getLHS(), G, Positive, Depth + 1, NamedOnly);
      scanCondition(B->getRHS(), G, Positive, Depth + 1, NamedOnly);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind K = Op->getOperator();
      if ((K == OO_EqualEqual || K == OO_ExclaimEqual) &&
          Op->getNumArgs() == 2 && isStringLike(Op->getArg(0)->getType()) &&
          isStringLike(Op->getArg(1)->getType())) {
        if (isDangerousLiteral(Op->getArg(0)) ||
            isDangerousLiteral(Op->getArg(1)))
          addCheck(Op, G);
        else
          addMatch(Op, G, Positive == (K == OO_EqualEqual));
        return;
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      StringRef Name = calleeName(Call);
      if (isValidatorName(Name)) {
        if (llvm::any_of(Call->arguments(), isBlankLiteral)) {
          // A search for a line break trims input unless a branch leaves:
          // `if (strpbrk(s, "\r\n")) return;` rejects multi-line input.
          if (G.ThenExits || G.ElseExits)
            addValidations(Call, G.CondSeq, G.IfSeq, {0, 0}, 0,
                           /*LineBreaksOnly=*/true);
          return;
        }
        // A three-way comparison is "true" when it did not match.
        if (isThreeWayComparison(Name) &&
            llvm::none_of(Call->arguments(), isDangerousLiteral))
          addMatch(Call, G, !Positive);
        else
          addCheck(Call, G);
        return;
      }
      // The project's own helper deciding a guard (`if (check(s) < 0)
      // return;`) is a check of what it reads, whatever its name.
      const FunctionDecl *FD = Cfg.ProjectFunctionsValidate && !NamedOnly
                                   ? projectFunction(Call)
                                   : nullptr;
      if (FD) {
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (isReadArgument(FD, I, Call->getArg(I)))
            addCheck(Call->getArg(I), G);
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
          if (const Expr *Object = Member->getImplicitObjectArgument())
            addCheck(Object, G);
        return;
      }
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      // `bool ok = isSafe(name); if (!ok) return;` and `auto m =
      // std::mismatch(...); if (m.first != root.end()) return;`. Through a
      // variable only named validators count: `int rc = runJob(cmd); if (rc)
      // return;` ran the command, it did not check it.
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      if (V && Depth < 8) {
        auto It = Defs.find(V);
        if (It != Defs.end()) {
          llvm::SmallVector<const Expr *, 4> Values;
          for (const Def &D : It->second)
            Values.append(D.Values.begin(), D.Values.end());
          for (const Expr *Value : Values)
            scanCondition(Value, G, Positive, Depth + 8, /*NamedOnly=*/true);
        }
      }
      return;
    }
    for (const Stmt *Child : E->children())
      if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
        scanCondition(ChildExpr, G, Positive, Depth + 1, NamedOnly);
  }

  bool isValidated(const VarDecl *V, int64_t Element, unsigned From,
                   const Query &Q) const {
    auto It = Vals.find(V);
    if (It == Vals.end())
      return false;
    unsigned Sink = Q.Sink;
    return llvm::any_of(It->second, [&](const Validation &Val) {
      if ((Val.Element != -1 && Val.Element != Element) || Val.Seq <= From ||
          (Val.LineBreaksOnly && !Q.LineBreaksSuffice))
        return false;
      return Val.After ? Val.Seq < Sink : Val.Begin <= Sink && Sink <= Val.End;
    });
  }

  //--- Queries ----------------------------------------------------------------

  /// True when a class a RequestTypes wildcard names looks like a request
  /// another party sent: it (or a base) has a member about a path, a URL,
  /// headers, a body, a method, a query or parameters. `CollectRequest` or
  /// `BuildRequest` of a program's own options match `*request` by name
  /// only. A class whose definition is not visible is taken by its name.
  bool looksLikeRequest(const CXXRecordDecl &RD) const {
    static const std::vector<std::string> Words = {
        "path",   "url",   "uri",     "header", "headers", "body",
        "method", "query", "param",   "params", "cookie",  "cookies",
        "target", "args",  "payload", "form",   "content", "resource"};
    auto Named = [&](const NamedDecl *D) {
      const IdentifierInfo *Id = D->getIdentifier();
      return Id && llvm::any_of(Words, [&](const std::string &W) {
               return utils::identifierHasPhrase(Id->getName(), W);
             });
    };
    const CXXRecordDecl *Def = RD.getDefinition();
    if (!Def)
      return true;
    auto HasRequestMember = [&](const CXXRecordDecl *R) {
      return llvm::any_of(R->fields(), Named) ||
             llvm::any_of(R->methods(), Named);
    };
    if (HasRequestMember(Def))
      return true;
    bool Found = false;
    Def->forallBases([&](const CXXRecordDecl *Base) {
      Found |= HasRequestMember(Base);
      return !Found;
    });
    return Found;
  }

  /// True for a class that RequestTypes names. The wildcard patterns of
  /// the default list (`*request`, `*HttpMessage`) are a guess by name and
  /// need the class to look like a request too; a pattern the project
  /// configured, or an exact default name, is a statement.
  bool isRequestType(const CXXRecordDecl &RD) const {
    const std::vector<std::string> &Defaults = Cfg.Models->requestTypes();
    StringRef Name = utils::identifierOf(&RD);
    bool Guessed = false;
    for (const std::string &Pattern : Cfg.RequestTypes) {
      if (!globMatch(Pattern, Name))
        continue;
      if (Pattern.find('*') == std::string::npos ||
          !llvm::is_contained(Defaults, Pattern))
        return true;
      Guessed = true;
    }
    return Guessed && looksLikeRequest(RD);
  }

  std::optional<Origin> parameterOrigin(const ParmVarDecl *P) const {
    const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!F)
      return std::nullopt;
    Origin O;
    O.Param = P;
    O.Name = P->getName().str();
    O.Loc = P->getLocation();
    if (F->isMain()) {
      if (P->getFunctionScopeIndex() == 1 && (Cfg.Threats & CommandArgs)) {
        O.K = Origin::Kind::CommandLine;
        return O;
      }
      if (P->getFunctionScopeIndex() == 2 && (Cfg.Threats & Environment)) {
        O.K = Origin::Kind::Environment;
        return O;
      }
      return std::nullopt;
    }
    O.K = Origin::Kind::Parameter;
    if (const CXXRecordDecl *RD = pointedRecord(P->getType()))
      if (isRequestType(*RD)) {
        O.Remote = true;
        return O;
      }
    if (!isStringLike(P->getType()))
      return std::nullopt;
    if (!P->getName().empty())
      for (const std::string &Phrase : Cfg.UntrustedWords)
        if (utils::identifierHasPhrase(P->getName(), Phrase)) {
          O.Remote = true;
          return O;
        }
    if (Cfg.ParameterPolicy == Config::Parameters::All)
      return O;
    return std::nullopt;
  }

  static bool budget(Query &Q) { return ++Q.Steps < MaxSteps; }

  /// Whether an earlier write left content in \p V before \p Seq.
  bool hasContentBefore(const VarDecl *V, unsigned Seq) const {
    // What a pointer or reference parameter points to holds the caller's
    // text until the function overwrites it: `strcat(dir, name)` in a
    // helper adds the name after the caller's directory.
    bool CallersContent =
        isa<ParmVarDecl>(V) &&
        (V->getType()->isPointerType() || V->getType()->isReferenceType()) &&
        isText(V->getType());
    auto It = Defs.find(V);
    if (It == Defs.end())
      return CallersContent;
    for (const Def &D : It->second) {
      if (D.Seq >= Seq)
        break;
      if (D.Whole && (D.K == Def::Assign || D.K == Def::Input))
        CallersContent = false;
      if (D.K == Def::Input)
        return true;
      for (const Expr *Value : D.Values)
        if (!isEmptyContent(Value))
          return true;
    }
    return CallersContent;
  }

  /// True when a write at \p D happens on every path to \p Use: no branch,
  /// loop body, case or lambda holds the write without holding the use.
  bool dominates(const Def &D, unsigned Use) const {
    return regionDominates(D.Region, Use);
  }

  /// True when the write \p D sits in a branch that leaves the function
  /// and \p Use lies after that branch: `if (bad) { r.out = x; return r; }`
  /// hides nothing from the code after it, and taints none of it. A lambda
  /// between them ends the search: its `return` leaves the lambda only.
  bool cannotReach(const Def &D, unsigned Use) const {
    bool Returns = false;
    for (int R = D.Region; R >= 0; R = Regions[R].Parent) {
      if (Regions[R].Begin <= Use && Use <= Regions[R].End)
        break;
      if (Regions[R].Lambda)
        return false;
      Returns |= Regions[R].Returns;
    }
    return Returns;
  }

  bool regionDominates(int Region, unsigned Use) const {
    for (int R = Region; R >= 0; R = Regions[R].Parent)
      if (Regions[R].Conditional &&
          !(Regions[R].Begin <= Use && Use <= Regions[R].End))
        return false;
    return true;
  }

  /// The innermost loop (or lambda body) around \p Use, or -1.
  int loopAround(unsigned Use) const {
    int Best = -1;
    for (size_t R = 0; R < Regions.size(); ++R)
      if (Regions[R].Loop && Regions[R].Begin <= Use && Use <= Regions[R].End &&
          (Best < 0 || Regions[R].Begin >= Regions[Best].Begin))
        Best = static_cast<int>(R);
    return Best;
  }

  /// True when the query counts \p O as untrusted.
  static bool accepts(const Query &Q, const Origin &O) {
    if ((O.K == Origin::Kind::External) != (Q.Mode == ExternalMode))
      return false;
    if (Q.Mode == NormalMode || Q.Mode == ExternalMode)
      return true;
    if (Q.Mode == SourcesMode)
      return O.K != Origin::Kind::Parameter || O.Remote;
    return false;
  }

  /// The untrusted data a parameter holds on entry: in a summary, the
  /// parameter itself when it is the one asked for; otherwise what the
  /// policy says of it or, failing a remote origin, the strongest data the
  /// unit's call sites pass to it.
  std::optional<Trace> paramTaint(const ParmVarDecl *P, Query &Q) {
    if (P == Q.Self)
      return std::nullopt;
    std::optional<Trace> T;
    if (Q.Mode >= 0) {
      if (P->getDeclContext() != Q.Fn ||
          P->getFunctionScopeIndex() != static_cast<unsigned>(Q.Mode))
        return std::nullopt;
      T.emplace();
      T->Source.K = Origin::Kind::Parameter;
      T->Source.Param = P;
      T->Source.Name = P->getName().str();
      T->Source.Loc = P->getLocation();
      return T;
    }
    std::optional<Origin> O = parameterOrigin(P);
    if (O && !accepts(Q, *O))
      O.reset();
    bool Strong = O && (O->K != Origin::Kind::Parameter || O->Remote);
    if (!Strong && Q.Mode == NormalMode)
      if ((T = Owner.callerTaint(*P, Ctx, Q.Depth + 1)))
        return T;
    if (O) {
      T.emplace();
      T->Source = *O;
    }
    return T;
  }

  /// The data a write leaves in \p V, as far as it is untrusted.
  std::optional<Trace> defTaint(const VarDecl *V, int64_t Element, const Def &D,
                                Query &Q,
                                llvm::ArrayRef<const FieldDecl *> Field = {}) {
    std::optional<Trace> T;
    std::string Name = "'" + V->getNameAsString() + "'";
    switch (D.K) {
    case Def::Input:
      if (!accepts(Q, D.Src))
        return std::nullopt;
      T.emplace();
      T->Source = D.Src;
      T->Appended = !D.Whole && hasContentBefore(V, D.Seq);
      T->Combined = T->Appended;
      return T;
    case Def::Append:
      T = varTaint(V, Element, D.Seq, Q, Field);
      // Adding an element to an array of strings, or setting a field of a
      // struct, joins no text.
      if (T) {
        // The earlier content already carries the taint; this write adds
        // text after it.
        T->Chain.erase(T->Chain.begin());
        T->Combined |= isText(V->getType()) && llvm::any_of(D.Values, hasText);
        return T;
      }
      for (const Expr *Value : D.Values)
        if ((T = taintOf(Value, Q))) {
          if (isText(V->getType())) {
            T->Appended |=
                hasContentBefore(V, D.Seq) || D.AfterContent.count(Value);
            T->Combined |= T->Appended || D.Values.size() > 1;
          }
          appendStep(*T, {D.Loc, "it is added to " + Name});
          return T;
        }
      return std::nullopt;
    case Def::Assign:
      for (const Expr *Value : D.Values)
        if ((T = taintOf(Value, Q))) {
          T->Appended |= D.AfterContent.count(Value) > 0;
          T->Combined |= T->Appended || D.Combines;
          appendStep(*T, {D.Loc, "it is stored in " + Name});
          return T;
        }
      return std::nullopt;
    case Def::CallOut:
      if (D.External) {
        if (Q.Mode != ExternalMode)
          return std::nullopt;
        T.emplace();
        T->Source.K = Origin::Kind::External;
        T->Source.Name = functionName(*D.Callee);
        T->Source.Loc = D.Loc;
        T->Source.Function = D.Callee;
        T->Source.OutParameter = static_cast<int>(D.Slot);
        return T;
      }
      T = summaryTaint(D.Call, D.Callee, D.Offset, static_cast<int>(D.Slot), Q);
      if (T)
        appendStep(
            *T, {D.Loc, functionName(*D.Callee) + " writes it into " + Name});
      return T;
    }
    return std::nullopt;
  }

  /// What \p V holds at \p Use; with \p Field, what that member of the
  /// local struct \p V holds (writes into its other members left out).
  std::optional<Trace> varTaint(const VarDecl *V, int64_t Element, unsigned Use,
                                Query &Q,
                                llvm::ArrayRef<const FieldDecl *> Field = {}) {
    if (!budget(Q))
      return std::nullopt;
    llvm::ArrayRef<Def> All;
    auto It = Defs.find(V);
    if (It != Defs.end())
      All = It->second;
    // The writes before the use, latest first, until one that happens on
    // every path to the use: a write in one branch does not hide the other
    // branch's, nor what the variable held before the `if`.
    size_t Before = 0;
    while (Before < All.size() && All[Before].Seq < Use)
      ++Before;
    unsigned KillSeq = 0;
    bool Killed = false;
    std::optional<Trace> T;
    // Branches with a clean write: when both branches of an `if` have one,
    // the `if` as a whole overwrote the variable.
    llvm::SmallVector<int, 4> Covered;
    auto CoversUse = [&](int R) {
      while (R >= 0) {
        Covered.push_back(R);
        int Sibling = Regions[R].Sibling;
        if (Sibling < 0 || !llvm::is_contained(Covered, Sibling))
          return false;
        R = Regions[R].Parent;
        if (regionDominates(R, Use))
          return true;
      }
      return false;
    };
    for (size_t I = Before; I-- > 0 && !T;) {
      const Def &D = All[I];
      if (cannotReach(D, Use) || disjointMembers(Field, D.Field))
        continue;
      // A validation after this write covers it and everything before it.
      if (isValidated(V, Element, D.Seq, Q))
        return std::nullopt;
      T = defTaint(V, Element, D, Q, Field);
      // An append looked at everything before it already.
      if (!T && (D.K == Def::Append ||
                 (D.K != Def::CallOut &&
                  (dominates(D, Use) || CoversUse(D.Region))))) {
        Killed = true;
        KillSeq = D.Seq;
        break;
      }
    }
    // Writes later in the loop around the use reach it on the next round,
    // unless a write earlier in the same round hides them.
    if (!T) {
      int Loop = loopAround(Use);
      if (Loop >= 0 && (!Killed || KillSeq < Regions[Loop].Begin))
        for (size_t I = Before; I < All.size() && !T; ++I) {
          const Def &D = All[I];
          if (D.Seq > Regions[Loop].End)
            break;
          // A write in a branch that returns never starts the next round.
          if (cannotReach(D, Regions[Loop].End + 1) ||
              disjointMembers(Field, D.Field))
            continue;
          if (D.K != Def::Append && !isValidated(V, Element, D.Seq, Q))
            T = defTaint(V, Element, D, Q, Field);
        }
    }
    if (!T && !Killed)
      if (const auto *P = dyn_cast<ParmVarDecl>(V))
        if (!isValidated(V, Element, 0, Q))
          T = paramTaint(P, Q);
    if (T) {
      T->Chain.insert(T->Chain.begin(), V);
      if (T->Chain.size() > MaxPathSteps)
        T->Chain.pop_back();
    }
    return T;
  }

  /// What a call of the unit's own function \p Callee returns (\p Slot
  /// -1) or leaves in its out-parameter \p Slot, through its summary: a
  /// source inside it, or untrusted data of this function that the call
  /// passes to a parameter that reaches the slot.
  std::optional<Trace> summaryTaint(const CallExpr *Call,
                                    const FunctionDecl *Callee, unsigned Offset,
                                    int Slot, Query &Q) {
    if (!Callee || Q.Depth >= MaxSummaryDepth)
      return std::nullopt;
    const SlotSummary &S = Owner.summary(*Callee, Slot, Ctx, Q.Depth + 1);
    std::string Name = functionName(*Callee);
    if (S.Source && accepts(Q, S.Source->Source)) {
      Trace T = *S.Source;
      if (Slot < 0)
        appendStep(T, {Call->getBeginLoc(), Name + " returns it here"});
      return T;
    }
    for (const auto &[K, Inner] : S.Params) {
      unsigned Arg = K + Offset;
      if (Arg >= Call->getNumArgs())
        continue;
      auto T = taintOf(Call->getArg(Arg), Q);
      if (!T)
        continue;
      appendStep(*T, {Call->getArg(Arg)->getBeginLoc(),
                      "it is passed to " + Name + " as '" +
                          Callee->getParamDecl(K)->getNameAsString() + "'"});
      for (const Step &S : Inner.Steps)
        appendStep(*T, S);
      T->Appended |= Inner.Appended;
      T->Combined |= Inner.Combined;
      if (Slot < 0)
        appendStep(*T, {Call->getBeginLoc(), Name + " returns it here"});
      return T;
    }
    return std::nullopt;
  }

  unsigned seqOf(const Stmt *S) const {
    auto It = Seq.find(S);
    return It == Seq.end() ? 0 : It->second;
  }

  /// The first tainted value among \p Args, which are joined in order:
  /// later ones count as appended, and any other text makes it combined.
  std::optional<Trace> firstTainted(llvm::ArrayRef<const Expr *> Args,
                                    Query &Q) {
    bool First = true;
    for (size_t I = 0; I < Args.size(); ++I) {
      if (auto T = taintOf(Args[I], Q)) {
        T->Appended |= !First;
        T->Combined |= !First;
        for (size_t J = I + 1; J < Args.size(); ++J)
          T->Combined |= hasText(Args[J]);
        return T;
      }
      First &= !hasText(Args[I]);
    }
    return std::nullopt;
  }

  /// The variable `*p` reads when \p U is `*p` and the local pointer `p`
  /// was last set to `&x`: what `x` holds at \p U, not where `p` was set
  /// (`char **pp = &data; ... data = input; system(*pp);`).
  const VarDecl *pointeeOf(const UnaryOperator *U) {
    if (U->getOpcode() != UO_Deref)
      return nullptr;
    const auto *Ref = dyn_cast<DeclRefExpr>(stripWrappers(U->getSubExpr()));
    const auto *P = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!P || !P->isLocalVarDecl() || !P->getType()->isPointerType())
      return nullptr;
    const Expr *Value = lastAssignedValue(*P, *U);
    const auto *Addr =
        Value ? dyn_cast<UnaryOperator>(stripWrappers(Value)) : nullptr;
    if (!Addr || Addr->getOpcode() != UO_AddrOf)
      return nullptr;
    const auto *Target =
        dyn_cast<DeclRefExpr>(stripWrappers(Addr->getSubExpr()));
    return Target ? dyn_cast<VarDecl>(Target->getDecl()) : nullptr;
  }

  /// What a member of `*this` holds where \p M reads it: this method's
  /// own writes, else what the class's other methods leave in it.
  std::optional<Trace> memberTaint(const MemberExpr *M, Query &Q) {
    const FieldDecl *Field = thisField(M);
    const VarDecl *Member = Field ? Owner.fieldVariable(*Field, Ctx) : nullptr;
    if (!Member)
      return std::nullopt;
    auto T = varTaint(Member, -1, seqOf(M), Q);
    if (T || hasDefBefore(Member, seqOf(M)) || isValidated(Member, -1, 0, Q) ||
        !(Q.Mode == NormalMode || Q.Mode == SourcesMode))
      return T;
    if ((T = Owner.fieldTaint(*Field, *FnStack.front(), Ctx, Q.Depth + 1))) {
      if (!accepts(Q, T->Source))
        return std::nullopt;
      appendStep(*T, {M->getBeginLoc(), "it is read from member '" +
                                            Field->getNameAsString() + "'"});
    }
    return T;
  }

  std::optional<Trace> taintOf(const Expr *E, Query &Q) {
    if (!E || !budget(Q))
      return std::nullopt;
    E = stripWrappers(E);
    if (E->isTypeDependent() || E->isValueDependent())
      return std::nullopt;
    // Numbers, booleans and enumerators cannot carry text.
    if (isScalarNonPointer(E->getType()))
      return std::nullopt;

    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      if (!V)
        return std::nullopt;
      if (const VarDecl *Referenced = referencedVariable(V))
        V = Referenced;
      auto T = varTaint(V, -1, seqOf(Ref), Q);
      // A global this function does not write: what the unit's other
      // functions leave in it (flow-insensitively: any of them may have
      // run before).
      // A check of the variable before the read validates what any of
      // them left in it.
      bool Checked = !T && V->isFileVarDecl() && isValidated(V, -1, 0, Q);
      if (!T && !Checked && V->isFileVarDecl() &&
          !hasDefBefore(V, seqOf(Ref)) &&
          (Q.Mode == NormalMode || Q.Mode == SourcesMode))
        if ((T = Owner.globalTaint(*V, *FnStack.front(), Ctx, Q.Depth + 1))) {
          if (!accepts(Q, T->Source)) {
            T.reset();
          } else {
            appendStep(*T,
                       {Ref->getBeginLoc(), "it is read from global '" +
                                                V->getNameAsString() + "'"});
          }
        }
      // A global another unit may write: what the summaries link.
      if (!T && !Checked && Q.Mode == ExternalMode && isLinkedGlobal(*V)) {
        T.emplace();
        T->Source.K = Origin::Kind::External;
        T->Source.Name = "'" + V->getNameAsString() + "'";
        T->Source.Loc = Ref->getBeginLoc();
        T->Source.Global = V;
      }
      return T;
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = stripWrappers(A->getBase());
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Base))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl())) {
          // Dependent or wider than 64 bits: any element.
          int64_t Element = utils::int64Value(A->getIdx(), Ctx).value_or(-1);
          return varTaint(V, Element, seqOf(Ref), Q);
        }
      return taintOf(Base, Q);
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(stripWrappers(M->getBase())))
        return memberTaint(M, Q);
      if (auto [Object, Members] = localField(M); Object)
        if (const auto *Ref = dyn_cast<DeclRefExpr>(baseRef(M)))
          return varTaint(Object, -1, seqOf(Ref), Q, Members);
      return taintOf(M->getBase(), Q);
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (const VarDecl *Pointee = pointeeOf(U))
        return varTaint(Pointee, -1, seqOf(U), Q);
      if (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf)
        return taintOf(U->getSubExpr(), Q);
      return std::nullopt;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->isAdditiveOp())
        return taintOf(B->getLHS()->getType()->isPointerType() ? B->getLHS()
                                                               : B->getRHS(),
                       Q);
      if (B->getOpcode() == BO_Comma || B->isAssignmentOp())
        return taintOf(B->getRHS(), Q);
      return std::nullopt;
    }
    if (const auto *C = dyn_cast<AbstractConditionalOperator>(E)) {
      // `isSafe(x) ? x : "default"` validates the branch it selects.
      llvm::SmallVector<VarRef, 4> Validated;
      collectGuarded(C->getCond(), Validated);
      for (const Expr *Branch : {C->getTrueExpr(), C->getFalseExpr()}) {
        auto T = taintOf(Branch, Q);
        if (!T)
          continue;
        bool Clean = false;
        for (const VarRef &R : Validated)
          Clean |= llvm::is_contained(T->Chain, R.Var);
        if (!Clean)
          return T;
      }
      return std::nullopt;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      return operatorTaint(Op, Q);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      return memberCallTaint(Member, Q);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return callTaint(Call, Q);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (isStringLike(Construct->getType()) ||
          isStringStream(Construct->getType()) ||
          (Ctor &&
           (Ctor->isCopyOrMoveConstructor() ||
            Ctor->isConvertingConstructor(false)) &&
           Construct->getNumArgs() == 1)) {
        llvm::SmallVector<const Expr *, 4> Args(Construct->arguments());
        return firstTainted(Args, Q);
      }
      return std::nullopt;
    }
    if (const auto *Init = dyn_cast<InitListExpr>(E)) {
      llvm::SmallVector<const Expr *, 4> Args(Init->inits().begin(),
                                              Init->inits().end());
      return firstTainted(Args, Q);
    }
    if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E))
      return taintOf(List->getSubExpr(), Q);
    return std::nullopt;
  }

  /// Validations a ternary's condition makes for its branches.
  void collectGuarded(const Expr *Cond, llvm::SmallVectorImpl<VarRef> &Out) {
    if (!Cond)
      return;
    const Expr *E = stripWrappers(Cond);
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_LNot)
        E = stripWrappers(U->getSubExpr());
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (isValidatorName(calleeName(Call)))
        collectMentions(Call, Out);
      return;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      collectGuarded(B->getLHS(), Out);
      collectGuarded(B->getRHS(), Out);
    }
  }

  std::optional<Trace> operatorTaint(const CXXOperatorCallExpr *Op, Query &Q) {
    llvm::SmallVector<const Expr *, 4> Args(Op->arguments());
    switch (Op->getOperator()) {
    case OO_Plus:
    case OO_Slash:
    case OO_Percent: // boost::format("ls %1%") % name
    case OO_PlusEqual:
    case OO_SlashEqual:
      return firstTainted(Args, Q);
    case OO_Equal:
      return Args.size() == 2 ? taintOf(Args[1], Q) : std::nullopt;
    case OO_Subscript:
    case OO_Star:
    case OO_Arrow:
      return Args.empty() ? std::nullopt : taintOf(Args[0], Q);
    case OO_Call:
      return projectCallTaint(Op, Q);
    default:
      return std::nullopt;
    }
  }

  std::optional<Trace> memberCallTaint(const CXXMemberCallExpr *Call,
                                       Query &Q) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Method || !Object)
      return std::nullopt;
    StringRef Name = utils::identifierOf(Method);
    if (!Name.empty() && globMatchAny(Cfg.CleanFunctions, Name))
      return std::nullopt;
    if (isa<CXXThisExpr>(stripWrappers(Object)))
      return std::nullopt;
    if (const FunctionModel *M = Cfg.Models->find(Method))
      if (auto Result = modelledResult(Call, Name, *M, Q))
        return *Result;
    // Conversions (`path` to `string`), accessors (`c_str`, `substr`, a
    // request's `get_param`): the result comes from the object.
    if (auto T = taintOf(Object, Q))
      return T;
    if (isBuilderMethod(Name) && isStringLike(Object->getType())) {
      llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
      if (auto T = firstTainted(Args, Q)) {
        T->Appended = true;
        T->Combined = true;
        return T;
      }
    }
    return projectCallTaint(Call, Q);
  }

  std::optional<Trace> callTaint(const CallExpr *Call, Query &Q) {
    const FunctionDecl *FD = Call->getDirectCallee();
    StringRef Name = utils::identifierOf(FD);
    if (Name.empty()) {
      // Through a pointer or a macro named after a modelled API.
      std::string Api = utils::calledApiName(*Call, Ctx);
      const FunctionModel *M =
          Api.empty() || globMatchAny(Cfg.CleanFunctions, Api)
              ? nullptr
              : Cfg.Models->find(Api);
      if (auto Result = M ? modelledResult(Call, Api, *M, Q) : std::nullopt)
        return *Result;
      return std::nullopt;
    }
    if (globMatchAny(Cfg.CleanFunctions, Name))
      return std::nullopt;
    if (const FunctionModel *M = Cfg.Models->find(FD))
      if (auto Result = modelledResult(Call, Name, *M, Q))
        return *Result;
    return projectCallTaint(Call, Q);
  }

  /// What \p Call returns as its model \p M says: a source's data (none
  /// when its threat model is not analysed), or what the arguments it
  /// passes on carry. No value when the model says nothing of the result.
  std::optional<std::optional<Trace>> modelledResult(const CallExpr *Call,
                                                     StringRef Name,
                                                     const FunctionModel &M,
                                                     Query &Q) {
    for (const SourceModel &Source : M.Sources) {
      if (Source.Into.K != Slot::Return)
        continue;
      Threat Kind = threatOf(Call, Source);
      if (!(Cfg.Threats & Kind))
        return std::optional<Trace>();
      Trace T;
      T.Source = callOrigin(Call, Name, Kind);
      if (!accepts(Q, T.Source))
        return std::optional<Trace>();
      return std::optional<Trace>(std::move(T));
    }
    bool Propagates = false;
    llvm::SmallVector<const Expr *, 4> Args;
    for (const PropagatorModel &P : M.Propagators) {
      if (P.To.K != Slot::Return)
        continue;
      Propagates = true;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (P.From.covers(I) && !llvm::is_contained(Args, Call->getArg(I)))
          Args.push_back(Call->getArg(I));
    }
    if (!Propagates)
      return std::nullopt;
    return firstTainted(Args, Q);
  }

  /// What a call of the unit's own function returns, through its summary.
  std::optional<Trace> projectCallTaint(const CallExpr *Call, Query &Q) {
    auto [Target, Offset] = resolveCall(*Call);
    // A function another unit defines: its return value is what the
    // summaries link across units.
    if (Q.Mode == ExternalMode && Target && !Target->hasBody() &&
        !utils::isInSystemHeader(Ctx.getSourceManager(),
                                 Target->getLocation())) {
      Trace T;
      T.Source.K = Origin::Kind::External;
      T.Source.Name = functionName(*Target);
      T.Source.Loc = Call->getBeginLoc();
      T.Source.Function = Target;
      return T;
    }
    return summaryTaint(Call, projectDefinition(Target), Offset, -1, Q);
  }

  const Config &Cfg;
  ASTContext &Ctx;
  TaintAnalysis &Owner;
  unsigned Counter = 0;
  /// The statement being visited, where its writes are.
  SourceLocation CurLoc;
  std::vector<Region> Regions;
  int CurRegion = -1;
  /// The function whose body is being walked: the root or a lambda in it.
  llvm::SmallVector<const FunctionDecl *, 2> FnStack;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const ReturnStmt *, 2>>
      Returns;
  llvm::DenseMap<const Stmt *, unsigned> Seq;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<Def, 2>> Defs;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<Validation, 2>> Vals;
};

//===----------------------------------------------------------------------===//
// TaintAnalysis
//===----------------------------------------------------------------------===//

namespace {

/// Collects the calls of the unit's own code to functions, lambdas and
/// function-pointer targets, keyed by the canonical callee.
class CallSiteCollector : public RecursiveASTVisitor<CallSiteCollector> {
public:
  using Sink = llvm::function_ref<void(const CallExpr &, const FunctionDecl &,
                                       unsigned)>;
  using GlobalSink =
      llvm::function_ref<void(const DeclRefExpr &, const VarDecl &)>;
  CallSiteCollector(const SourceManager &SM, Sink Add, GlobalSink AddGlobal)
      : SM(SM), Add(Add), AddGlobal(AddGlobal) {}

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->isFileVarDecl() && !isScalarNonPointer(V->getType()))
        AddGlobal(*Ref, *V);
    return true;
  }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        utils::isInSystemHeader(SM, D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *Call) {
    auto [Target, Offset] = resolveCall(*Call);
    if (Target && Target->isDefined())
      Add(*Call, *Target, Offset);
    return true;
  }

private:
  const SourceManager &SM;
  Sink Add;
  GlobalSink AddGlobal;
};

} // namespace

TaintAnalysis::TaintAnalysis(Config C) : Cfg(std::move(C)) {
  if (!Cfg.Models) {
    std::string Error;
    Cfg.Models = loadModels("", Error);
  }
}
TaintAnalysis::~TaintAnalysis() = default;

TaintAnalysis::FunctionIndex &TaintAnalysis::indexFor(const FunctionDecl &F,
                                                      ASTContext &Ctx) {
  const FunctionDecl &Root = enclosingNonLambda(F);
  std::unique_ptr<FunctionIndex> &Slot = Cache[&Root];
  if (!Slot) {
    auto Index = std::make_unique<FunctionIndex>(Root, Cfg, Ctx, *this);
    // Building may have indexed other functions and moved the slot.
    std::unique_ptr<FunctionIndex> &Fresh = Cache[&Root];
    if (!Fresh)
      Fresh = std::move(Index);
    return *Fresh;
  }
  return *Slot;
}

llvm::ArrayRef<TaintAnalysis::CallSite>
TaintAnalysis::callSites(const FunctionDecl &F, ASTContext &Ctx) {
  if (!SitesBuilt) {
    SitesBuilt = true;
    // Named: the collector keeps a function_ref, which does not own the
    // lambda; a temporary would be gone before the traversal calls it.
    auto Record = [&](const CallExpr &Call, const FunctionDecl &Target,
                      unsigned Off) {
      if (utils::isInSystemHeader(Ctx.getSourceManager(), Call.getBeginLoc()))
        return;
      if (const FunctionDecl *Caller = enclosingFunction(Call, Ctx))
        Sites[Target.getCanonicalDecl()].push_back({&Call, Caller, Off});
    };
    auto RecordGlobal = [&](const DeclRefExpr &Ref, const VarDecl &V) {
      if (utils::isInSystemHeader(Ctx.getSourceManager(), Ref.getBeginLoc()))
        return;
      if (const FunctionDecl *User = enclosingFunction(Ref, Ctx)) {
        auto &Users = GlobalUsers[V.getCanonicalDecl()];
        const FunctionDecl *Root = &enclosingNonLambda(*User);
        if (!llvm::is_contained(Users, Root))
          Users.push_back(Root);
      }
    };
    CallSiteCollector Collector(Ctx.getSourceManager(), Record, RecordGlobal);
    Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  auto It = Sites.find(F.getCanonicalDecl());
  if (It == Sites.end())
    return {};
  return It->second;
}

const TaintAnalysis::SlotSummary &TaintAnalysis::summary(const FunctionDecl &F,
                                                         int Slot,
                                                         ASTContext &Ctx,
                                                         unsigned Depth) {
  std::unique_ptr<SlotSummary> &Entry = Summaries[{&F, Slot}];
  if (!Entry)
    Entry = std::make_unique<SlotSummary>();
  SlotSummary *S = Entry.get(); // stable while the map grows
  if (S->Progress == SlotSummary::State::Done)
    return *S;
  if (S->Progress == SlotSummary::State::InProgress) {
    S->ReadEarly = true;
    return *S;
  }
  S->Progress = SlotSummary::State::InProgress;
  // Recursion: start from "nothing reaches the slot" and recompute until
  // the summary stops growing (a fixpoint) or the rounds run out.
  for (unsigned Round = 0; Round < MaxSummaryRounds; ++Round) {
    S->ReadEarly = false;
    std::optional<Trace> Source;
    llvm::SmallVector<std::pair<unsigned, Trace>, 2> Params;
    indexFor(F, Ctx).summarise(F, Slot, Depth, Source, Params);
    bool Same = Source.has_value() == S->Source.has_value() &&
                Params.size() == S->Params.size();
    for (size_t I = 0; Same && I < Params.size(); ++I)
      Same = Params[I].first == S->Params[I].first;
    S->Source = std::move(Source);
    S->Params = std::move(Params);
    if (Same || !S->ReadEarly)
      break;
  }
  S->Progress = SlotSummary::State::Done;
  return *S;
}

std::optional<Trace> TaintAnalysis::callerTaint(const ParmVarDecl &P,
                                                ASTContext &Ctx,
                                                unsigned Depth) {
  const auto *F = dyn_cast<FunctionDecl>(P.getDeclContext());
  if (!F || Depth > MaxCallerDepth)
    return std::nullopt;
  // One search per parameter and unit: without it, each level of callers
  // would multiply the work of the level below.
  auto Cached = CallerCache.find(&P);
  if (Cached != CallerCache.end())
    return Cached->second;
  if (!Searching.insert(F->getCanonicalDecl()).second)
    return std::nullopt;
  std::optional<Trace> Found;
  unsigned Index = P.getFunctionScopeIndex();
  unsigned Tried = 0;
  for (const CallSite &Site : callSites(*F, Ctx)) {
    if (++Tried > MaxCallSites)
      break;
    unsigned Arg = Index + Site.Offset;
    if (Arg >= Site.Call->getNumArgs())
      continue;
    const Expr *Value = Site.Call->getArg(Arg);
    auto T = indexFor(*Site.Caller, Ctx).find(*Value, *Site.Call, Depth);
    if (!T || (T->Source.K == Origin::Kind::Parameter && !T->Source.Remote))
      continue;
    appendStep(*T,
               {Value->getBeginLoc(), "it is passed to " + functionName(*F) +
                                          " as '" + P.getNameAsString() + "'"});
    Found = std::move(T);
    break;
  }
  Searching.erase(F->getCanonicalDecl());
  CallerCache[&P] = Found;
  return Found;
}

std::optional<Trace> TaintAnalysis::globalTaint(const VarDecl &V,
                                                const FunctionDecl &Reader,
                                                ASTContext &Ctx,
                                                unsigned Depth) {
  if (Depth > MaxCallerDepth)
    return std::nullopt;
  const VarDecl *Key = V.getCanonicalDecl();
  auto Cached = GlobalCache.find(Key);
  if (Cached != GlobalCache.end())
    return Cached->second;
  if (!SearchingGlobals.insert(Key).second)
    return std::nullopt;
  (void)callSites(Reader, Ctx); // builds GlobalUsers too
  std::optional<Trace> Found;
  unsigned Tried = 0;
  for (const FunctionDecl *Writer : GlobalUsers.lookup(Key)) {
    if (Writer == &enclosingNonLambda(Reader) || !Writer->hasBody())
      continue;
    if (++Tried > MaxCallSites)
      break;
    Found = indexFor(*Writer, Ctx).valueAtEnd(V, Depth);
    if (Found)
      break;
  }
  SearchingGlobals.erase(Key);
  GlobalCache[Key] = Found;
  return Found;
}

const VarDecl *TaintAnalysis::fieldVariable(const FieldDecl &F,
                                            ASTContext &Ctx) {
  const VarDecl *&Member = FieldVariables[&F];
  if (!Member && F.getIdentifier())
    // Internal linkage at file scope: never a global other units could
    // write (isLinkedGlobal), never mistaken for a static member.
    Member = VarDecl::Create(Ctx, Ctx.getTranslationUnitDecl(), F.getBeginLoc(),
                             F.getLocation(), F.getIdentifier(), F.getType(),
                             F.getTypeSourceInfo(), SC_Static);
  return Member;
}

std::optional<Trace> TaintAnalysis::fieldTaint(const FieldDecl &F,
                                               const FunctionDecl &Reader,
                                               ASTContext &Ctx,
                                               unsigned Depth) {
  const auto *Class = dyn_cast<CXXRecordDecl>(F.getParent());
  const VarDecl *Member = fieldVariable(F, Ctx);
  if (Depth > MaxCallerDepth || !Class || !Member ||
      Class->isDependentContext())
    return std::nullopt;
  const FunctionDecl &Self = enclosingNonLambda(Reader);
  auto Key = std::make_pair(&F, &Self);
  auto Cached = FieldCache.find(Key);
  if (Cached != FieldCache.end())
    return Cached->second;
  if (!SearchingGlobals.insert(Member).second)
    return std::nullopt;
  std::optional<Trace> Found;
  unsigned Tried = 0;
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Definition = nullptr;
    if (!Method->hasBody(Definition) || !Definition || Definition == &Self ||
        utils::isInSystemHeader(Ctx.getSourceManager(),
                                Definition->getLocation()))
      continue;
    if (++Tried > MaxCallSites)
      break;
    // Sources only: what a constructor copies from its parameter is the
    // caller's to answer for, as a parameter is.
    Found = indexFor(*Definition, Ctx).valueAtEnd(*Member, Depth, SourcesMode);
    if (Found)
      break;
  }
  SearchingGlobals.erase(Member);
  FieldCache[Key] = Found;
  return Found;
}

std::optional<Trace> TaintAnalysis::find(const Expr &E, const FunctionDecl &F,
                                         ASTContext &Ctx, const Stmt *At,
                                         bool LineBreaksSuffice) {
  return indexFor(F, Ctx).find(E, At ? *At : E, 0, LineBreaksSuffice);
}

std::optional<Trace> TaintAnalysis::externalValueReaching(const Expr &E,
                                                          const FunctionDecl &F,
                                                          ASTContext &Ctx,
                                                          const Stmt *At) {
  return indexFor(F, Ctx).externalValueReaching(E, At ? *At : E);
}

std::optional<Trace> TaintAnalysis::sourceReachingSlot(const FunctionDecl &F,
                                                       int Slot,
                                                       ASTContext &Ctx) {
  const SlotSummary &S = summary(F, Slot, Ctx, 0);
  if (S.Source && (S.Source->Source.K != Origin::Kind::Parameter ||
                   S.Source->Source.Remote))
    return S.Source;
  return std::nullopt;
}

llvm::SmallVector<std::pair<unsigned, Trace>, 2>
TaintAnalysis::parametersReaching(const Expr &E, const FunctionDecl &F,
                                  ASTContext &Ctx, const Stmt *At) {
  llvm::SmallVector<std::pair<unsigned, Trace>, 2> Out;
  const FunctionDecl &Root = enclosingNonLambda(F);
  indexFor(Root, Ctx).parametersReaching(Root, E, At ? *At : E, Out);
  return Out;
}

const Expr *TaintAnalysis::lastAssignedValue(const VarDecl &V, const Stmt &At,
                                             const FunctionDecl &F,
                                             ASTContext &Ctx) {
  return indexFor(F, Ctx).lastAssignedValue(V, At);
}

void TaintAnalysis::clear() {
  Cache.clear();
  Summaries.clear();
  Sites.clear();
  SitesBuilt = false;
  Searching.clear();
  CallerCache.clear();
  GlobalUsers.clear();
  SearchingGlobals.clear();
  GlobalCache.clear();
  FieldVariables.clear();
  FieldCache.clear();
}

} // namespace clang::tidy::exitbar::taint
