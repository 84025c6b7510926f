namespace Nooks.HostTests.KernelApi;

public class ExtensionSideGenerationTests
{
    private const string Imports = "Nooks.Api.Kernel.g.cs";

    private static readonly GeneratorRun Run = GeneratorRun.Extension(KernelSideDoubles.RuntimeImport);

    [Fact]
    public void GeneratesOnlyTheImportsAndTheyCompile()
    {
        Assert.Empty(Run.GeneratorDiagnostics);
        Assert.Empty(Run.CompileErrors);
        Assert.Equal([Imports], Run.Generated.Keys);
    }

    [Fact]
    public void EachCallIsAnExternBoundToItsSymbolWithoutTheApiAttributes()
    {
        string imports = Run.Source(Imports);
        Assert.Contains("""
                    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.InternalCall), global::System.Runtime.RuntimeImport("*", "nk_log")]
                    public static extern void Log(global::Nooks.Api.LogLevel level, byte* text, int length);
            """, imports);
        Assert.Contains("public static extern long RegisterIrq(delegate* unmanaged<long, void> handler, long context);", imports);
        Assert.Contains("public static extern int AcquireLock(long @lock);", imports);
        Assert.Equal(31, imports.Split("public static extern ").Length - 1);
    }

    [Fact]
    public void ImportsAreCallableFromExtensionCode()
    {
        var run = GeneratorRun.Extension(KernelSideDoubles.RuntimeImport, """
            namespace Driver
            {
                public static unsafe class Probe
                {
                    public static int Start(byte* message) { Nooks.Api.Kernel.Log(Nooks.Api.LogLevel.Info, message, 5); return Nooks.Api.Kernel.EnableBusMastering(); }
                }
            }
            """);
        Assert.Empty(run.CompileErrors);
    }
}
