// TaintSummaries.cpp - what a taint check tells other translation units
// SPDX-License-Identifier: Apache-2.0

#include "TaintSummaries.h"
#include "Locations.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <set>

namespace clang::tidy::exitbar::taint {
namespace {

llvm::json::Object step(SourceLocation Loc, std::string Message,
                        const SourceManager &SM) {
  llvm::json::Object S = summaryPlace(Loc, SM);
  S["message"] = std::move(Message);
  return S;
}

/// The hops of \p T after its origin.
void addSteps(llvm::json::Array &Steps, const Trace &T,
              const SourceManager &SM) {
  for (const Step &S : T.Steps)
    Steps.push_back(step(S.Loc, S.Text, SM));
}

std::string quoted(llvm::StringRef Name) { return ("'" + Name + "'").str(); }

/// How a pass or source step names the parameter an argument binds to.
std::string passedTo(const FunctionDecl &Callee, unsigned Arg) {
  std::string Text = "it is passed to " + quoted(Callee.getNameAsString());
  if (Arg < Callee.getNumParams() &&
      !Callee.getParamDecl(Arg)->getName().empty())
    return Text + " as " + quoted(Callee.getParamDecl(Arg)->getName());
  return Text + " as argument " + std::to_string(Arg + 1);
}

/// True for values that can carry text: pointers, arrays, references and
/// objects, not numbers.
bool mayCarryText(QualType T) {
  T = T.getNonReferenceType();
  return T->isPointerType() || T->isArrayType() || T->isRecordType();
}

/// The return statements of a function body, outside its lambdas.
void collectReturns(const Stmt *S,
                    llvm::SmallVectorImpl<const ReturnStmt *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    Out.push_back(R);
    return;
  }
  for (const Stmt *Child : S->children())
    collectReturns(Child, Out);
}

/// The node of a function's value: -1 its return value, -2 - k what it
/// writes through its parameter k.
int64_t slotNode(int OutParameter) {
  return OutParameter < 0 ? -1 : -2 - static_cast<int64_t>(OutParameter);
}

/// True for parameters a function can write text through: pointers to
/// non-const and non-const references.
bool isWritableText(QualType T) {
  if (T->isPointerType())
    return !T->getPointeeType().isConstQualified() &&
           !T->getPointeeType()->isFunctionType();
  return T->isLValueReferenceType() &&
         !T.getNonReferenceType().isConstQualified() && mayCarryText(T);
}

/// The step at a trace's origin, as the checks' first note says it.
llvm::json::Object originStep(const Trace &T, const SourceManager &SM) {
  const VarDecl *Via = T.Chain.empty() ? nullptr : T.Chain.front();
  std::string From = describeOrigin(T.Source);
  return step(T.Source.Loc,
              Via && Via != T.Source.Param
                  ? quoted(Via->getNameAsString()) + " comes from " + From
                  : "it comes from " + From,
              SM);
}

/// True when \p Text has a no-lint marker of kind \p Kind (the same-line
/// marker for "", the next-line one for "NEXTLINE") that covers \p Check:
/// bare, or with a list naming it or a glob over it. (These comments avoid
/// spelling the markers: clang-tidy and `exitbar tidy` read comments.)
bool noLintCovers(llvm::StringRef Text, llvm::StringRef Kind,
                  llvm::StringRef Check) {
  for (size_t At = Text.find("NOLINT"); At != llvm::StringRef::npos;
       At = Text.find("NOLINT", At + 6)) {
    llvm::StringRef Rest = Text.substr(At + 6);
    if (!Rest.consume_front(Kind))
      continue;
    if (!Rest.empty() &&
        (isalnum(static_cast<unsigned char>(Rest[0])) || Rest[0] == '_'))
      continue; // a longer marker: the next-line or block form
    if (!Rest.consume_front("("))
      return true;
    llvm::StringRef List = Rest.take_until([](char C) { return C == ')'; });
    if (List.trim().empty())
      return true;
    llvm::SmallVector<llvm::StringRef, 4> Items;
    List.split(Items, ',');
    for (llvm::StringRef Item : Items)
      if (globMatch(Item.trim(), Check))
        return true;
  }
  return false;
}

/// True when \p F is defined in one translation unit and only declared in
/// the others, so that what it does is known across units only through
/// its summary. Inline functions and implicit template instantiations are
/// defined in every unit that calls them, where the analysis follows their
/// body; summaries of them would only repeat that, in every unit that
/// includes their header (most of the cost of summaries in header-heavy
/// code such as fmt's).
bool isDefinedInOneUnit(const FunctionDecl &F) {
  if (F.isInlined() || F.isDependentContext())
    return false;
  return F.getTemplateSpecializationKind() != TSK_ImplicitInstantiation;
}

} // namespace

/// Where \p Loc is as the build output shows it: the expansion of a macro,
/// an absolute file name.
llvm::json::Object summaryPlace(SourceLocation Loc, const SourceManager &SM) {
  SourceLocation At = SM.getExpansionLoc(Loc);
  llvm::SmallString<256> Name(SM.getFilename(At));
  if (!Name.empty()) {
    llvm::sys::fs::make_absolute(Name);
    llvm::sys::path::remove_dots(Name, /*remove_dot_dot=*/true);
  }
  return llvm::json::Object{
      {"file", std::string(Name)},
      {"line", static_cast<int64_t>(SM.getExpansionLineNumber(At))},
      {"column", static_cast<int64_t>(SM.getExpansionColumnNumber(At))}};
}

/// \p Record as one line of JSON. (Not llvm::formatv: its adapter's
/// anchor differs between LLVM majors, and the plugin must still load into
/// a clang-tidy of a near major to say it was built for another.)
std::string summaryLine(llvm::json::Object Record) {
  std::string Line;
  llvm::raw_string_ostream Out(Line);
  Out << llvm::json::Value(std::move(Record));
  return Out.str();
}

/// True when a same-line or next-line no-lint marker silences \p Check
/// at \p Loc: a flow linked to that sink later must stay as silent as the
/// diagnostic clang-tidy would have dropped there.
bool isSilencedAt(SourceLocation Loc, llvm::StringRef Check,
                  const SourceManager &SM) {
  SourceLocation At = SM.getExpansionLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(At), &Invalid);
  if (Invalid)
    return false;
  unsigned Offset = SM.getFileOffset(At);
  // rfind(C, From) looks at the characters before From.
  size_t Begin = Buffer.rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  llvm::StringRef Line =
      Buffer.substr(Begin).take_until([](char C) { return C == '\n'; });
  if (noLintCovers(Line, "", Check))
    return true;
  if (Begin == 0)
    return false;
  size_t PrevBegin = Buffer.rfind('\n', Begin - 1);
  PrevBegin = PrevBegin == llvm::StringRef::npos ? 0 : PrevBegin + 1;
  llvm::StringRef Previous = Buffer.substr(PrevBegin, Begin - 1 - PrevBegin);
  return noLintCovers(Previous, "NEXTLINE", Check);
}

void appendSummaryLines(const std::string &File,
                        std::vector<std::string> &Lines) {
  if (Lines.empty() || File.empty())
    return;
  std::error_code Ec;
  // O_APPEND: the unit's checks each append their lines to one file.
  llvm::raw_fd_ostream Out(File, Ec, llvm::sys::fs::OF_Append);
  if (Ec)
    // Lost summaries lose findings linked from them (and a route deferred
    // to the link): the launcher turns this line into an analysis error,
    // as it does a configuration clang-tidy rejected.
    llvm::errs() << "error: exitbar cannot append its summaries to " << File
                 << ": " << Ec.message() << " [clang-tidy-config]\n";
  else
    for (const std::string &Line : Lines)
      Out << Line << '\n';
  Lines.clear();
}

std::string linkName(const NamedDecl &F) {
  if (!F.isExternallyVisible() || F.getDeclName().isEmpty())
    return "";
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F))
    if (M->getParent()->isLambda())
      return "";
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&F, Usr))
    return "";
  return std::string(Usr);
}

namespace {

/// The link name of where another unit's value \p T comes from: the
/// global read or the function called; "" when it has none.
std::string externalLink(const Trace &T) {
  const NamedDecl *From = T.Source.Global;
  if (!From)
    From = T.Source.Function;
  return From ? linkName(*From) : "";
}

/// The first step of another unit's value \p T, where this unit gets it.
llvm::json::Value externalStep(const Trace &T, const SourceManager &SM) {
  return step(T.Source.Loc,
              T.Source.Global              ? "it is read from " + T.Source.Name
              : T.Source.OutParameter >= 0 ? T.Source.Name + " writes it here"
                                           : T.Source.Name + " returns it here",
              SM);
}

} // namespace

std::string summaryFile() {
  const char *Path = std::getenv("EXITBAR_TAINT_SUMMARIES");
  return Path ? Path : "";
}

SummaryRecorder::SummaryRecorder(llvm::StringRef Check)
    : Check(Check.str()), File(summaryFile()) {}

void SummaryRecorder::registerMatchers(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *Check) {
  using namespace ast_matchers;
  if (!enabled())
    return;
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader())).bind("summary-call"),
      Check);
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("summary-definition"),
      Check);
  Finder->addMatcher(binaryOperator(isAssignmentOperator(),
                                    hasLHS(ignoringParenImpCasts(declRefExpr(
                                        to(varDecl(hasGlobalStorage()))))),
                                    unless(isExpansionInSystemHeader()))
                         .bind("summary-global-write"),
                     Check);
}

bool SummaryRecorder::record(
    TaintAnalysis &Taint,
    const ast_matchers::MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("summary-call")) {
    recordCall(Taint, *Call, Ctx);
    return true;
  }
  if (const auto *F =
          Result.Nodes.getNodeAs<FunctionDecl>("summary-definition")) {
    recordDefinition(Taint, *F, Ctx);
    return true;
  }
  if (const auto *Write =
          Result.Nodes.getNodeAs<BinaryOperator>("summary-global-write")) {
    recordGlobalWrite(Taint, *Write, Ctx);
    return true;
  }
  return false;
}

void SummaryRecorder::recordSink(TaintAnalysis &Taint, const Stmt &Sink,
                                 const Expr &Arg, const FunctionDecl &Fn,
                                 llvm::StringRef Message,
                                 bool NeedsRemoteOrAppended, ASTContext &Ctx) {
  if (!enabled())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (isSilencedAt(Sink.getBeginLoc(), Check, SM))
    return;
  auto Record = [&](std::string Function, int64_t Parameter, const Trace &T,
                    llvm::json::Array Steps) {
    addSteps(Steps, T, SM);
    llvm::json::Object R = summaryPlace(Sink.getBeginLoc(), SM);
    R["kind"] = "sink";
    R["check"] = Check;
    R["function"] = std::move(Function);
    R["parameter"] = Parameter;
    R["message"] = Message.str();
    R["appended"] = T.Appended;
    R["combined"] = T.Combined;
    R["needs_remote_or_appended"] = NeedsRemoteOrAppended;
    R["steps"] = std::move(Steps);
    Lines.push_back(summaryLine(std::move(R)));
  };
  // What another unit's function returns reaches the sink: parameter -1
  // stands for the return value.
  if (auto T = Taint.externalValueReaching(Arg, Fn, Ctx, &Sink))
    if (std::string Link = externalLink(*T); !Link.empty())
      Record(std::move(Link), slotNode(T->Source.OutParameter), *T,
             llvm::json::Array{externalStep(*T, SM)});
  const FunctionDecl &Root = enclosingNonLambda(Fn);
  std::string Name = linkName(Root);
  if (Name.empty())
    return;
  for (auto &[K, T] : Taint.parametersReaching(Arg, Fn, Ctx, &Sink)) {
    const ParmVarDecl *P = Root.getParamDecl(K);
    llvm::json::Array Steps;
    Steps.push_back(step(P->getLocation(),
                         quoted(Root.getNameAsString()) + " receives it as " +
                             quoted(P->getName()),
                         SM));
    Record(Name, static_cast<int64_t>(K), T, std::move(Steps));
  }
}

void SummaryRecorder::recordDefinition(TaintAnalysis &Taint,
                                       const FunctionDecl &F, ASTContext &Ctx) {
  if (!enabled() || !F.doesThisDeclarationHaveABody() || !isDefinedInOneUnit(F))
    return;
  std::string Name = linkName(F);
  if (Name.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Record = [&](int Slot) {
    auto T = Taint.sourceReachingSlot(F, Slot, Ctx);
    if (!T)
      return;
    llvm::json::Array Steps;
    Steps.push_back(originStep(*T, SM));
    addSteps(Steps, *T, SM);
    if (Slot >= 0)
      Steps.push_back(step(F.getParamDecl(Slot)->getLocation(),
                           quoted(F.getNameAsString()) + " writes it into " +
                               quoted(F.getParamDecl(Slot)->getName()),
                           SM));
    llvm::json::Object R{{"kind", "source"},
                         {"check", Check},
                         {"callee", Name},
                         {"argument", slotNode(Slot)},
                         {"remote", T->Source.Remote},
                         {"appended", T->Appended},
                         {"combined", T->Combined},
                         {"steps", std::move(Steps)}};
    Lines.push_back(summaryLine(std::move(R)));
  };
  if (mayCarryText(F.getReturnType())) {
    Record(-1);
    recordReturnedPasses(Taint, F, Name, Ctx);
  }
  for (unsigned K = 0; K < std::min(F.getNumParams(), 8U); ++K)
    if (isWritableText(F.getParamDecl(K)->getType()))
      Record(static_cast<int>(K));
}

void SummaryRecorder::recordReturnedPasses(TaintAnalysis &Taint,
                                           const FunctionDecl &F,
                                           const std::string &Name,
                                           ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturns(F.getBody(), Returns);
  // One record per origin: several returns of the same value add nothing.
  std::set<std::pair<std::string, int64_t>> Seen;
  auto Record = [&](std::string From, int64_t Slot, const Trace &T,
                    llvm::json::Array Steps, const ReturnStmt &Ret) {
    if (!Seen.insert({From, Slot}).second)
      return;
    addSteps(Steps, T, SM);
    Steps.push_back(step(Ret.getBeginLoc(),
                         quoted(F.getNameAsString()) + " returns it", SM));
    llvm::json::Object R{{"kind", "pass"},
                         {"check", Check},
                         {"function", std::move(From)},
                         {"parameter", Slot},
                         {"callee", Name},
                         {"argument", -1},
                         {"appended", T.Appended},
                         {"combined", T.Combined},
                         {"steps", std::move(Steps)}};
    Lines.push_back(summaryLine(std::move(R)));
  };
  for (const ReturnStmt *Ret : Returns) {
    const Expr *Value = Ret->getRetValue();
    if (!Value)
      continue;
    // Another unit's value returned on: `return "run " + readCommand(fd);`
    if (auto T = Taint.externalValueReaching(*Value, F, Ctx, Ret))
      if (std::string Link = externalLink(*T); !Link.empty())
        Record(std::move(Link), slotNode(T->Source.OutParameter), *T,
               llvm::json::Array{externalStep(*T, SM)}, *Ret);
    // A parameter returned is not recorded: linked across units without
    // the call site, what one caller passes would reach what another
    // caller's sink receives.
  }
}

void SummaryRecorder::recordCall(TaintAnalysis &Taint, const CallExpr &Call,
                                 ASTContext &Ctx) {
  if (!enabled())
    return;
  // Named, not a structured binding: the lambda below uses them, and
  // C++17 lambdas cannot capture bindings.
  std::pair<const FunctionDecl *, unsigned> Resolved = resolveCall(Call);
  const FunctionDecl *Target = Resolved.first;
  unsigned Offset = Resolved.second;
  // A function this unit defines is followed inside it; a library
  // function's behaviour is modelled, not linked.
  if (!Target || Target->hasBody() || Target->getBuiltinID() != 0 ||
      !isDefinedInOneUnit(*Target) ||
      utils::isInSystemHeader(Ctx.getSourceManager(), Target->getLocation()))
    return;
  std::string Callee = linkName(*Target);
  const FunctionDecl *Fn = enclosingFunction(Call, Ctx);
  if (Callee.empty() || !Fn)
    return;
  const FunctionDecl &Root = enclosingNonLambda(*Fn);
  std::string Caller = linkName(Root);
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = Offset; I < Call.getNumArgs(); ++I) {
    const Expr &Arg = *Call.getArg(I);
    unsigned Index = I - Offset;
    if (!mayCarryText(Arg.getType()))
      continue;
    auto Record = [&](llvm::json::Object R, const Trace &T,
                      llvm::json::Array Steps) {
      addSteps(Steps, T, SM);
      Steps.push_back(step(Arg.getBeginLoc(), passedTo(*Target, Index), SM));
      R["check"] = Check;
      R["callee"] = Callee;
      R["argument"] = static_cast<int64_t>(Index);
      R["appended"] = T.Appended;
      R["combined"] = T.Combined;
      R["steps"] = std::move(Steps);
      Lines.push_back(summaryLine(std::move(R)));
    };
    auto T = Taint.find(Arg, *Fn, Ctx, &Call);
    if (T && (T->Source.K != Origin::Kind::Parameter || T->Source.Remote)) {
      llvm::json::Array Steps;
      Steps.push_back(originStep(*T, SM));
      Record(
          llvm::json::Object{{"kind", "source"}, {"remote", T->Source.Remote}},
          *T, std::move(Steps));
    }
    if (Caller.empty())
      continue;
    for (auto &[K, PT] : Taint.parametersReaching(Arg, *Fn, Ctx, &Call))
      Record(llvm::json::Object{{"kind", "pass"},
                                {"function", Caller},
                                {"parameter", static_cast<int64_t>(K)}},
             PT, {});
  }
}

void SummaryRecorder::recordGlobalWrite(TaintAnalysis &Taint,
                                        const BinaryOperator &Assign,
                                        ASTContext &Ctx) {
  if (!enabled())
    return;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Assign.getLHS()->IgnoreParenImpCasts());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const FunctionDecl *Fn = enclosingFunction(Assign, Ctx);
  if (!V || !Fn || !V->hasGlobalStorage() || V->isStaticLocal() ||
      !mayCarryText(V->getType()))
    return;
  std::string Name = linkName(*V);
  if (Name.empty())
    return;
  auto T = Taint.find(*Assign.getRHS(), *Fn, Ctx, &Assign);
  if (!T || (T->Source.K == Origin::Kind::Parameter && !T->Source.Remote))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::json::Array Steps;
  Steps.push_back(originStep(*T, SM));
  addSteps(Steps, *T, SM);
  Steps.push_back(step(Assign.getOperatorLoc(),
                       "it is stored in global " + quoted(V->getName()), SM));
  llvm::json::Object R{{"kind", "source"},
                       {"check", Check},
                       {"callee", Name},
                       {"argument", -1},
                       {"remote", T->Source.Remote},
                       {"appended", T->Appended},
                       {"combined", T->Combined},
                       {"steps", std::move(Steps)}};
  Lines.push_back(summaryLine(std::move(R)));
}

void SummaryRecorder::flush() { appendSummaryLines(File, Lines); }

} // namespace clang::tidy::exitbar::taint
