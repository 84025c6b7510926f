namespace Nooks.HostTests.KernelApi;

// Stand-ins for the kernel's Gate, Domain, ObjectTracker and KernelServices (nooks/), with the
// signatures the generated code calls. Every step is appended to Trace.Events, and
// Trace.Refuse names the one domain check that answers false, so a test can run a wrapper and
// read what it did. BadCall returns here (the real one unwinds the domain), which lets the
// test see that the wrapper still leaves the kernel.
public static class KernelSideDoubles
{
    public const string Isolation = """
        using System.Collections.Generic;
        using Nooks.Api;

        namespace Nooks.Isolation
        {
            public static class Trace
            {
                public static List<string> Events = new List<string>();
                public static string Refuse = "";
                public static bool Answer(string check, string detail)
                {
                    Events.Add(check + " " + detail);
                    return Refuse != check;
                }
            }

            public static class Gate
            {
                public static readonly Domain Current = new Domain();
                public static Domain EnterKernel(int call) { Trace.Events.Add("EnterKernel " + call); return Current; }
                public static void LeaveKernel(Domain domain) => Trace.Events.Add("LeaveKernel");
                public static void BadCall(Domain domain, int call, string reason) => Trace.Events.Add("BadCall " + call + " " + reason);
            }

            public sealed unsafe class Domain
            {
                public readonly ObjectTracker Tracker = new ObjectTracker();
                public bool CanRead(void* address, long bytes) => Trace.Answer("CanRead", (ulong)address + " " + bytes);
                public bool CanWrite(void* address, long bytes) => Trace.Answer("CanWrite", (ulong)address + " " + bytes);
                public bool IsCode(void* address) => Trace.Answer("IsCode", ((ulong)address).ToString());
                public bool MayBlock() => Trace.Answer("MayBlock", "");
            }

            public static class DomainQueue
            {
                public static int Append(int call, long a0, long a1, long a2)
                {
                    Trace.Events.Add("Append " + call + " " + a0 + " " + a1 + " " + a2);
                    return ApiStatus.Ok;
                }
            }

            public static class Statistics
            {
                public static void CountQueued(int call) => Trace.Events.Add("CountQueued " + call);
            }

            public sealed class ObjectTracker
            {
                public bool Holds(ObjectKind kind, ulong value) => Trace.Answer("Holds", kind + " " + value);
            }
        }
        """;

    // One implementation per declared call, as nooks/Services must have; Defer* for Deferrable calls.
    public const string Services = """
        using Nooks.Api;
        using Nooks.Isolation;

        namespace Nooks.Services
        {
            public static unsafe partial class KernelServices
            {
                public static void Log(LogLevel level, byte* text, int length) => Trace.Events.Add("Log " + level + " " + length);
                public static ulong UptimeNanoseconds() => 1;
                public static int Delay(int microseconds) => 0;
                public static void* Allocate(long bytes) { Trace.Events.Add("Allocate " + bytes); return (void*)0x5000; }
                public static int Free(void* memory) { Trace.Events.Add("Free " + (ulong)memory); return ApiStatus.Ok; }
                public static void* AllocateDma(long bytes, ulong* physical) => null;
                public static int FreeDma(void* buffer) => 0;
                public static int GetPciDevice(PciDeviceInfo* info) => 0;
                public static int ReadPciConfig(int offset, int size, uint* value) => 0;
                public static int WritePciConfig(int offset, int size, uint value) => 0;
                public static int EnableBusMastering() => 0;
                public static void* MapMmio(int bar) => null;
                public static int ReadPort(ushort port, int size, uint* value) => 0;
                public static int WritePort(ushort port, int size, uint value) => 0;
                public static long RegisterIrq(delegate* unmanaged<long, void> handler, long context) { Trace.Events.Add("RegisterIrq " + context); return 7; }
                public static int UnregisterIrq(long irq) => 0;
                public static long CreateTimer(delegate* unmanaged<long, void> callback, long context) => 1;
                public static int ArmTimer(long timer, int milliseconds) => 0;
                public static int DestroyTimer(long timer) => 0;
                public static long CreateLock() => 1;
                public static int AcquireLock(long @lock) => 0;
                public static int ReleaseLock(long @lock) => 0;
                public static int DestroyLock(long @lock) => 0;
                public static long RegisterNetDevice(NetDeviceOps* ops, MacAddress* mac, long context) => 1;
                public static int UnregisterNetDevice(long device) => 0;
                public static int ReceiveFrame(long device, byte* frame, int length) { Trace.Events.Add("ReceiveFrame " + length); return 0; }
                public static int DeferReceiveFrame(Domain domain, long device, byte* frame, int length) { Trace.Events.Add("DeferReceiveFrame " + length); return 0; }
                public static long RegisterCommand(byte* name, int nameLength, delegate* unmanaged<byte*, int, byte*, int, int> handler) => 1;
                public static void Fail(int exceptionKind) { }
                public static long CreateWaitQueue() => 1;
                public static int WaitOnQueue(long queue, int timeoutMilliseconds) { Trace.Events.Add("WaitOnQueue " + timeoutMilliseconds); return 0; }
                public static int WakeQueue(long queue, int count) => 0;
                public static int DestroyWaitQueue(long queue) => 0;
                public static long AllocatePacket(PacketInfo* info) { Trace.Events.Add("AllocatePacket"); return 0x6000; }
                public static int FreePacket(long packet) { Trace.Events.Add("FreePacket " + packet); return 0; }
                public static int DeferFreePacket(Domain domain, long packet) { Trace.Events.Add("DeferFreePacket " + packet); return 0; }
                public static int ReceivePacket(long device, long packet, int length) { Trace.Events.Add("ReceivePacket " + packet + " " + length); return 0; }
                public static int DeferReceivePacket(Domain domain, long device, long packet, int length) { Trace.Events.Add("DeferReceivePacket " + packet + " " + length); return 0; }
            }
        }
        """;

    // What an extension's core library provides and .NET's reference assemblies do not.
    public const string RuntimeImport = """
        namespace System.Runtime
        {
            public sealed class RuntimeImportAttribute : Attribute
            {
                public RuntimeImportAttribute(string library, string entry) { }
            }
        }
        """;
}
