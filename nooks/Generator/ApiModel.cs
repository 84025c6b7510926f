using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Nooks.Generator
{
    // What the emitters need from the declaration, as plain equatable values: holding symbols or
    // syntax here would keep compilations alive and defeat the generator's cache.

    internal sealed record KernelApiModel(
        string InterfaceName,
        int Version,
        LocationInfo? Location,
        EquatableArray<KernelCall> Calls,
        EquatableArray<DiagnosticInfo> Diagnostics);

    internal enum ResultKind { Void, SignedInteger, UnsignedInteger, Pointer, Other }

    // One kernel call. Index is its position in the declaration: the ABI table, the wrappers'
    // crossing counters and the tracker all name calls by it.
    internal sealed record KernelCall(
        int Index,
        string Name,
        string Symbol,
        string ReturnType,
        ResultKind Result,
        bool Deferrable,
        bool MayBlock,
        EquatableArray<CallParameter> Parameters);

    // Identifier is the parameter as C# source (`@lock`); Name is how messages spell it (`lock`).
    // StructType is the pointee of an [InStruct]/[OutStruct] pointer, for sizeof.
    internal sealed record CallParameter(
        string Identifier,
        string Name,
        string Type,
        string? InBufferLength,
        string? OutBufferLength,
        string? InStructType,
        string? OutStructType,
        TrackedKind? Handle,
        bool IsEntryPoint,
        string? AtMost);

    // An ObjectKind as C# source and as messages name it.
    internal sealed record TrackedKind(string Expression, string Name);

    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public static LocationInfo? From(Location? location) =>
            location is null || location.SourceTree is null
                ? null
                : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }

    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic()
        {
            var arguments = new object[Arguments.Length];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = Arguments[i];
            return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, arguments);
        }
    }
}
