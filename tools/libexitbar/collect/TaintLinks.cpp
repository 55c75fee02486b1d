// TaintLinks.cpp - linking the taint summaries of translation units
// SPDX-License-Identifier: Apache-2.0
//
// Each unit summarises its external functions while the build compiles it
// (checks/utils/TaintSummaries.h); here, once per build, the summaries of
// all units become findings for the flows no single unit could see. It is
// a reachability search per source record over a graph whose nodes are
// (check, function, parameter) and whose edges are the pass records, with
// the sink records at the nodes: compositional, like ThinLTO's thin link,
// and never a second pass over the sources.

#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Findings.h"
#include <map>
#include <set>
#include <tuple>

namespace exitbar {
namespace {

/// A parameter of a function, as one check sees it.
using Node = std::tuple<std::string, std::string, int>;

/// How far one source is followed: the pass records a flow crosses. Deeper
/// chains exist, but each level doubles what a reader has to check.
constexpr size_t MaxHops = 16;

/// Bounds the whole search, so crafted or pathological summaries cannot
/// make `collect findings` run for long.
constexpr size_t MaxVisits = 2'000'000;

struct Flow {
  Node At;
  std::vector<PathStep> Steps;
  bool Appended = false;
  size_t Hops = 0;
};

PathStep displayed(const PathStep &S, const TidyOutputOptions &Options) {
  return {displayPath(S.File, Options.SourceDir), S.Line, S.Column, S.Message};
}

} // namespace

void readPluginSummaries(const std::string &Text, const std::string &File,
                         const TidyOutputOptions &Options,
                         FindingsEvidence &Into) {
  LineReader ReadLine = Options.ReadLine ? Options.ReadLine : readLineFromDisk;
  size_t Start = 0;
  for (int LineNo = 1; Start < Text.size(); ++LineNo) {
    size_t End = Text.find('\n', Start);
    if (End == std::string::npos)
      End = Text.size();
    std::string Line = Text.substr(Start, End - Start);
    Start = End + 1;
    if (Line.empty())
      continue;
    std::string Place = File + ":" + std::to_string(LineNo);
    nlohmann::json J = parseJsonText(Line, Place);
    JsonCursor Record(J, Place);
    if (J.is_object() && J.contains("kind") && J["kind"].is_string() &&
        isServerSummaryKind(J["kind"].get<std::string>())) {
      ServerSummary S = serverSummaryFrom(Record);
      if (S.K == ServerSummary::Kind::Route) {
        S.LineText = ReadLine(S.File, S.Line);
        S.File = displayPath(S.File, Options.SourceDir);
      }
      Into.ServerSummaries.push_back(std::move(S));
      continue;
    }
    TaintSummary S = taintSummaryFrom(Record);
    if (S.K == TaintSummary::Kind::Sink) {
      S.LineText = ReadLine(S.File, S.Line);
      S.File = displayPath(S.File, Options.SourceDir);
    }
    for (PathStep &Step : S.Steps)
      Step = displayed(Step, Options);
    Into.TaintSummaries.push_back(std::move(S));
  }
}

void linkTaintSummaries(FindingsEvidence &E) {
  std::map<Node, std::vector<const TaintSummary *>> Sinks, Passes;
  std::vector<const TaintSummary *> Sources;
  for (const TaintSummary &S : E.TaintSummaries) {
    switch (S.K) {
    case TaintSummary::Kind::Source:
      Sources.push_back(&S);
      break;
    case TaintSummary::Kind::Pass:
      Passes[{S.Check, S.Function, S.Parameter}].push_back(&S);
      break;
    case TaintSummary::Kind::Sink:
      Sinks[{S.Check, S.Function, S.Parameter}].push_back(&S);
      break;
    }
  }
  size_t Visits = 0;
  std::vector<Finding> Linked;
  for (const TaintSummary *Source : Sources) {
    std::set<Node> Seen;
    std::vector<Flow> Work;
    Work.push_back({{Source->Check, Source->Callee, Source->Argument},
                    Source->Steps,
                    Source->Appended,
                    0});
    while (!Work.empty() && Visits < MaxVisits) {
      Flow F = std::move(Work.back());
      Work.pop_back();
      if (!Seen.insert(F.At).second)
        continue;
      ++Visits;
      if (auto It = Sinks.find(F.At); It != Sinks.end())
        for (const TaintSummary *Sink : It->second) {
          // exitbar-path-traversal: a whole local path is how programs are
          // told which file to use; as in one unit, it needs another party
          // or other text before it.
          if (Sink->NeedsRemoteOrAppended &&
              !(Source->Remote || F.Appended || Sink->Appended))
            continue;
          Finding Found;
          Found.Check = Sink->Check;
          Found.File = Sink->File;
          Found.Line = Sink->Line;
          Found.Column = Sink->Column;
          Found.Message = Sink->Message;
          Found.Path = F.Steps;
          Found.Path.insert(Found.Path.end(), Sink->Steps.begin(),
                            Sink->Steps.end());
          // As the unit would have fingerprinted it had it seen the flow:
          // the same finding found both ways is one finding.
          Found.Fingerprint =
              sha256Hex(fingerprintKey(Found, Sink->LineText) + "\n0")
                  .substr(0, 32);
          Linked.push_back(std::move(Found));
        }
      if (F.Hops >= MaxHops)
        continue;
      if (auto It = Passes.find(F.At); It != Passes.end())
        for (const TaintSummary *Pass : It->second) {
          Flow Next;
          Next.At = {Pass->Check, Pass->Callee, Pass->Argument};
          if (Seen.count(Next.At))
            continue;
          Next.Steps = F.Steps;
          Next.Steps.insert(Next.Steps.end(), Pass->Steps.begin(),
                            Pass->Steps.end());
          Next.Appended = F.Appended || Pass->Appended;
          Next.Hops = F.Hops + 1;
          Work.push_back(std::move(Next));
        }
    }
  }
  E.Findings.insert(E.Findings.end(), std::make_move_iterator(Linked.begin()),
                    std::make_move_iterator(Linked.end()));
  E.TaintSummaries.clear();
}

} // namespace exitbar
