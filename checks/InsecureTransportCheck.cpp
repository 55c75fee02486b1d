// InsecureTransportCheck.cpp - flags hard-coded cleartext URLs used in code
// SPDX-License-Identifier: Apache-2.0

#include "InsecureTransportCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/ExprValues.h"
#include "utils/IdentifierWords.h"
#include "utils/LocalWrites.h"
#include "utils/Locations.h"
#include "utils/NetworkValues.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

using utils::hostMatches;
using utils::isLoopbackHost;
using utils::looksLikeIdentifierPath;
using utils::parseUrl;
using utils::secureScheme;

constexpr llvm::StringLiteral DefaultSchemes = "http;ftp;telnet;ws;ldap;mqtt";

// Hosts whose http:// URLs are names, not places code connects to: XML
// namespaces, schemas, DTDs and RDF vocabularies.
constexpr llvm::StringLiteral DefaultIdentifierHosts =
    "www.w3.org;w3.org;schemas.xmlsoap.org;schemas.microsoft.com;"
    "schemas.openxmlformats.org;schemas.android.com;json-schema.org;purl.org;"
    "ns.adobe.com;xmlns.com;docs.oasis-open.org;www.opengis.net;xml.org;"
    "relaxng.org;jabber.org;etherx.jabber.org;java.sun.com;xmlpull.org;"
    "www.inkscape.org;sodipodi.sourceforge.net;creativecommons.org;"
    "web.resource.org;ogp.me;rdfs.org;dublincore.org;www.isotc211.org;"
    "schema.org;xml.apache.org";

/// How a URL literal is used where it appears.
enum class Usage {
  Code,       ///< passed on, stored, returned: the program will connect to it
  Compared,   ///< a comparison or a prefix/substring search
  Text,       ///< printed, logged, shown, or documentation
  Identifier, ///< an XML namespace or schema name
  Proxy,      ///< a proxy, which tunnels TLS through plain http://
  Unevaluated ///< sizeof, static_assert, attributes
};

// Identifier words (utils::identifierHasPhrase) that make a name's value text
// for people rather than an address for the program.
const std::vector<std::string> &textNameWords() {
  static const std::vector<std::string> Words = {
      "help",      "usage",         "about",       "license",     "licence",
      "copyright", "homepage",      "home page",   "website",     "web site",
      "doc",       "documentation", "manual",      "description", "author",
      "contact",   "bug",           "credits",     "message",     "msg",
      "text",      "label",         "title",       "tooltip",     "comment",
      "example",   "sample",        "placeholder", "hint",        "caption"};
  return Words;
}

// Words of a called function's name that make its arguments text: logging,
// printing, user-interface text, translation, assertions.
const std::vector<std::string> &textCalleeWords() {
  static const std::vector<std::string> Words = {
      "log",     "logger",  "logging",      "debug",   "info",    "warn",
      "warning", "error",   "fatal",        "trace",   "notice",  "critical",
      "print",   "println", "message",      "msg",     "text",    "label",
      "title",   "tooltip", "caption",      "help",    "usage",   "description",
      "comment", "tr",      "translate",    "gettext", "i18n",    "assert",
      "status",  "hint",    "placeholder",  "about",   "license", "homepage",
      "website", "doc",     "documentation"};
  return Words;
}

const std::vector<std::string> &identifierWords() {
  static const std::vector<std::string> Words = {
      "ns", "namespace", "xmlns", "schema", "dtd", "xsd", "rdf"};
  return Words;
}

/// True when \p Name's words say its value is text for people.
Usage usageByName(StringRef Name, bool Callee) {
  if (Name.empty())
    return Usage::Code;
  if (!utils::firstPhraseIn(Name, identifierWords()).empty())
    return Usage::Identifier;
  if (utils::identifierHasPhrase(Name, "proxy"))
    return Usage::Proxy;
  if (!utils::firstPhraseIn(Name, Callee ? textCalleeWords() : textNameWords())
           .empty())
    return Usage::Text;
  return Usage::Code;
}

/// Functions that compare or search with their string arguments, by name
/// lowercased without underscores.
bool isComparisonName(StringRef Name) {
  std::string Key;
  for (char C : Name)
    if (C != '_')
      Key += llvm::toLower(C);
  return llvm::StringSwitch<bool>(Key)
      .Cases("startswith", "endswith", "istartswith", "iendswith", true)
      .Cases("hasprefix", "hassuffix", "consumefront", "consumeback", true)
      .Cases("find", "rfind", "findfirstof", "compare", "count", true)
      .Cases("strcmp", "strncmp", "strcasecmp", "strncasecmp", true)
      .Cases("stricmp", "strnicmp", "strstr", "strcasestr", "strnstr", true)
      .Cases("wcscmp", "wcsncmp", "memcmp", "contains", "icontains", true)
      .Cases("indexof", "lastindexof", "equals", "iequals", true)
      .Cases("equalsignorecase", "startswithascii", "equalsascii", true)
      .Cases("replace", "replacefirst", "replaceall", "ireplacefirst", true)
      .Cases("ireplaceall", "erasefirst", "eraseall", "match", "matches", true)
      .Cases("regexmatch", "regexsearch", "ends", "starts", true)
      .Default(false);
}

/// Functions that return their argument's text in another string type.
bool isTransparentName(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("fromLatin1", "fromUtf8", "fromLocal8Bit", "fromStdString", true)
      .Cases("fromAscii", "fromUtf16", "fromWCharArray", "move", "forward",
             true)
      .Cases("QStringLiteral", "QLatin1String", "QByteArrayLiteral", "_T", true)
      .Default(false);
}

/// \p E without implicit nodes and designators, to find it among the
/// initialisers of either form of a brace list.
const Expr *stripped(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *Designated = dyn_cast<DesignatedInitExpr>(E))
    return Designated->getInit()->IgnoreImplicit();
  return E;
}

/// The name of the declaration an assignment's left side names.
StringRef assignedName(const Expr *LHS) {
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS))
    return Ref->getDecl()->getIdentifier() ? utils::identifierOf(Ref->getDecl())
                                           : "";
  if (const auto *Member = dyn_cast<MemberExpr>(LHS))
    return Member->getMemberDecl()->getIdentifier()
               ? utils::identifierOf(Member->getMemberDecl())
               : "";
  return "";
}

/// How a call's argument \p Index is used, from the callee, its parameter's
/// name and its other arguments.
Usage usageAsArgument(const CallExpr &Call, unsigned Index, ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return Usage::Code;
  StringRef Name = utils::identifierOf(Callee);
  if (isComparisonName(Name))
    return Usage::Compared;
  // Printing functions whose name is one word.
  if (llvm::StringSwitch<bool>(Name)
          .Cases("printf", "fprintf", "vprintf", "vfprintf", "dprintf", true)
          .Cases("puts", "fputs", "wprintf", "fwprintf", "syslog", true)
          .Cases("vsyslog", "perror", "err", "errx", "warnx", true)
          .Cases("qDebug", "qInfo", "qWarning", "qCritical", "qFatal", true)
          .Default(false))
    return Usage::Text;
  Usage ByCallee = usageByName(Name, /*Callee=*/true);
  if (ByCallee != Usage::Code)
    return ByCallee;
  // curl_easy_setopt(h, CURLOPT_PROXY, "http://proxy:3128").
  if (Name == "curl_easy_setopt" && Call.getNumArgs() == 3)
    if (const auto *Option =
            dyn_cast<DeclRefExpr>(Call.getArg(1)->IgnoreParenImpCasts()))
      if (Option->getDecl()->getName().contains("PROXY"))
        return Usage::Proxy;
  // setAttribute("xmlns", "http://...").
  for (unsigned I = 0; I < Call.getNumArgs(); ++I)
    if (const auto *Other = utils::stringLiteralOf(Call.getArg(I), Ctx))
      if (I != Index && compat::startsWith(utils::literalText(*Other), "xmlns"))
        return Usage::Identifier;
  if (Index < Callee->getNumParams())
    if (const IdentifierInfo *Param =
            Callee->getParamDecl(Index)->getIdentifier())
      return usageByName(Param->getName(), /*Callee=*/false);
  return Usage::Code;
}

/// True when \p Object is the implicit object of a member call whose method
/// compares or searches (`QString("http://x").startsWith(...)` aside, the
/// object being the haystack is rare; most chains are `.arg(host)`).
Usage usageOfStream(const CXXOperatorCallExpr &Op) {
  // `out << "http://..."`: find the stream at the start of the chain.
  const Expr *Stream = Op.getArg(0)->IgnoreImplicit();
  while (const auto *Inner = dyn_cast<CXXOperatorCallExpr>(Stream)) {
    if (Inner->getOperator() != OO_LessLess || Inner->getNumArgs() != 2)
      break;
    Stream = Inner->getArg(0)->IgnoreImplicit();
  }
  const auto *Record = Stream->getType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return Usage::Text;
  // Building a string is using the URL; any other stream shows it.
  StringRef Name = Record->getName();
  if (Name.contains("stringstream") || Name.contains("ostringstream") ||
      Name == "QTextStream" || Name == "StringBuilder" || Name == "Buffer" ||
      Name == "memory_buffer" || Name == "basic_memory_buffer")
    return Usage::Code;
  return Usage::Text;
}

Usage usageOf(const StringLiteral &Literal, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Literal);
  const Stmt *Current = &Literal;
  for (int Depth = 0; Depth < 24; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return Usage::Code;
    DynTypedNode Parent = Parents[0];
    if (const auto *D = Parent.get<Decl>()) {
      if (isa<StaticAssertDecl>(D))
        return Usage::Unevaluated;
      if (const auto *Named = dyn_cast<NamedDecl>(D))
        if (Named->getIdentifier() &&
            isa<VarDecl, FieldDecl, ParmVarDecl>(Named))
          return usageByName(utils::identifierOf(Named), /*Callee=*/false);
      return Usage::Code;
    }
    const auto *S = Parent.get<Stmt>();
    if (!S)
      return Usage::Unevaluated; // an attribute, a type, a template argument
    Node = Parent;
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, ConstantExpr,
            ExplicitCastExpr, CXXStdInitializerListExpr,
            AbstractConditionalOperator, CXXDefaultArgExpr, DesignatedInitExpr>(
            S)) {
      Current = S;
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      unsigned Explicit = 0;
      unsigned Index = 0;
      for (unsigned I = 0; I < Construct->getNumArgs(); ++I) {
        if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
          ++Explicit;
        if (stripped(Construct->getArg(I)) == stripped(cast<Expr>(Current)))
          Index = I;
      }
      // std::string("..."), QUrl("..."): the object carries the URL on.
      if (Explicit <= 1) {
        Current = S;
        continue;
      }
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Index < Ctor->getNumParams())
        if (const IdentifierInfo *Param =
                Ctor->getParamDecl(Index)->getIdentifier())
          return usageByName(Param->getName(), /*Callee=*/false);
      return Usage::Code;
    }
    if (const auto *Init = dyn_cast<InitListExpr>(S)) {
      // An aggregate's field takes its name; an array passes through.
      const RecordDecl *Record = Init->getType()->getAsRecordDecl();
      if (!Record) {
        Current = S;
        continue;
      }
      // The literal's parent may be the syntactic form, without implicit
      // casts and with designators; the semantic form has one init a field.
      const InitListExpr *Semantic =
          Init->isSemanticForm() ? Init : Init->getSemanticForm();
      if (!Semantic)
        Semantic = Init;
      unsigned Index = 0;
      for (unsigned I = 0; I < Semantic->getNumInits(); ++I)
        if (Semantic->getInit(I) &&
            stripped(Semantic->getInit(I)) == stripped(cast<Expr>(Current)))
          Index = I;
      unsigned FieldIndex = 0;
      for (const FieldDecl *Field : Record->fields())
        if (FieldIndex++ == Index)
          return Field->getIdentifier()
                     ? usageByName(Field->getName(), /*Callee=*/false)
                     : Usage::Code;
      return Usage::Code;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isComparisonOp())
        return Usage::Compared;
      if (Binary->getOpcode() == BO_Assign)
        return usageByName(assignedName(Binary->getLHS()), /*Callee=*/false);
      Current = S;
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      switch (Op->getOperator()) {
      case OO_EqualEqual:
      case OO_ExclaimEqual:
      case OO_Less:
      case OO_Greater:
      case OO_LessEqual:
      case OO_GreaterEqual:
      case OO_Spaceship:
        return Usage::Compared;
      case OO_Equal:
        if (Op->getNumArgs() == 2 &&
            stripped(Op->getArg(1)) == stripped(cast<Expr>(Current)))
          return usageByName(assignedName(Op->getArg(0)), /*Callee=*/false);
        return Usage::Code;
      case OO_LessLess:
        if (Op->getNumArgs() == 2 &&
            stripped(Op->getArg(1)) == stripped(cast<Expr>(Current)))
          return usageOfStream(*Op);
        return Usage::Code;
      case OO_Plus:
      case OO_PlusEqual:
        Current = S;
        continue;
      default:
        return Usage::Code;
      }
    }
    if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      // `QString("http://%1").arg(host)`: the result carries the URL on,
      // unless the method compares.
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      if (Method && Method->getIdentifier() &&
          isComparisonName(utils::identifierOf(Method)))
        return Usage::Compared;
      auto CallParents = Ctx.getParents(*Member);
      if (!CallParents.empty())
        if (const auto *Call = CallParents[0].get<CXXMemberCallExpr>()) {
          Node = CallParents[0];
          Current = Call;
          continue;
        }
      return Usage::Code;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      unsigned Index = Call->getNumArgs();
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (stripped(Call->getArg(I)) == stripped(cast<Expr>(Current)))
          Index = I;
      if (Index == Call->getNumArgs())
        return Usage::Code;
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier() &&
            isTransparentName(utils::identifierOf(Callee))) {
          Current = S;
          continue;
        }
      return usageAsArgument(*Call, Index, Ctx);
    }
    if (isa<ReturnStmt>(S)) {
      const FunctionDecl *Func = utils::enclosingFunction(*S, Ctx);
      return Func && Func->getIdentifier()
                 ? usageByName(utils::identifierOf(Func), /*Callee=*/false)
                 : Usage::Code;
    }
    if (isa<CaseStmt, SwitchStmt>(S))
      return Usage::Compared;
    if (isa<UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr>(S))
      return Usage::Unevaluated;
    return Usage::Code;
  }
  return Usage::Code;
}

/// True when the function around \p Literal makes libcurl encrypt or keep
/// the transfer local whatever the URL says: CURLOPT_USE_SSL set to
/// CURLUSESSL_CONTROL or CURLUSESSL_ALL (STARTTLS for ftp://, ldap://, ...),
/// or a Unix domain socket.
bool curlMakesItSafe(const StringLiteral &Literal, ASTContext &Ctx) {
  const FunctionDecl *Func = utils::enclosingFunction(Literal, Ctx);
  if (!Func || !Func->getBody())
    return false;
  auto Calls = match(
      findAll(callExpr(callee(functionDecl(hasName("::curl_easy_setopt"))),
                       argumentCountIs(3))
                  .bind("c")),
      *Func->getBody(), Ctx);
  for (const auto &Match : Calls) {
    const auto *Call = Match.getNodeAs<CallExpr>("c");
    const auto *Option =
        dyn_cast<DeclRefExpr>(Call->getArg(1)->IgnoreParenImpCasts());
    if (!Option || !Option->getDecl()->getIdentifier())
      continue;
    StringRef Name = Option->getDecl()->getName();
    if (Name == "CURLOPT_UNIX_SOCKET_PATH" ||
        Name == "CURLOPT_ABSTRACT_UNIX_SOCKET")
      return true;
    // CURLUSESSL_TRY (1) falls back to cleartext.
    if (Name == "CURLOPT_USE_SSL")
      if (auto Level = utils::intValue(Call->getArg(2), Ctx))
        if (*Level >= 2)
          return true;
  }
  return false;
}

} // namespace

InsecureTransportCheck::InsecureTransportCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedHosts(utils::parseList(Options.get("AllowedHosts", ""))),
      IdentifierHosts(utils::parseList(
          Options.get("IdentifierHosts", DefaultIdentifierHosts))),
      AllowedFiles(Options.get("AllowedFiles", "")) {
  for (const std::string &Scheme :
       utils::parseList(Options.get("Schemes", DefaultSchemes)))
    Schemes.push_back(StringRef(Scheme).lower());
}

void InsecureTransportCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Schemes", utils::joinList(Schemes));
  Options.store(Opts, "AllowedHosts", utils::joinList(AllowedHosts));
  Options.store(Opts, "IdentifierHosts", utils::joinList(IdentifierHosts));
  Options.store(Opts, "AllowedFiles", AllowedFiles.pattern());
}

void InsecureTransportCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  Finder->addMatcher(
      stringLiteral(unless(isExpansionInSystemHeader())).bind("url"), this);
}

bool InsecureTransportCheck::isAllowedHost(StringRef Host) const {
  for (const std::string &Pattern : AllowedHosts)
    if (hostMatches(Host, Pattern))
      return true;
  for (const std::string &Pattern : IdentifierHosts)
    if (hostMatches(Host, Pattern))
      return true;
  return false;
}

void InsecureTransportCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Literal = Result.Nodes.getNodeAs<StringLiteral>("url");
  const SourceManager &SM = *Result.SourceManager;
  // A URL a library's header defines is the library's business.
  if (utils::isInSystemHeader(SM, SM.getSpellingLoc(Literal->getBeginLoc())) ||
      AllowedFiles.matches(Literal->getBeginLoc(), SM))
    return;
  std::string Text = utils::literalText(*Literal);
  auto Url = parseUrl(Text, Schemes);
  if (!Url || Url->Host.empty() || isLoopbackHost(Url->Host) ||
      isAllowedHost(Url->Host) || looksLikeIdentifierPath(Url->Path))
    return;
  if (usageOf(*Literal, *Result.Context) != Usage::Code ||
      curlMakesItSafe(*Literal, *Result.Context))
    return;
  diag(SM.getExpansionLoc(Literal->getBeginLoc()),
       "cleartext '%0://' URL to '%1'; use '%2' or take the URL from "
       "configuration")
      << Url->Scheme << Url->Host << secureScheme(Url->Scheme);
}

} // namespace clang::tidy::exitbar
