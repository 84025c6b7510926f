using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Nooks.Generator
{
    // One declaration, two sides. build/KernelApi.*.props set NooksApiSide for the project:
    // Extension gets the imports; Kernel gets bindings, wrappers and the ABI table once
    // NooksGenerateKernelBindings is true (they call into Gate and KernelServices, which must exist).
    [Generator(LanguageNames.CSharp)]
    public sealed class KernelApiGenerator : IIncrementalGenerator
    {
        public const string ApiSideProperty = "NooksApiSide";
        public const string KernelBindingsProperty = "NooksGenerateKernelBindings";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var apis = context.SyntaxProvider.ForAttributeWithMetadataName(
                    "Nooks.Api.KernelApiAttribute",
                    static (node, _) => node is InterfaceDeclarationSyntax,
                    static (target, _) => ApiReader.Read((INamedTypeSymbol)target.TargetSymbol, target.Attributes[0]))
                .Collect()
                .Select(static (models, _) => new EquatableArray<KernelApiModel>(models));
            var options = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) => GeneratorOptions.Read(provider.GlobalOptions));

            context.RegisterSourceOutput(apis.Combine(options), static (output, input) => Emit(output, input.Left, input.Right));
        }

        private static void Emit(SourceProductionContext output, EquatableArray<KernelApiModel> apis, GeneratorOptions options)
        {
            bool failed = false;
            foreach (var declared in apis)
            {
                foreach (var diagnostic in declared.Diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                    failed = true;
                }
            }
            for (int i = 1; i < apis.Length; i++)
            {
                output.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.MoreThanOneApi,
                    apis[i].Location?.ToLocation() ?? Location.None, apis[i].InterfaceName, apis[0].InterfaceName));
                failed = true;
            }
            if (options.Side is not (null or "Kernel" or "Extension"))
            {
                output.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.UnknownApiSide, Location.None, options.Side));
                failed = true;
            }
            // Output from a wrong declaration would only bury the real error under compile errors.
            if (failed || apis.Length == 0) return;

            var api = apis[0];
            if (options.Side == "Extension")
            {
                output.AddSource("Nooks.Api.Kernel.g.cs", ExtensionEmitter.Emit(api));
            }
            else if (options.Side == "Kernel" && options.GenerateKernelBindings)
            {
                output.AddSource("Nooks.Isolation.Generated.NativeBindings.g.cs", KernelEmitter.EmitNativeBindings(api));
                output.AddSource("Nooks.Isolation.Generated.Wrappers.g.cs", KernelEmitter.EmitWrappers(api));
                output.AddSource("Nooks.Isolation.Generated.KernelApiTable.g.cs", KernelEmitter.EmitTable(api));
                output.AddSource("Nooks.Isolation.Generated.DomainQueueStubs.g.cs", KernelEmitter.EmitDomainQueueStubs(api));
                output.AddSource("Nooks.Isolation.Generated.DeferredCalls.g.cs", KernelEmitter.EmitDeferredCalls(api));
            }
        }
    }

    // Side is null when the project does not set it: the generator then only checks the declaration.
    internal sealed record GeneratorOptions(string? Side, bool GenerateKernelBindings)
    {
        public static GeneratorOptions Read(AnalyzerConfigOptions options)
        {
            options.TryGetValue("build_property." + KernelApiGenerator.ApiSideProperty, out var side);
            options.TryGetValue("build_property." + KernelApiGenerator.KernelBindingsProperty, out var bindings);
            return new GeneratorOptions(
                string.IsNullOrEmpty(side) ? null : side,
                string.Equals(bindings, "true", System.StringComparison.OrdinalIgnoreCase));
        }
    }
}
