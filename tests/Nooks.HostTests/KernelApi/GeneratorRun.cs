using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Nooks.Generator;
using Nooks.Tools;

namespace Nooks.HostTests.KernelApi;

// Runs the kernel API generator the way the compiler does for a project, over the real
// nooks/Api sources (or a replacement declaration) plus whatever else the test supplies, and
// compiles the result against .NET.
public sealed class GeneratorRun
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }
    public ImmutableArray<Diagnostic> CompileErrors { get; }
    public IReadOnlyDictionary<string, string> Generated { get; }
    public CSharpCompilation Output { get; }

    private GeneratorRun(GeneratorDriverRunResult result, CSharpCompilation output)
    {
        GeneratorDiagnostics = result.Diagnostics;
        Generated = result.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Output = output;
        CompileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    public static string[] ApiSources() =>
        Directory.GetFiles(Path.Combine(RepoLayout.Find().Root, "nooks", "Api"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();

    // How many calls the declaration has: one [KernelCall] attribute each (counted from the
    // source, independently of the generator under test).
    public static int DeclaredCallCount() =>
        ApiSources().Sum(s => s.Split("[KernelCall(\"").Length - 1);

    // The API sources with one text replaced, for declaring mistakes in a copy of the real declaration.
    public static string[] ApiSourcesWith(string original, string replacement)
    {
        var sources = ApiSources();
        int index = Array.FindIndex(sources, s => s.Contains(original, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no API source contains {original}");
        sources[index] = sources[index].Replace(original, replacement, StringComparison.Ordinal);
        return sources;
    }

    public static GeneratorRun Kernel(params string[] extraSources) =>
        Run(ApiSources().Concat(extraSources), new() { ["NooksApiSide"] = "Kernel", ["NooksGenerateKernelBindings"] = "true" });

    public static GeneratorRun Extension(params string[] extraSources) =>
        Run(ApiSources().Concat(extraSources), new() { ["NooksApiSide"] = "Extension" });

    public static GeneratorRun Run(IEnumerable<string> sources, Dictionary<string, string> buildProperties)
    {
        var compilation = CSharpCompilation.Create(
            "NooksGeneratorTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            FrameworkReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var driver = CSharpGeneratorDriver.Create(
            [new KernelApiGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: new BuildProperties(buildProperties));
        driver = (CSharpGeneratorDriver)driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), (CSharpCompilation)output);
    }

    public string Source(string hintName) =>
        Generated.TryGetValue(hintName, out var text)
            ? text
            : throw new KeyNotFoundException($"{hintName} was not generated; got: {string.Join(", ", Generated.Keys)}");

    // The text of one generated member, from its signature line to the closing brace at its
    // indentation, moved to the left margin so that tests do not depend on the nesting around it.
    public string Member(string hintName, string signatureStart)
    {
        var lines = Source(hintName).Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(signatureStart, StringComparison.Ordinal));
        Assert.True(start >= 0, $"{hintName} has no member starting {signatureStart}");
        int indent = lines[start].Length - lines[start].TrimStart().Length;
        int end = Array.FindIndex(lines, start, l => l == lines[start][..indent] + "}");
        return string.Join('\n', lines[start..(end + 1)].Select(l => l.Length >= indent ? l[indent..] : l));
    }

    private static IEnumerable<MetadataReference> FrameworkReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));

    private sealed class BuildProperties(Dictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions => _global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options None = new([]);

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
