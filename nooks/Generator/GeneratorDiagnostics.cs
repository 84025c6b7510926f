using Microsoft.CodeAnalysis;

namespace Nooks.Generator
{
    // Mistakes in the API declaration. Each is an error: a wrong declaration would otherwise
    // become a wrapper that checks the wrong thing, which is worse than no build.
    internal static class GeneratorDiagnostics
    {
        private const string Category = "Nooks.KernelApi";

        public static readonly DiagnosticDescriptor UnknownLengthParameter = new DiagnosticDescriptor(
            "NK0001", "Buffer length names no integer parameter",
            "{0}: [{1}(\"{2}\")] on '{3}' names '{2}', which is not an integer parameter of {4}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor AttributeDoesNotFitType = new DiagnosticDescriptor(
            "NK0002", "API attribute on a type it cannot check",
            "{0}: [{1}] on '{2}' needs {3}, but the type is {4}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor DuplicateSymbol = new DiagnosticDescriptor(
            "NK0003", "Two kernel calls with the same symbol",
            "{0}: symbol '{1}' is already the symbol of {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NonBlittableType = new DiagnosticDescriptor(
            "NK0004", "Type cannot cross the kernel/extension boundary",
            "{0}: '{1}' has type {2}, which cannot cross between images; use primitives, pointers, unmanaged function pointers, or enums and structs from Nooks.Api",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor BadKernelCall = new DiagnosticDescriptor(
            "NK0005", "Kernel call without a usable symbol",
            "{0} needs [KernelCall(\"symbol\")] with a C identifier as its symbol",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnknownApiSide = new DiagnosticDescriptor(
            "NK0006", "Unknown NooksApiSide",
            "NooksApiSide is '{0}'; it must be Kernel or Extension",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor MoreThanOneApi = new DiagnosticDescriptor(
            "NK0007", "More than one [KernelApi] interface",
            "{0} is marked [KernelApi], but {1} already declares the kernel API",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
