using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace Nooks.HostTests.KernelApi;

// The generated kernel side with the test doubles, compiled and loaded into this process, so
// that tests can call wrappers through the addresses the table hands the loader.
public sealed class LoadedKernelSide
{
    public delegate int IndexOfFunction(ReadOnlySpan<byte> symbol);

    private readonly Assembly _assembly;
    private readonly Type _table;

    public LoadedKernelSide()
    {
        var run = GeneratorRun.Kernel(KernelSideDoubles.Isolation, KernelSideDoubles.Services);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        image.Position = 0;
        // Not collectible: the runtime refuses UnmanagedCallersOnly methods in collectible contexts.
        _assembly = new AssemblyLoadContext("NooksKernelSide").LoadFromStream(image);
        _table = Type("Nooks.Isolation.Generated.KernelApiTable");
    }

    public List<string> Events => (List<string>)Type("Nooks.Isolation.Trace").GetField("Events")!.GetValue(null)!;

    // Starts a call with an empty trace; `refuse` names the one domain check that fails.
    public void Reset(string refuse = "")
    {
        Events.Clear();
        Type("Nooks.Isolation.Trace").GetField("Refuse")!.SetValue(null, refuse);
    }

    public int CallCount => (int)_table.GetField("CallCount")!.GetValue(null)!;

    public string? CallName(int index) => (string?)Invoke("CallName", index);

    public int IndexOf(string symbol) =>
        _table.GetMethod("IndexOf")!.CreateDelegate<IndexOfFunction>()(Encoding.ASCII.GetBytes(symbol));

    public ulong WrapperAddress(string symbol) => (ulong)Invoke("WrapperAddress", IndexOf(symbol))!;

    public ulong NativeAddress(string symbol) => (ulong)Invoke("NativeAddress", IndexOf(symbol))!;

    public ulong DomainQueueAddress(string symbol) => (ulong)Invoke("DomainQueueAddress", IndexOf(symbol))!;

    // Takes over one entry of a domain's deferred-call ring: null, or what was wrong with it.
    public string? TakeOver(long call, long a0, long a1 = 0, long a2 = 0)
    {
        var domain = Type("Nooks.Isolation.Gate").GetField("Current")!.GetValue(null);
        return (string?)Type("Nooks.Isolation.Generated.DeferredCalls").GetMethod("Run", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [domain, call, a0, a1, a2]);
    }

    private object? Invoke(string method, int index) => _table.GetMethod(method)!.Invoke(null, [index]);

    private Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;
}
