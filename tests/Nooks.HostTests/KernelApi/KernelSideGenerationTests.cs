namespace Nooks.HostTests.KernelApi;

// The kernel side over the real declaration: it must compile against Gate/Domain/ObjectTracker/
// KernelServices with the agreed signatures, and say what the attributes say.
public class KernelSideGenerationTests
{
    private const string Wrappers = "Nooks.Isolation.Generated.Wrappers.g.cs";
    private const string Bindings = "Nooks.Isolation.Generated.NativeBindings.g.cs";
    private const string Table = "Nooks.Isolation.Generated.KernelApiTable.g.cs";
    private const string DomainQueueStubs = "Nooks.Isolation.Generated.DomainQueueStubs.g.cs";
    private const string DeferredCalls = "Nooks.Isolation.Generated.DeferredCalls.g.cs";

    private static readonly GeneratorRun Run = GeneratorRun.Kernel(KernelSideDoubles.Isolation, KernelSideDoubles.Services);

    [Fact]
    public void GeneratesBindingsWrappersAndTableThatCompile()
    {
        Assert.Empty(Run.GeneratorDiagnostics);
        Assert.Empty(Run.CompileErrors);
        Assert.Equal([DeferredCalls, DomainQueueStubs, Table, Bindings, Wrappers], Run.Generated.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BufferIsCheckedAfterItsLengthIsBounded()
    {
        Assert.Equal("""
            [global::System.Runtime.InteropServices.UnmanagedCallersOnly]
            internal static void Log(global::Nooks.Api.LogLevel level, byte* text, int length)
            {
                var __domain = global::Nooks.Isolation.Gate.EnterKernel(0);
                if (!(0 <= length && length <= 1024))
                    global::Nooks.Isolation.Gate.BadCall(__domain, 0, "nk_log: length is not in 0..1024");
                else if (!(__domain.CanRead(text, length)))
                    global::Nooks.Isolation.Gate.BadCall(__domain, 0, "nk_log: text is not readable for length bytes");
                else
                {
                    global::Nooks.Services.KernelServices.Log(level, text, length);
                }
                global::Nooks.Isolation.Gate.LeaveKernel(__domain);
            }
            """, Run.Member(Wrappers, "[global::System.Runtime.InteropServices.UnmanagedCallersOnly]"));
    }

    [Fact]
    public void HandleMustBeHeldByTheCaller()
    {
        string free = Run.Member(Wrappers, "internal static int Free(");
        Assert.Contains("if (!(__domain.Tracker.Holds(global::Nooks.Api.ObjectKind.Memory, (ulong)memory)))", free);
        Assert.Contains("\"nk_free: memory is not a Memory the extension holds\"", free);
    }

    // The services track what they create and release, for native callers too.
    [Fact]
    public void WrappersCheckButDoNotTrack()
    {
        string wrappers = Run.Source(Wrappers);
        Assert.Contains(".Tracker.Holds(", wrappers);
        Assert.DoesNotContain(".Tracker.Add", wrappers);
        Assert.DoesNotContain(".Tracker.Remove", wrappers);
    }

    [Fact]
    public void EntryPointMustBeExtensionCode()
    {
        string register = Run.Member(Wrappers, "internal static long RegisterIrq(");
        Assert.Contains("if (!(__domain.IsCode((void*)handler)))", register);
        Assert.Contains("\"nk_irq_register: handler is not code of the extension\"", register);
    }

    [Fact]
    public void DeferrableCallIsQueuedInTheDomainButBoundDirectlyInNativeMode()
    {
        Assert.Contains("__result = global::Nooks.Services.KernelServices.DeferReceiveFrame(__domain, device, frame, length);",
            Run.Member(Wrappers, "internal static int ReceiveFrame("));
        Assert.Contains("internal static int ReceiveFrame(long device, byte* frame, int length) => global::Nooks.Services.KernelServices.ReceiveFrame(device, frame, length);",
            Run.Source(Bindings));
    }

    [Fact]
    public void MayBlockCallIsRefusedUnderALock() =>
        Assert.Contains("else if (!(__domain.MayBlock()))", Run.Member(Wrappers, "internal static int Delay("));

    [Fact]
    public void KeywordParameterIsEscaped() =>
        Assert.Contains("__domain.Tracker.Holds(global::Nooks.Api.ObjectKind.Lock, (ulong)@lock)",
            Run.Member(Wrappers, "internal static int AcquireLock("));

    [Fact]
    public void TableLooksUpSymbolsByLengthThenBytes()
    {
        string table = Run.Source(Table);
        Assert.Contains("public const int Version = 2;", table);
        Assert.Contains($"public const int CallCount = {GeneratorRun.DeclaredCallCount()};", table);
        Assert.Contains("""
                    case 7:
                        if (symbol[0] == (byte)'n' && symbol[1] == (byte)'k' && symbol[2] == (byte)'_' && symbol[3] == (byte)'f' && symbol[4] == (byte)'r' && symbol[5] == (byte)'e' && symbol[6] == (byte)'e') return 4;
                        if (symbol[0] == (byte)'n' && symbol[1] == (byte)'k' && symbol[2] == (byte)'_' && symbol[3] == (byte)'f' && symbol[4] == (byte)'a' && symbol[5] == (byte)'i' && symbol[6] == (byte)'l') return 27;
                        return -1;
            """, Run.Member(Table, "public static int IndexOf("));
        Assert.Contains("case 4: return (ulong)(delegate* unmanaged<void*, int>)&Wrappers.Free;", table);
        Assert.Contains("case 4: return (ulong)(delegate* unmanaged<void*, int>)&NativeBindings.Free;", table);
    }

    [Fact]
    public void MissingKernelServiceIsACompileError()
    {
        var run = GeneratorRun.Kernel(KernelSideDoubles.Isolation, KernelSideDoubles.Services.Replace(
            "public static ulong UptimeNanoseconds() => 1;", "", StringComparison.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompileErrors, e => e.Id == "CS0117" && e.GetMessage().Contains("UptimeNanoseconds"));
    }

    [Fact]
    public void NothingIsGeneratedUntilKernelBindingsAreSwitchedOn()
    {
        var run = GeneratorRun.Run(GeneratorRun.ApiSources(), new() { ["NooksApiSide"] = "Kernel" });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Generated);
    }
}
