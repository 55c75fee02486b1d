// RenderTest.cpp - unit tests of the Helm template renderer
// SPDX-License-Identifier: Apache-2.0

#include "formats/helm/Render.h"
#include <gtest/gtest.h>
#include <random>

using namespace exitbar::formats;

namespace {

HelmChartInputs chart(const std::string &Values) {
  HelmChartInputs In;
  std::vector<YamlNode> V = readYamlSubset(Values);
  if (!V.empty())
    In.Values = V.front();
  In.ChartYaml = readYamlSubset("name: web\nversion: 1.2.0\nappVersion: "
                                "\"2.0\"\n")
                     .front();
  return In;
}

std::string render(const std::string &Values, const std::string &Template,
                   const std::string &Helpers = "") {
  HelmRenderer R(chart(Values));
  R.addDefinitions(Helpers);
  HelmRendered Out = R.render(Template);
  EXPECT_EQ(Out.Problem, "");
  return Out.Text;
}

} // namespace

TEST(HelmRender, ValuesBuiltInsAndTrimming) {
  EXPECT_EQ(render("image:\n  tag: v1\n",
                   "name: {{ .Release.Name }}-{{ .Chart.Name }}\n"
                   "tag: {{ .Values.image.tag | quote }}\n"
                   "app: {{ .Chart.AppVersion }}\n"
                   "  {{- /* a comment */ -}}\n"
                   "missing: {{ .Values.nothing.here }}|\n"),
            "name: RELEASE-NAME-web\ntag: \"v1\"\napp: 2.0missing: |\n");
}

TEST(HelmRender, ConditionsFollowGoTruthiness) {
  std::string T = "{{- if .Values.a }}a{{- else if .Values.b }}b"
                  "{{- else }}c{{- end }}";
  EXPECT_EQ(render("a: true\nb: true\n", T), "a");
  EXPECT_EQ(render("a: false\nb: 1\n", T), "b");
  EXPECT_EQ(render("a: 0\nb: \"\"\nc: x\n", T), "c");
  EXPECT_EQ(render("a: {}\nb: []\n", T), "c");
  EXPECT_EQ(render("x: 3\n", "{{ if and (gt .Values.x 2) (not .Values.y) "
                             "}}yes{{ end }}"),
            "yes");
  EXPECT_EQ(render("x: b\n", "{{ if eq .Values.x \"a\" \"b\" }}in{{ end }}"),
            "in");
}

TEST(HelmRender, WithRangeAndVariables) {
  EXPECT_EQ(render("sc:\n  runAsUser: 1000\n",
                   "{{ with .Values.sc }}{{ .runAsUser }}{{ else }}none"
                   "{{ end }}"),
            "1000");
  EXPECT_EQ(render("ports: [80, 443]\n",
                   "{{- range $i, $p := .Values.ports }}\n- {{ $i }}:{{ $p }}"
                   "{{- end }}"),
            "\n- 0:80\n- 1:443");
  EXPECT_EQ(
      render("env:\n  B: 2\n  A: 1\n",
             "{{ range $k, $v := .Values.env }}{{ $k }}={{ $v }};"
             "{{ end }}{{ range .Values.none }}x{{ else }}empty{{ end }}"),
      "A=1;B=2;empty");
  // `$` is the root inside loops; := declares, = assigns.
  EXPECT_EQ(render("n: [1]\nname: app\n",
                   "{{ $x := \"a\" }}{{ range .Values.n }}{{ $x = "
                   "$.Values.name }}{{ end }}{{ $x }}"),
            "app");
}

TEST(HelmRender, NamedTemplatesIncludeAndToYaml) {
  std::string Helpers = "{{- define \"web.labels\" -}}\n"
                        "app: {{ .Chart.Name }}\n"
                        "tier: {{ .Values.tier | default \"backend\" }}\n"
                        "{{- end }}\n";
  EXPECT_EQ(render("tier: \"\"\n",
                   "labels:\n  {{- include \"web.labels\" . | nindent 2 }}\n",
                   Helpers),
            "labels:\n  app: web\n  tier: backend\n");
  EXPECT_EQ(render("sc:\n  privileged: true\n  capabilities:\n    drop: "
                   "[ALL]\n  runAsUser: 0\n",
                   "securityContext:\n"
                   "  {{- toYaml .Values.sc | nindent 2 }}\n"),
            "securityContext:\n"
            "  capabilities:\n"
            "    drop:\n"
            "    - ALL\n"
            "  privileged: true\n"
            "  runAsUser: 0\n");
  // A string that would read as another type is quoted.
  EXPECT_EQ(render("a:\n  v: \"yes: no\"\n", "{{ toYaml .Values.a }}"),
            "v: \"yes: no\"");
  // (x).field reads a field of x; (x) .field is a second argument.
  EXPECT_EQ(render("n: \"\"\n", "{{ (dict \"k\" \"v\").k }} {{ default "
                                "(printf \"%s-%d\" \"a\" 1) .Values.n }}"),
            "v a-1");
}

TEST(HelmRender, OutputLinesMapToTemplateLines) {
  HelmRenderer R(chart("sc:\n  a: 1\n  b: 2\n"));
  HelmRendered Out = R.render("kind: Pod\n"      // 1
                              "{{- if true }}\n" // 2
                              "spec:\n"          // 3
                              "  sc:\n"          // 4
                              "    {{- toYaml .Values.sc | nindent 4 }}\n"
                              "  after: x\n" // 6
                              "{{- end }}\n");
  ASSERT_EQ(Out.Problem, "");
  EXPECT_EQ(Out.Text, "kind: Pod\nspec:\n  sc:\n    a: 1\n    b: 2\n  after: "
                      "x\n");
  EXPECT_EQ(Out.templateLine(1), 1);
  EXPECT_EQ(Out.templateLine(2), 3);
  EXPECT_EQ(Out.templateLine(3), 4);
  EXPECT_EQ(Out.templateLine(4), 5); // from toYaml: the action's line
  EXPECT_EQ(Out.templateLine(5), 5);
  EXPECT_EQ(Out.templateLine(6), 6);
  EXPECT_EQ(Out.templateLine(99), 0);
}

TEST(HelmRender, WholeFilesAreTemplatesByPath) {
  HelmRenderer R(chart(""));
  R.addDefinitions("data: x\n", "web/templates/cm.yaml");
  HelmRendered Out =
      R.render("sum: {{ include (print $.Template.BasePath \"/cm.yaml\") . }}");
  EXPECT_EQ(Out.Problem, "");
  EXPECT_EQ(Out.Text, "sum: data: x\n");
}

TEST(HelmRender, ProblemsStopRendering) {
  HelmRenderer R(chart(""));
  EXPECT_EQ(R.render("a: {{ .Values.x\nb: 2\n").Problem,
            "line 1: unterminated action");
  EXPECT_EQ(R.render("{{ if .Values.x }}\nnever closed\n").Problem,
            "line 1: {{if}} without {{end}}");
  // Helm fails on a template nobody defines (a dependency not vendored):
  // rendering without it would drop what it adds, so this fails too.
  EXPECT_NE(R.render("x: {{ include \"common.labels\" . }}")
                .Problem.find("no template \"common.labels\""),
            std::string::npos);
  EXPECT_NE(R.render("{{ fail \"set a password\" }}").Problem.find("fail"),
            std::string::npos);
  HelmRenderer Loop(chart(""));
  Loop.addDefinitions("{{ define \"a\" }}{{ include \"a\" . }}{{ end }}");
  EXPECT_NE(Loop.render("{{ include \"a\" . }}").Problem.find("nested"),
            std::string::npos);
}

TEST(HelmRender, UnknownFunctionsAreReported) {
  HelmRenderer R(chart(""));
  HelmRendered Out = R.render("a: {{ frobnicate 1 }}|{{ lookup \"v1\" "
                              "\"Secret\" \"ns\" \"x\" | toYaml }}");
  EXPECT_EQ(Out.Problem, "");
  EXPECT_EQ(Out.Text, "a: |{}");
  ASSERT_EQ(Out.UnknownFunctions.size(), 1u);
  EXPECT_EQ(Out.UnknownFunctions[0], "frobnicate");
}

TEST(HelmRender, OddInputNeverThrows) {
  std::mt19937 Random(7);
  const std::string Pieces[] = {
      "{{",      "}}",   "{{-",  "-}}",     "if", "end",   "(",      ")",  "\"",
      "`",       "$x",   ":=",   ".Values", "|",  "range", "define", "\n", " ",
      "include", "else", "with", "/*",      "*/", "'",     "x"};
  HelmRenderer R(chart("a: [1]\n"));
  for (int Case = 0; Case < 2000; ++Case) {
    std::string T;
    for (int I = 0; I < 30; ++I)
      T += Pieces[Random() % std::size(Pieces)];
    R.addDefinitions(T);
    EXPECT_NO_THROW(R.render(T));
  }
}

TEST(HelmRender, OfflineStandInsAreHelmTemplates) {
  // Built-in APIs are served, CRDs and OpenShift's are not.
  EXPECT_EQ(render("", "{{ .Capabilities.APIVersions.Has \"policy/v1\" }} "
                       "{{ .Capabilities.APIVersions.Has "
                       "\"apps/v1/Deployment\" }} "
                       "{{ .Capabilities.APIVersions.Has "
                       "\"security.openshift.io/v1\" }} "
                       "{{ .Capabilities.APIVersions.Has "
                       "\"monitoring.coreos.com/v1\" }}"),
            "true true false false");
  EXPECT_EQ(render("", "{{ lookup \"v1\" \"Secret\" \"ns\" \"s\" | toYaml }}"
                       " {{ .Files.Get \"x\" }}|"),
            "{} |");
}

TEST(HelmRender, SprigStringsAndRegexes) {
  EXPECT_EQ(render("", "{{ regexReplaceAll \"([a-z]+)-([0-9]+)\" \"ab-12\" "
                       "\"${2}.${1}\" }} {{ regexMatch \"^v[0-9]\" \"v1\" }} "
                       "{{ regexFind \"[0-9]+\" \"abc123def\" }} "
                       "{{ regexMatch \"(\" \"x\" }}"),
            "12.ab true 123 false");
  EXPECT_EQ(render("", "{{ list 3 1 2 | sortAlpha | join \",\" }} "
                       "{{ until 3 | join \"\" }} {{ mod 7 3 }} "
                       "{{ \"a-b-\" | trimSuffix \"-\" | upper }}"),
            "1,2,3 012 1 A-B");
}

TEST(HelmRender, MultilineStringsAreLiteralBlocks) {
  // A literal block survives tpl and the YAML reader, as Helm's does.
  EXPECT_EQ(render("cfg:\n  script: |-\n    line one\n    line two\n",
                   "{{ toYaml .Values.cfg }}"),
            "script: |-\n  line one\n  line two");
  std::vector<YamlNode> Docs = readYamlSubset(
      render("cfg:\n  script: |\n    a: {{ .Release.Name }}\n",
             "v:\n  {{- tpl (toYaml .Values.cfg) . | nindent 2 }}\n"));
  ASSERT_EQ(Docs.size(), 1u);
  EXPECT_EQ(Docs[0].get("v")->text("script"), "a: RELEASE-NAME\n");
}

TEST(HelmRender, LongRegexInputsDoNotRecurseDeep) {
  std::string Long(200000, 'a');
  HelmRenderer R(chart("big: " + Long + "\n"));
  HelmRendered Out =
      R.render("{{ regexMatch \"(a|b)*c\" .Values.big }} {{ len "
               "(regexReplaceAll \"(a|b)*\" .Values.big \"x\") }}");
  EXPECT_EQ(Out.Problem, "");
  EXPECT_EQ(Out.Text, "false 200000");
}

TEST(HelmRender, RunawayTemplatesStop) {
  HelmRenderer R(chart("n: 64\n"));
  EXPECT_NE(R.render("{{ $x := \"ab\" }}{{ range until 64 }}{{ $x = printf "
                     "\"%s%s\" $x $x }}{{ end }}{{ len $x }}")
                .Problem.find("output limit"),
            std::string::npos);
  EXPECT_NE(
      R.render("{{ \"a\" | nindent 42949672962 }}").Problem.find("too large"),
      std::string::npos);
  EXPECT_NE(R.render("{{ $l := list 1 }}{{ range until 64 }}{{ $l = concat "
                     "$l $l }}{{ end }}")
                .Problem.find("output limit"),
            std::string::npos);
}
