using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;

using Nooks.Kernel.Memory;

namespace Nooks.Services
{
    // The kernel's implementation of each call in nooks/Api/IKernelApi.cs, with exactly the
    // declared signatures. Native extensions reach these directly; isolated ones through the
    // generated wrappers, which have already checked every argument against the caller's domain.
    // `Gate.Current` is the calling extension. The services themselves record in the caller's
    // object tracker what they hand out and take back (for native extensions too, so that
    // unloading one releases everything); wrappers only check.
    public static unsafe partial class KernelServices
    {
        private const int MaxLogLine = 1024;

        public static void Log(Api.LogLevel level, byte* text, int length)
        {
            Extension caller = Gate.Current;
            if (length < 0 || length > MaxLogLine) length = MaxLogLine;
            System.Span<char> chars = stackalloc char[length];
            for (int i = 0; i < length; i++) chars[i] = text[i] >= 0x20 && text[i] < 0x7F ? (char)text[i] : '?';
            string message = new string(chars);
            Kernel.Console.Log.Write((Kernel.Console.LogLevel)(int)level, caller != null ? caller.Name : "extension", message);
            KernelHeap.FreeObject(message);
        }

        public static ulong UptimeNanoseconds() => Kernel.Console.Log.Now();

        public static void* Allocate(long bytes)
        {
            Extension caller = Gate.Current;
            if (bytes <= 0) return null;
            ulong pages = PageSize.AlignUp((ulong)bytes) / PageSize.Small;
            ulong address = ExtensionArea.Reserve(pages * PageSize.Small);
            if (!ExtensionMemory.MapFresh(caller, address, pages, PageFlags.KernelData)) return null;
            caller.Tracker.Add(ObjectKind.Memory, address, CallOrigin.Allocate, pages * PageSize.Small);
            return (void*)address;
        }

        public static int Free(void* memory)
        {
            Extension caller = Gate.Current;
            ulong size = caller.Tracker.SizeOf(ObjectKind.Memory, (ulong)memory);
            if (size == 0) return ApiStatus.BadHandle;
            ExtensionMemory.Unmap(caller, (ulong)memory, size / PageSize.Small);
            caller.Tracker.Remove(ObjectKind.Memory, (ulong)memory);
            return ApiStatus.Ok;
        }

        public static long RegisterCommand(byte* name, int nameLength, delegate* unmanaged<byte*, int, byte*, int, int> handler)
        {
            Extension caller = Gate.Current;
            if (nameLength <= 0) return ApiStatus.Invalid;
            System.Span<char> chars = stackalloc char[nameLength];
            for (int i = 0; i < nameLength; i++)
            {
                byte c = name[i];
                if (c <= ' ' || c >= 0x7F) return ApiStatus.Invalid;
                chars[i] = (char)c;
            }
            long command = Commands.KernelCommands.RegisterExtension(caller, new string(chars), (ulong)handler);
            if (command > 0)
            {
                caller.Tracker.Add(ObjectKind.Command, (ulong)command, CallOrigin.RegisterCommand);
                caller.Tracker.AddEntryPoint((ulong)handler, CallOrigin.RegisterCommand);
            }
            return command;
        }

        public static void Fail(int exceptionKind)
        {
            Extension caller = Gate.Current;
            Gate.ManagedFailure(caller, $"managed exception: {Internal.Runtime.ExceptionNames.Of((Internal.Runtime.ExceptionKind)exceptionKind)}");
        }

        // Releases a tracked object of a kind whose service lives in another file.
        public static void Release(Extension owner, Tracking.TrackedObject o)
        {
            switch (o.Kind)
            {
                case ObjectKind.Lock: ReleaseLockObject(owner, (long)o.Value); break;
                case ObjectKind.WaitQueue: ReleaseWaitQueue(owner, (long)o.Value); break;
                case ObjectKind.Timer: ReleaseTimer(owner, (long)o.Value); break;
                case ObjectKind.Irq: ReleaseIrq(owner, (long)o.Value); break;
                case ObjectKind.NetDevice: DetachNetDevice(owner, (long)o.Value); break;
                case ObjectKind.Packet: ReleasePacket(owner, (long)o.Value); break;
                case ObjectKind.MmioMapping:
                case ObjectKind.DmaBuffer: ReleaseDeviceObject(owner, o); break;
                default: Kernel.Console.Log.Warn("nooks", $"{owner.Name}: no release rule for a tracked object of kind {(int)o.Kind}"); break;
            }
        }
    }
}
