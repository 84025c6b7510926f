using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Nooks.HostTests.KernelApi;

// Mistakes in the declaration are reported where they are, and no code is generated from them.
public class DeclarationDiagnosticsTests
{
    [Fact]
    public void LengthParameterThatDoesNotExist()
    {
        var sources = GeneratorRun.ApiSourcesWith("[InBuffer(\"length\")] byte* text", "[InBuffer(\"size\")] byte* text");
        var error = SingleError(sources);
        Assert.Equal("NK0001", error.Id);
        Assert.Equal("IKernelApi.Log: [InBuffer(\"size\")] on 'text' names 'size', which is not an integer parameter of Log", error.GetMessage());
        Assert.Equal(PositionOf(sources, "InBuffer(\"size\")"), error.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void LengthParameterThatIsNotAnInteger()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith(
            "[InBuffer(\"nameLength\")] byte* name", "[InBuffer(\"handler\")] byte* name"));
        Assert.Equal("NK0001", error.Id);
    }

    [Fact]
    public void BufferAttributeOnANonPointer()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith(
            "[InBuffer(\"length\")] byte* text", "[InBuffer(\"length\")] long text"));
        Assert.Equal("NK0002", error.Id);
        Assert.Equal("IKernelApi.Log: [InBuffer] on 'text' needs a pointer, but the type is long", error.GetMessage());
    }

    [Fact]
    public void StructAttributeOnAVoidPointer()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith(
            "[OutStruct] PciDeviceInfo* info", "[OutStruct] void* info"));
        Assert.Equal("NK0002", error.Id);
        Assert.Contains("[OutStruct] on 'info' needs a pointer to a struct or primitive, but the type is void*", error.GetMessage());
    }

    [Fact]
    public void EntryPointThatIsNotAFunctionPointer()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith(
            "[EntryPoint] delegate* unmanaged<long, void> handler", "[EntryPoint] void* handler"));
        Assert.Equal("NK0002", error.Id);
        Assert.Contains("[EntryPoint] on 'handler' needs an unmanaged function pointer", error.GetMessage());
    }

    [Fact]
    public void TwoCallsWithTheSameSymbol()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith("[KernelCall(\"nk_free\")]", "[KernelCall(\"nk_alloc\")]"));
        Assert.Equal("NK0003", error.Id);
        Assert.Equal("IKernelApi.Free: symbol 'nk_alloc' is already the symbol of IKernelApi.Allocate", error.GetMessage());
    }

    [Fact]
    public void NonBlittableParameter()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith("void Fail(int exceptionKind);", "void Fail(string exceptionKind);"));
        Assert.Equal("NK0004", error.Id);
        Assert.StartsWith("IKernelApi.Fail: 'exceptionKind' has type string, which cannot cross between images", error.GetMessage());
    }

    [Theory]
    [InlineData("bool")]
    [InlineData("char")]
    [InlineData("System.DateTime")]
    [InlineData("delegate*<int, void>")]
    [InlineData("ref int")]
    public void OtherTypesThatCannotCross(string type)
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith("void Fail(int exceptionKind);", $"void Fail({type} exceptionKind);"));
        Assert.Equal("NK0004", error.Id);
    }

    [Fact]
    public void NonBlittableResult()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith("ulong UptimeNanoseconds();", "object UptimeNanoseconds();"));
        Assert.Equal("NK0004", error.Id);
        Assert.Contains("'result' has type object", error.GetMessage());
    }

    [Fact]
    public void CallWithoutASymbol()
    {
        var error = SingleError(GeneratorRun.ApiSourcesWith("[KernelCall(\"nk_fail\")]", "[KernelCall(\"nk fail\")]"));
        Assert.Equal("NK0005", error.Id);
        Assert.Equal("IKernelApi.Fail needs [KernelCall(\"symbol\")] with a C identifier as its symbol", error.GetMessage());
    }

    [Fact]
    public void UnknownApiSide()
    {
        var run = GeneratorRun.Run(GeneratorRun.ApiSources(), new() { ["NooksApiSide"] = "Both" });
        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NK0006", error.Id);
        Assert.Empty(run.Generated);
    }

    [Fact]
    public void SecondKernelApiInterface()
    {
        var sources = GeneratorRun.ApiSources().Append("namespace Nooks.Api { [KernelApi(2)] public interface IMoreKernelApi { } }");
        var error = SingleError(sources.ToArray());
        Assert.Equal("NK0007", error.Id);
        Assert.Equal("IMoreKernelApi is marked [KernelApi], but IKernelApi already declares the kernel API", error.GetMessage());
    }

    // Reported on both sides; nothing is generated from a declaration with an error.
    private static Diagnostic SingleError(string[] sources)
    {
        Diagnostic? first = null;
        foreach (var side in new[] { "Extension", "Kernel" })
        {
            var run = GeneratorRun.Run(sources, new() { ["NooksApiSide"] = side, ["NooksGenerateKernelBindings"] = "true" });
            var error = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Empty(run.Generated);
            first ??= error;
        }
        return first!;
    }

    private static LinePosition PositionOf(string[] sources, string text)
    {
        var lines = sources.Single(s => s.Contains(text, StringComparison.Ordinal)).Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return new LinePosition(line, lines[line].IndexOf(text, StringComparison.Ordinal));
    }
}
