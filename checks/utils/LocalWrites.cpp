// LocalWrites.cpp - the writes to each local variable of a function body
// SPDX-License-Identifier: Apache-2.0

#include "utils/LocalWrites.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <optional>

namespace clang::tidy::exitbar::utils {
namespace {

/// The tracked variable an expression names directly, or null.
const VarDecl *trackedVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(stripWrappers(E)))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (isTrackedVariable(V))
        return V;
  return nullptr;
}

/// For functions that copy one argument into another: the index of the
/// copied argument, whether they append, and the written argument (the
/// first, except for bcopy's (src, dst, n)).
struct CopyInfo {
  unsigned Source;
  bool Appends;
  unsigned Dest = 0;
};

std::optional<CopyInfo> copyInfo(StringRef Name) {
  return llvm::StringSwitch<std::optional<CopyInfo>>(Name)
      .Cases("strcpy", "strncpy", "stpcpy", "stpncpy", "strlcpy",
             CopyInfo{1, false})
      .Cases("wcscpy", "wcsncpy", "memcpy", "memmove", "wmemcpy",
             CopyInfo{1, false})
      .Cases("g_strlcpy", "lstrcpyA", "lstrcpyW", "lstrcpy", CopyInfo{1, false})
      .Case("bcopy", CopyInfo{0, false, 1})
      .Cases("strcpy_s", "strncpy_s", "wcscpy_s", "memcpy_s",
             CopyInfo{2, false})
      .Cases("strcat", "strncat", "strlcat", "wcscat", "wcsncat",
             CopyInfo{1, true})
      .Case("strcat_s", CopyInfo{2, true})
      .Default(std::nullopt);
}

/// For sprintf-like functions: the index of the format argument.
std::optional<unsigned> printIntoFormat(StringRef Name) {
  return llvm::StringSwitch<std::optional<unsigned>>(Name)
      .Cases("sprintf", "vsprintf", "asprintf", "vasprintf", "g_sprintf", 1U)
      .Cases("snprintf", "vsnprintf", "swprintf", "vswprintf", 2U)
      .Cases("sprintf_s", "_snprintf", "g_snprintf", 2U)
      .Default(std::nullopt);
}

/// True when passing \p Arg to \p Param lets the callee write into the
/// variable the argument names: a non-const reference, or a char buffer
/// given as a pointer to non-const.
bool writesThrough(const VarDecl *V, const ParmVarDecl *Param) {
  QualType P = Param->getType();
  if (P->isLValueReferenceType())
    return !P.getNonReferenceType().isConstQualified();
  if (const auto *Ptr = P->getAs<PointerType>()) {
    QualType Pointee = Ptr->getPointeeType();
    QualType VT = V->getType();
    bool Buffer = VT->isArrayType() || VT->isPointerType();
    return Buffer && !Pointee.isConstQualified() &&
           (Pointee->isAnyCharacterType() || Pointee->isVoidType());
  }
  return false;
}

/// Walks one body and records its writes.
class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(LocalWrites &Out, const SourceManager &SM) : Out(Out), SM(SM) {}

  bool shouldVisitLambdaBody() const { return false; }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
    if (const VarDecl *Loop = For->getLoopVariable()) {
      LoopVars.push_back(Loop);
      VarWrite W;
      W.Loc = loc(For->getBeginLoc());
      W.Sources.push_back(For->getRangeInit());
      W.Element = true;
      Out.add(Loop, std::move(W));
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (!isTrackedVariable(V) || !V->hasInit() || isa<ParmVarDecl>(V) ||
        llvm::is_contained(LoopVars, V))
      return true;
    VarWrite W;
    W.Loc = loc(V->getLocation());
    W.Sources.push_back(V->getInit());
    Out.add(V, std::move(W));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() != BO_Assign && Op->getOpcode() != BO_AddAssign)
      return true;
    if (const VarDecl *V = trackedVar(Op->getLHS()))
      record(V, Op, Op->getOpcode() == BO_AddAssign, {Op->getRHS()});
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getNumArgs() != 2)
      return true;
    OverloadedOperatorKind Op = Call->getOperator();
    if (Op == OO_Equal || Op == OO_PlusEqual) {
      if (const VarDecl *V = trackedVar(Call->getArg(0)))
        record(V, Call, Op == OO_PlusEqual, {Call->getArg(1)});
    } else if (Op == OO_LessLess) {
      // `ss << a << b`: every link appends to the stream at the root.
      const Expr *Root = Call->getArg(0);
      while (const auto *Link =
                 dyn_cast<CXXOperatorCallExpr>(stripWrappers(Root))) {
        if (Link->getOperator() != OO_LessLess || Link->getNumArgs() != 2)
          break;
        Root = Link->getArg(0);
      }
      if (const VarDecl *V = trackedVar(Root))
        record(V, Call, /*Appends=*/true, {Call->getArg(1)});
    } else if (Op == OO_GreaterGreater) {
      if (const VarDecl *V = trackedVar(Call->getArg(1)))
        produce(V, Call);
    }
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const VarDecl *V = trackedVar(Call->getImplicitObjectArgument());
    if (!Method || !V || !Method->getDeclName().isIdentifier())
      return true;
    StringRef Name = Method->getName();
    llvm::SmallVector<const Expr *, 2> Args(Call->arguments().begin(),
                                            Call->arguments().end());
    if (Name == "assign")
      record(V, Call, /*Appends=*/false, Args);
    else if (Name == "append" || Name == "push_back" || Name == "insert")
      record(V, Call, /*Appends=*/true, Args);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (isa<CXXMemberCallExpr>(Call) || isa<CXXOperatorCallExpr>(Call))
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getDeclName().isIdentifier())
      return true;
    StringRef Name = Callee->getName();
    unsigned N = Call->getNumArgs();
    if (auto Copy = copyInfo(Name)) {
      if (Copy->Source < N && Copy->Dest < N)
        if (const VarDecl *V = trackedVar(Call->getArg(Copy->Dest)))
          record(V, Call, Copy->Appends, {Call->getArg(Copy->Source)});
      return true;
    }
    if (auto Format = printIntoFormat(Name)) {
      const Expr *Dest = Call->getNumArgs() ? Call->getArg(0) : nullptr;
      // asprintf(&p, ...) writes through the address.
      if (Dest)
        if (const auto *Addr = dyn_cast<UnaryOperator>(stripWrappers(Dest)))
          if (Addr->getOpcode() == UO_AddrOf)
            Dest = Addr->getSubExpr();
      if (const VarDecl *V = trackedVar(Dest)) {
        llvm::SmallVector<const Expr *, 2> Args;
        for (unsigned I = *Format; I < N; ++I)
          Args.push_back(Call->getArg(I));
        record(V, Call, /*Appends=*/false, Args);
      }
      return true;
    }
    // Out-parameters: `getline(in, line)`, `read_password(buf, n)`,
    // `get_token(&tok)`.
    for (unsigned I = 0; I < N; ++I) {
      const Expr *Arg = stripWrappers(Call->getArg(I));
      if (const auto *Addr = dyn_cast<UnaryOperator>(Arg))
        if (Addr->getOpcode() == UO_AddrOf)
          if (const VarDecl *V = trackedVar(Addr->getSubExpr())) {
            produce(V, Call);
            continue;
          }
      if (const VarDecl *V = trackedVar(Arg))
        if (I < Callee->getNumParams() &&
            writesThrough(V, Callee->getParamDecl(I)))
          produce(V, Call);
    }
    return true;
  }

private:
  SourceLocation loc(SourceLocation L) const { return SM.getExpansionLoc(L); }

  void record(const VarDecl *V, const Expr *At, bool Appends,
              llvm::ArrayRef<const Expr *> Sources) {
    VarWrite W;
    W.How = Appends ? VarWrite::Kind::Append : VarWrite::Kind::Overwrite;
    W.Loc = loc(At->getBeginLoc());
    W.Sources.append(Sources.begin(), Sources.end());
    Out.add(V, std::move(W));
  }

  void produce(const VarDecl *V, const Expr *Call) {
    VarWrite W;
    W.Loc = loc(Call->getBeginLoc());
    W.Producer = Call;
    Out.add(V, std::move(W));
  }

  LocalWrites &Out;
  const SourceManager &SM;
  llvm::SmallVector<const VarDecl *, 4> LoopVars;
};

} // namespace

/// A character type, including C's `wchar_t`, `char16_t` and `char32_t`,
/// which are typedefs of integer types there.
static bool isCharacterLike(QualType T) {
  if (T.isNull())
    return false;
  if (T->isAnyCharacterType())
    return true;
  for (const auto *Typedef = T->getAs<TypedefType>(); Typedef;
       Typedef =
           Typedef->getDecl()->getUnderlyingType()->getAs<TypedefType>()) {
    StringRef Name = Typedef->getDecl()->getName();
    if (Name == "wchar_t" || Name == "char16_t" || Name == "char32_t")
      return true;
  }
  return false;
}

bool isTextType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return isCharacterLike(T->getPointeeType());
  if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    return isCharacterLike(Array->getElementType());
  if (const auto *RD = T->getAsRecordDecl()) {
    std::string Name = RD->getName().lower();
    return StringRef(Name).contains("string") || Name == "qbytearray" ||
           Name == "twine";
  }
  return false;
}

bool isTrackedVariable(const VarDecl *V) {
  return V && (isa<ParmVarDecl>(V) || V->isLocalVarDecl());
}

LocalWrites::LocalWrites(const Stmt &Body, ASTContext &Ctx)
    : SM(Ctx.getSourceManager()) {
  Collector(*this, SM).TraverseStmt(const_cast<Stmt *>(&Body));
  for (auto &Entry : Writes)
    std::stable_sort(Entry.second.begin(), Entry.second.end(),
                     [&](const VarWrite &A, const VarWrite &B) {
                       return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                     });
}

void LocalWrites::add(const VarDecl *V, VarWrite W) {
  Writes[V].push_back(std::move(W));
}

llvm::ArrayRef<VarWrite> LocalWrites::all(const VarDecl *V) const {
  auto It = Writes.find(V);
  if (It == Writes.end())
    return {};
  return It->second;
}

llvm::SmallVector<const VarWrite *, 4>
LocalWrites::reaching(const VarDecl *V, SourceLocation Use) const {
  llvm::SmallVector<const VarWrite *, 4> Found;
  llvm::ArrayRef<VarWrite> List = all(V);
  SourceLocation At = SM.getExpansionLoc(Use);
  for (size_t I = List.size(); I > 0; --I) {
    const VarWrite &W = List[I - 1];
    if (!SM.isBeforeInTranslationUnit(W.Loc, At))
      continue;
    Found.push_back(&W);
    if (W.How == VarWrite::Kind::Overwrite)
      break;
  }
  return Found;
}

const LocalWrites &LocalWritesCache::get(const Stmt &Body, ASTContext &Ctx) {
  std::unique_ptr<LocalWrites> &Entry = Cache[&Body];
  if (!Entry)
    Entry = std::make_unique<LocalWrites>(Body, Ctx);
  return *Entry;
}

} // namespace clang::tidy::exitbar::utils
