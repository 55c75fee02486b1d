// SecretInLogCheck.cpp - flags secrets that reach a logging or printing call
// SPDX-License-Identifier: Apache-2.0

#include "SecretInLogCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/Locations.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
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

constexpr llvm::StringLiteral DefaultLogFunctions =
    "printf;vprintf;wprintf;vwprintf;puts;perror;syslog;vsyslog;err;errx;"
    "warn;warnx;verr;verrx;vwarn;vwarnx;fprintf;vfprintf;fwprintf;vfwprintf;"
    "fputs;fputws;dprintf;vdprintf;__android_log_print;__android_log_write;"
    "__android_log_vprint;OutputDebugStringA;OutputDebugStringW;printk;"
    "g_print;g_printerr;g_message;g_warning;g_debug;g_info;g_critical;"
    "g_error;errmsg;errdetail;errhint;errmsg_internal;fmt::print;"
    "fmt::println;std::print;std::println;spdlog::trace;spdlog::debug;"
    "spdlog::info;spdlog::warn;spdlog::error;spdlog::critical;spdlog::log";

constexpr llvm::StringLiteral DefaultLogWords =
    "log;logf;logv;logger;print;printf;println;printk;trace;tracef;debug;"
    "debugf;dbg;dlog;elog;vlog;plog;syslog;logd;logi;logw;loge;alogd;alogi;"
    "alogw;aloge;alogv;logmsg;infof;warnf;errorf;failf";

/// Functions that print to a stream given as an argument: its index.
std::optional<unsigned> streamArgument(StringRef Name) {
  return llvm::StringSwitch<std::optional<unsigned>>(Name)
      .Cases("fprintf", "vfprintf", "fwprintf", "vfwprintf", 0U)
      .Cases("dprintf", "vdprintf", 0U)
      .Cases("fputs", "fputws", 1U)
      .Default(std::nullopt);
}

/// Words in the name of a stream or of the function writing to it that say
/// it stores configuration or credentials (another finding) rather than
/// logging: `save_config`, `netrc_fp`, `htpasswd`.
bool isStorageWord(StringRef Word) {
  static const llvm::StringSet<> Words = {
      "conf",     "config", "cfg",     "netrc",      "passwd",      "htpasswd",
      "shadow",   "cred",   "creds",   "credential", "credentials", "keyring",
      "wallet",   "secret", "secrets", "key",        "keys",        "pem",
      "save",     "store",  "persist", "export",     "serialize",   "serialise",
      "settings", "ini",    "json",    "yaml",       "xml"};
  return Words.contains(Word);
}

/// True when \p Name or the function around \p At says it stores data.
bool isStorage(StringRef Name, const Expr &At, ASTContext &Ctx) {
  for (const std::string &Word : utils::splitNameWords(Name))
    if (isStorageWord(Word))
      return true;
  if (const FunctionDecl *Fn = utils::enclosingFunction(At, Ctx))
    if (Fn->getDeclName().isIdentifier())
      for (const std::string &Word :
           utils::splitNameWords(utils::identifierOf(Fn)))
        if (isStorageWord(Word))
          return true;
  return false;
}

/// The name of the variable or field an expression names, or "".
StringRef nameOfTarget(const Expr *E) {
  E = utils::stripWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (Ref->getDecl()->getDeclName().isIdentifier())
      return utils::identifierOf(Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (Member->getMemberDecl()->getDeclName().isIdentifier())
      return utils::identifierOf(Member->getMemberDecl());
  return {};
}

/// Functions whose result carries their arguments' text unchanged.
bool isPassThroughFunction(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("strdup", "_strdup", "g_strdup", "wcsdup", "_wcsdup", true)
      .Cases("move", "forward", "format", "vformat", "StrCat", true)
      .Cases("StrFormat", "Substitute", "sformat", "string_format", true)
      .Cases("g_strdup_printf", "g_strconcat", "fromStdString", true)
      .Cases("fromUtf8", "fromLatin1", "fromLocal8Bit", "QString", true)
      .Default(false);
}

/// Functions that return the value of an environment variable.
bool isEnvironmentGetter(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("getenv", "secure_getenv", "__secure_getenv", "_wgetenv", true)
      .Cases("qgetenv", "g_getenv", "qEnvironmentVariable", true)
      .Default(false);
}

/// Functions that read a password from the terminal.
bool isPasswordReader(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("getpass", "readpassphrase", "getpassphrase", true)
      .Default(false);
}

/// Functions that split text into tokens or name directories: a weakly
/// secret-named variable they fill (`token`, `pwd`) is not a secret.
bool isTokenizer(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("strtok", "strtok_r", "strtok_s", "wcstok", "strsep", true)
      .Cases("getline", "getdelim", "getcwd", "_getcwd", "getwd", true)
      .Cases("get_current_dir_name", "realpath", "fgets", "scanf", true)
      .Cases("sscanf", "fscanf", "read", "recv", true)
      .Default(false);
}

/// The text of a string literal argument, looking through conversions.
std::optional<std::string> literalArgument(const Expr *E) {
  E = utils::stripWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = utils::stripWrappers(Construct->getArg(0));
  if (const auto *Lit = dyn_cast<StringLiteral>(E))
    if (Lit->getCharByteWidth() == 1)
      return Lit->getString().str();
  return std::nullopt;
}

/// True when \p RD is or derives from the class named \p Qualified.
bool derivesFrom(const CXXRecordDecl *RD, StringRef Qualified,
                 unsigned Depth = 0) {
  if (!RD || Depth > 16)
    return false;
  if (RD->getQualifiedNameAsString() == Qualified)
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (derivesFrom(Base.getType()->getAsCXXRecordDecl(), Qualified, Depth + 1))
      return true;
  return false;
}

/// Whether a value of type \p T named with strength \p Kind can print a
/// secret: text for weak names; text or any class for strong ones (a
/// `Credentials` with its own operator<<), never numbers, flags or handles.
bool canHoldSecret(QualType T, SecretKind Kind) {
  if (Kind == SecretKind::None || T.isNull() || T->isDependentType())
    return false;
  if (utils::isTextType(T))
    return true;
  return Kind == SecretKind::Strong && T.getNonReferenceType()->isRecordType();
}

/// An origin that is the logged value itself, not a variable it went
/// through.
SecretInLogCheck::Origin named(std::string Subject) {
  return {std::move(Subject), "", SourceLocation(), false};
}

/// An origin named only weakly.
SecretInLogCheck::Origin weaklyNamed(std::string Subject) {
  return {std::move(Subject), "", SourceLocation(), true};
}

/// True when a word of an identifier or message is about authentication:
/// `authenticate`, `login`, `session`, `oauth`, `Bearer`, `password`.
bool isAuthenticationWord(StringRef Word) {
  for (StringRef Stem :
       {"auth", "login", "logon", "signin", "session", "oauth", "credential",
        "bearer", "jwt", "sso", "saml", "passw", "secret", "apikey", "access"})
    if (compat::startsWith(Word, Stem))
      return true;
  return false;
}

/// Parameter names that say a function takes the text it logs.
bool isMessageParameter(StringRef Name) {
  static const llvm::StringSet<> Words = {
      "fmt",  "format", "msg",    "message", "text",        "str",    "string",
      "s",    "line",   "args",   "arg",     "buf",         "buffer", "data",
      "info", "what",   "output", "out",     "value",       "val",    "content",
      "log",  "entry",  "detail", "details", "description", "body"};
  for (const std::string &Word : utils::splitNameWords(Name))
    if (Words.contains(Word))
      return true;
  return false;
}

} // namespace

SecretInLogCheck::SecretInLogCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Names(
          Options.get("SecretWords", utils::SecretNames::DefaultSecretWords),
          Options.get("IgnoredWords", utils::SecretNames::DefaultIgnoredWords)),
      LogFunctions(
          utils::parseList(Options.get("LogFunctions", DefaultLogFunctions))),
      LogWords(utils::parseList(Options.get("LogWords", DefaultLogWords))) {
  for (const std::string &F : LogFunctions)
    LogFunctionSet.insert(F);
  for (const std::string &W : LogWords)
    LogWordSet.insert(StringRef(W).lower());
}

void SecretInLogCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SecretWords", Names.secretWords());
  Options.store(Opts, "IgnoredWords", Names.ignoredWords());
  Options.store(Opts, "LogFunctions", utils::joinList(LogFunctions));
  Options.store(Opts, "LogWords", utils::joinList(LogWords));
}

void SecretInLogCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  auto Common = allOf(unless(isExpansionInSystemHeader()),
                      unless(isInTemplateInstantiation()));
  Finder->addMatcher(callExpr(Common, unless(cxxOperatorCallExpr()),
                              callee(functionDecl().bind("fn")))
                         .bind("call"),
                     this);
  Finder->addMatcher(cxxOperatorCallExpr(Common,
                                         hasOverloadedOperatorName("<<"),
                                         argumentCountIs(2))
                         .bind("shift"),
                     this);
}

bool SecretInLogCheck::isLoggingFunction(const FunctionDecl *Fn) const {
  StringRef Id = identifierOf(Fn);
  if (Id.empty())
    return false;
  if (LogFunctionSet.contains(Id) ||
      LogFunctionSet.contains(Fn->getQualifiedNameAsString()))
    return true;
  std::vector<std::string> Words = utils::splitNameWords(Id);
  // StringPrintf(), format_message(): returning the text formats it, which
  // secretOf() follows as a copy.
  if (utils::isTextType(Fn->getReturnType()))
    return false;
  if (!Words.empty() && (LogWordSet.contains(Words.front()) ||
                         LogWordSet.contains(Words.back()))) {
    // mg_printf(conn, ...), BIO_printf(bio, ...): printing to a connection
    // or stream given first is output, not logging; a name that says log,
    // trace or debug still logs wherever it writes.
    auto IsPrint = [](StringRef W) {
      return W == "print" || W == "printf" || W == "println";
    };
    bool OnlyPrint =
        (!LogWordSet.contains(Words.front()) || IsPrint(Words.front())) &&
        (!LogWordSet.contains(Words.back()) || IsPrint(Words.back()));
    if (OnlyPrint && Fn->getNumParams() > 0) {
      QualType First = Fn->getParamDecl(0)->getType().getNonReferenceType();
      bool Target = Fn->getParamDecl(0)->getType()->isReferenceType()
                        ? First->isRecordType() && !utils::isTextType(First)
                        : First->isPointerType() &&
                              !First->getPointeeType()->isAnyCharacterType();
      if (Target)
        return false;
    }
    // A name alone is not enough: `curl_global_trace(config)` configures
    // tracing. A logging function is variadic, a template, or takes a
    // message.
    if (Fn->isVariadic() || Fn->getPrimaryTemplate() ||
        Fn->getDescribedFunctionTemplate())
      return true;
    bool Named = false;
    for (const ParmVarDecl *Param : Fn->parameters()) {
      StringRef ParamName = identifierOf(Param);
      if (ParamName.empty() || !utils::isTextType(Param->getType()))
        continue;
      Named = true;
      if (isMessageParameter(ParamName))
        return true;
    }
    if (!Named)
      return true;
  }
  // logger.info(...), LOG.error(...): any method of a logger class.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn))
    for (const std::string &Word :
         utils::splitNameWords(identifierOf(Method->getParent())))
      if (Word == "log" || Word == "logger" || Word == "logging")
        return true;
  // The project's own printf-like functions that take nothing to write into
  // before the format (`x_msg(flags, fmt, ...)`, `die(fmt, ...)`): they
  // print, and printing is logging unless a buffer, stream, descriptor or
  // connection is named first (`buf_printf(&buf, ...)`, `reply(fd, ...)`).
  // The format is the one a printf format attribute names, or a variadic
  // function's last parameter, a `const char *` named `fmt` or `format`
  // (clang 14 drops GCC's `format(gnu_printf, ...)`).
  unsigned FormatIndex = 0; // 1-based among the declared parameters
  if (const auto *Format = Fn->getAttr<FormatAttr>()) {
    if (Format->getType() && Format->getType()->getName().contains("printf") &&
        Format->getFormatIdx() >= 1) {
      FormatIndex = static_cast<unsigned>(Format->getFormatIdx());
      // Methods count `this` as the first argument of the attribute.
      if (isa<CXXMethodDecl>(Fn) && !cast<CXXMethodDecl>(Fn)->isStatic())
        FormatIndex = FormatIndex > 1 ? FormatIndex - 1 : 0;
    }
  } else if (Fn->isVariadic() && Fn->getNumParams() > 0) {
    const ParmVarDecl *Last = Fn->getParamDecl(Fn->getNumParams() - 1);
    QualType T = Last->getType();
    if (T->isPointerType() && T->getPointeeType()->isCharType())
      for (const std::string &Word : utils::splitNameWords(identifierOf(Last)))
        if (Word == "fmt" || Word == "format")
          FormatIndex = Fn->getNumParams();
  }
  if (FormatIndex == 0)
    return false;
  if (utils::isInSystemHeader(Fn->getASTContext().getSourceManager(),
                              Fn->getLocation()))
    return false;
  for (unsigned I = 0; I + 1 < FormatIndex && I < Fn->getNumParams(); ++I) {
    const ParmVarDecl *Param = Fn->getParamDecl(I);
    QualType T = Param->getType().getNonReferenceType();
    if (T->isPointerType() || T->isRecordType() || T->isArrayType())
      return false;
    for (const std::string &Word : utils::splitNameWords(identifierOf(Param)))
      if (Word == "fd" || Word == "sock" || Word == "socket" ||
          Word == "conn" || Word == "connection" || Word == "out" ||
          Word == "dest" || Word == "buf" || Word == "buffer")
        return false;
  }
  return true;
}

bool SecretInLogCheck::isLoggingStream(const Expr *Root,
                                       ASTContext &Ctx) const {
  Root = utils::stripWrappers(Root);
  const CXXRecordDecl *RD =
      Root->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (derivesFrom(RD, "std::basic_ostream")) {
    // String streams build text (followed as data flow instead).
    if (derivesFrom(RD, "std::basic_ostringstream") ||
        derivesFrom(RD, "std::basic_stringstream"))
      return false;
    // A file written by code that saves configuration or credentials is
    // storage, not a log.
    if (derivesFrom(RD, "std::basic_ofstream") ||
        derivesFrom(RD, "std::basic_fstream"))
      return !isStorage(nameOfTarget(Root), *Root, Ctx);
    return true;
  }
  // QDebug, LogStream, LogMessage: a logging class of its own.
  for (const std::string &Word : utils::splitNameWords(identifierOf(RD)))
    if (Word == "log" || Word == "logger" || Word == "logging" ||
        Word == "debug" || Word == "trace")
      return true;
  return false;
}

std::optional<SecretInLogCheck::Origin>
SecretInLogCheck::secretOfVariable(const VarDecl *V, const Expr *Ref,
                                   SourceLocation At, ASTContext &Ctx,
                                   unsigned Depth) {
  StringRef Id = identifierOf(V);
  SecretKind Kind = Names.classify(Id);
  if (Kind == SecretKind::Strong)
    return canHoldSecret(V->getType(), Kind)
               ? std::optional<Origin>(named(Id.str()))
               : std::nullopt;
  if (!utils::isTrackedVariable(V)) {
    if (Kind == SecretKind::Weak && canHoldSecret(V->getType(), Kind))
      return weaklyNamed(Id.str());
    return std::nullopt;
  }
  const Stmt *Body = utils::enclosingBody(*Ref, Ctx);
  if (!Body)
    return std::nullopt;
  const utils::LocalWrites &Writes = this->Writes.get(*Body, Ctx);
  if (Kind == SecretKind::Weak) {
    // `token` from strtok, getline or a range-for over split text, `pwd`
    // from getcwd: words of text, not credentials.
    bool Tokenized = false;
    for (const utils::VarWrite &W : Writes.all(V)) {
      Tokenized |= W.Element;
      if (W.Producer) {
        const auto *Call = dyn_cast<CallExpr>(W.Producer);
        Tokenized |=
            isa<CXXOperatorCallExpr>(W.Producer) ||
            (Call && isTokenizer(identifierOf(Call->getDirectCallee())));
      }
      for (const Expr *Source : W.Sources)
        if (const auto *Call =
                dyn_cast<CallExpr>(utils::stripWrappers(Source))) {
          StringRef Callee = identifierOf(Call->getDirectCallee());
          Tokenized |= isTokenizer(Callee);
          if (isEnvironmentGetter(Callee) && Call->getNumArgs() > 0)
            if (auto Env = literalArgument(Call->getArg(0)))
              Tokenized |= *Env == "PWD" || *Env == "OLDPWD";
        }
    }
    if (Tokenized)
      return std::nullopt;
    if (canHoldSecret(V->getType(), Kind))
      return weaklyNamed(Id.str());
    return std::nullopt;
  }
  // Only text (or an object) can carry a secret: `key_len` filled by
  // EVP_PKEY_get_raw_private_key() cannot.
  if (!canHoldSecret(V->getType(), SecretKind::Strong))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const utils::VarWrite *W : Writes.reaching(V, At)) {
    if (W->Producer)
      if (const auto *Call = dyn_cast<CallExpr>(W->Producer)) {
        StringRef Callee = identifierOf(Call->getDirectCallee());
        if (isPasswordReader(Callee) ||
            Names.classify(Callee) == SecretKind::Strong)
          return Origin{Callee.str(), Id.str(),
                        SM.getFileLoc(W->Producer->getBeginLoc())};
      }
    for (const Expr *Source : W->Sources)
      if (auto Found = secretOf(Source, W->Loc, Ctx, Depth + 1)) {
        Found->Via = Id.str();
        Found->NoteLoc = SM.getFileLoc(Source->getBeginLoc());
        return Found;
      }
  }
  return std::nullopt;
}

std::optional<SecretInLogCheck::Origin>
SecretInLogCheck::secretOf(const Expr *E, SourceLocation At, ASTContext &Ctx,
                           unsigned Depth) {
  if (!E || Depth > 6)
    return std::nullopt;
  E = utils::stripWrappers(E);
  if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
    if (auto Found = secretOf(Cond->getTrueExpr(), At, Ctx, Depth + 1))
      return Found;
    return secretOf(Cond->getFalseExpr(), At, Ctx, Depth + 1);
  }
  if (const auto *Cond = dyn_cast<BinaryConditionalOperator>(E)) {
    if (auto Found = secretOf(Cond->getCommon(), At, Ctx, Depth + 1))
      return Found;
    return secretOf(Cond->getFalseExpr(), At, Ctx, Depth + 1);
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      return secretOfVariable(V, Ref, At, Ctx, Depth);
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *D = Member->getMemberDecl();
    StringRef Id = identifierOf(D);
    if (!isa<FieldDecl>(D) && !isa<VarDecl>(D))
      return std::nullopt;
    SecretKind Kind = Names.classify(Id);
    if (!canHoldSecret(D->getType(), Kind))
      return std::nullopt;
    if (Kind == SecretKind::Strong)
      return named(Id.str());
    // session.token, AuthResponse::token: the object or its class says the
    // token authenticates.
    llvm::SmallVector<StringRef, 2> Context;
    if (const auto *Record = dyn_cast<RecordDecl>(D->getDeclContext()))
      Context.push_back(identifierOf(Record));
    Context.push_back(nameOfTarget(Member->getBase()));
    for (StringRef Name : Context)
      for (const std::string &Word : utils::splitNameWords(Name))
        if (isAuthenticationWord(Word))
          return named(Id.str());
    return weaklyNamed(Id.str());
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method)
      return std::nullopt;
    StringRef Id = identifierOf(Method);
    if (isPassThroughMethod(Id) || isa<CXXConversionDecl>(Method))
      return secretOf(Call->getImplicitObjectArgument(), At, Ctx, Depth + 1);
    // QString("token %1").arg(token)
    if (Id == "arg") {
      for (const Expr *Arg : Call->arguments())
        if (auto Found = secretOf(Arg, At, Ctx, Depth + 1))
          return Found;
      return std::nullopt;
    }
    QualType Result = Call->getType();
    if (Call->getNumArgs() == 0 && Names.classify(Id) == SecretKind::Strong &&
        canHoldSecret(Result, SecretKind::Strong))
      return named(Id.str());
    // cfg.get("password"), settings.value("api_key")
    std::vector<std::string> Words = utils::splitNameWords(Id);
    static const llvm::StringSet<> Lookups = {
        "get",   "value", "at",   "lookup", "find",   "read",
        "fetch", "opt",   "load", "query",  "require"};
    if (!Words.empty() && Lookups.contains(Words.front()) &&
        canHoldSecret(Result, SecretKind::Strong))
      for (const Expr *Arg : Call->arguments())
        if (auto Key = literalArgument(Arg))
          if (Names.classifyKey(*Key) == SecretKind::Strong)
            return named(*Key);
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      if (auto Found = secretOf(Op->getArg(0), At, Ctx, Depth + 1))
        return Found;
      return secretOf(Op->getArg(1), At, Ctx, Depth + 1);
    }
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
        canHoldSecret(Op->getType(), SecretKind::Strong)) {
      if (auto Key = literalArgument(Op->getArg(1)))
        if (Names.classifyKey(*Key) == SecretKind::Strong)
          return named(*Key);
    }
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    StringRef Id = identifierOf(Callee);
    if (Id.empty())
      return std::nullopt;
    if (isEnvironmentGetter(Id)) {
      if (Call->getNumArgs() == 0)
        return std::nullopt;
      auto Env = literalArgument(Call->getArg(0));
      if (Env && *Env != "PWD" && *Env != "OLDPWD" &&
          Names.classifyKey(*Env) != SecretKind::None)
        return named(*Env);
      return std::nullopt;
    }
    if (isPasswordReader(Id))
      return named(Id.str());
    // StringPrintf(fmt, ...), str_format(), string_concat(): formatting
    // functions return their arguments' text.
    bool Formats = false;
    if (utils::isTextType(Call->getType()))
      for (const std::string &Word : utils::splitNameWords(Id))
        Formats |= Word == "printf" || Word == "sprintf" || Word == "format" ||
                   Word == "concat" || Word == "cat" || Word == "join";
    if (Formats || isPassThroughFunction(Id)) {
      for (const Expr *Arg : Call->arguments())
        if (auto Found = secretOf(Arg, At, Ctx, Depth + 1))
          return Found;
      return std::nullopt;
    }
    if (Names.classify(Id) == SecretKind::Strong &&
        canHoldSecret(Call->getType(), SecretKind::Strong))
      return named(Id.str());
    return std::nullopt;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    unsigned Given = 0;
    for (const Expr *Arg : Construct->arguments())
      Given += !isa<CXXDefaultArgExpr>(Arg);
    if (Given == 1)
      return secretOf(Construct->getArg(0), At, Ctx, Depth + 1);
  }
  return std::nullopt;
}

bool SecretInLogCheck::isAuthenticationContext(const Expr &Call,
                                               ASTContext &Ctx) const {
  // The function (or its class) is about authentication ...
  if (const FunctionDecl *Fn = utils::enclosingFunction(Call, Ctx)) {
    std::vector<std::string> Words = utils::splitNameWords(identifierOf(Fn));
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn)) {
      std::vector<std::string> Class =
          utils::splitNameWords(identifierOf(Method->getParent()));
      Words.insert(Words.end(), Class.begin(), Class.end());
    }
    if (llvm::any_of(Words, [](const std::string &W) {
          return isAuthenticationWord(W);
        }))
      return true;
  }
  // ... or the message says what the value is: "Bearer %s", "auth token".
  auto Literals = ast_matchers::match(
      ast_matchers::findAll(ast_matchers::stringLiteral().bind("s")), Call,
      Ctx);
  for (const BoundNodes &Node : Literals) {
    const auto *Lit = Node.getNodeAs<StringLiteral>("s");
    if (Lit->getCharByteWidth() != 1)
      continue;
    for (const std::string &Word : utils::splitNameWords(Lit->getString()))
      if (isAuthenticationWord(Word))
        return true;
  }
  return false;
}

void SecretInLogCheck::report(const Expr *Arg, const Expr &Call, StringRef Sink,
                              const SourceManager &SM, ASTContext &Ctx) {
  std::optional<Origin> Found = secretOf(Arg, Arg->getBeginLoc(), Ctx, 0);
  if (!Found)
    return;
  // `token`, `pass`: a lexer's token or a compiler pass unless the code is
  // about authentication.
  if (Found->Weak && !isAuthenticationContext(Call, Ctx))
    return;
  SourceLocation Loc = SM.getFileLoc(Arg->getBeginLoc());
  if (Found->Via.empty()) {
    diag(Loc, "secret '%0' reaches logging call '%1'; leave it out or log a "
              "masked value instead")
        << Found->Subject << Sink;
    return;
  }
  diag(Loc, "secret '%0' reaches logging call '%1' through '%2'; leave it "
            "out or log a masked value instead")
      << Found->Subject << Sink << Found->Via;
  if (Found->NoteLoc.isValid())
    diag(Found->NoteLoc, "'%0' receives secret '%1' here", DiagnosticIDs::Note)
        << Found->Via << Found->Subject;
}

void SecretInLogCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Shift =
          Result.Nodes.getNodeAs<CXXOperatorCallExpr>("shift")) {
    const Expr *Root = Shift->getArg(0);
    while (const auto *Link =
               dyn_cast<CXXOperatorCallExpr>(utils::stripWrappers(Root))) {
      if (Link->getOperator() != OO_LessLess || Link->getNumArgs() != 2)
        break;
      Root = Link->getArg(0);
    }
    if (!isLoggingStream(Root, Ctx))
      return;
    std::string Sink = "operator<<";
    const Expr *Stripped = utils::stripWrappers(Root);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Stripped))
      Sink = Ref->getDecl()->getQualifiedNameAsString();
    else if (const auto *Call = dyn_cast<CallExpr>(Stripped)) {
      if (const FunctionDecl *Fn = Call->getDirectCallee())
        Sink = Fn->getQualifiedNameAsString();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Stripped)) {
      // LOG << ... where LOG is `Logger()`: name the logger class.
      Sink =
          Construct->getConstructor()->getParent()->getQualifiedNameAsString();
    }
    // The whole chain, for the messages around the value.
    const Expr *Chain = Shift;
    for (DynTypedNodeList Parents = Ctx.getParents(*Chain); !Parents.empty();
         Parents = Ctx.getParents(*Chain)) {
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent ||
          !(isa<CXXOperatorCallExpr>(Parent) || isa<ImplicitCastExpr>(Parent) ||
            isa<MaterializeTemporaryExpr>(Parent)))
        break;
      Chain = Parent;
    }
    report(Shift->getArg(1), *Chain, Sink, SM, Ctx);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  StringRef Id = identifierOf(Fn);
  std::optional<unsigned> Stream = streamArgument(Id);
  if (!isLoggingFunction(Fn))
    return;
  // fmt::print(stderr, ...) names its stream first, like fprintf.
  if (!Stream && Call->getNumArgs() > 0) {
    QualType First = Call->getArg(0)->IgnoreParenImpCasts()->getType();
    if (First->isPointerType())
      if (const auto *RD = First->getPointeeType()->getAsRecordDecl())
        if (RD->getName() == "FILE" || RD->getName() == "_IO_FILE")
          Stream = 0;
  }
  if (Stream) {
    if (*Stream >= Call->getNumArgs())
      return;
    const Expr *Target = utils::stripWrappers(Call->getArg(*Stream));
    StringRef TargetName = nameOfTarget(Target);
    bool Logs;
    if (Target->getType()->isIntegerType()) {
      // dprintf(2, ...), dprintf(STDERR_FILENO, ...); another descriptor
      // may be a socket speaking a protocol.
      Expr::EvalResult Value;
      Logs = !Target->isValueDependent() && Target->EvaluateAsInt(Value, Ctx) &&
             (Value.Val.getInt() == 1 || Value.Val.getInt() == 2);
      for (const std::string &Word : utils::splitNameWords(TargetName))
        Logs |= LogWordSet.contains(Word) || Word == "logfd";
    } else {
      // stdout, stderr, or a file (a debug log), unless the code says it
      // saves configuration or credentials.
      Logs = TargetName == "stderr" || TargetName == "stdout" ||
             !isStorage(TargetName, *Call, Ctx);
    }
    if (!Logs)
      return;
  }
  std::string Sink = isa<CXXMethodDecl>(Fn) || Fn->isInStdNamespace() ||
                             !Fn->getDeclContext()->isTranslationUnit()
                         ? Fn->getQualifiedNameAsString()
                         : Id.str();
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    if (Stream && I == *Stream)
      continue;
    // A default argument is not written at the call (and has no location).
    if (isa<CXXDefaultArgExpr>(Call->getArg(I)))
      continue;
    report(Call->getArg(I), *Call, Sink, SM, Ctx);
  }
}

} // namespace clang::tidy::exitbar
