using System;
using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Net;

namespace Nooks.Services
{
    // Network drivers attach to the kernel's NetDevices. A driver that fails or is unloaded
    // leaves its NetDevice registered and detached; when it (or a restarted instance) registers
    // again it gets the same interface back, and the kernel replays the interface's
    // configuration (MAC, receive mode, up) once its init has returned.
    public static unsafe partial class KernelServices
    {
        // What a NetDevice's Driver field holds for an extension driver.
        private sealed class NetBinding
        {
            public Extension Owner;
            public NetDeviceOps Ops;
            public long Handle;
            public long Context;
            public bool NeedsReplay;
        }

        public static long RegisterNetDevice(NetDeviceOps* ops, MacAddress* mac, long context)
        {
            Extension caller = Gate.Current;
            NetDeviceOps copy = *ops;
            if (copy.Transmit == null || copy.Open == null || copy.Stop == null) return ApiStatus.Invalid;
            // The wrapper checked the struct is readable; its function pointers are the service's to check.
            if (caller.IsIsolated && (!IsCodeOrNull(caller, copy.Open) || !IsCodeOrNull(caller, copy.Stop) || !IsCodeOrNull(caller, copy.Transmit)
                || !IsCodeOrNull(caller, copy.SetReceiveMode) || !IsCodeOrNull(caller, copy.SetMacAddress))) return ApiStatus.Invalid;
            ulong address = ((ulong)mac->B0 << 40) | ((ulong)mac->B1 << 32) | ((ulong)mac->B2 << 24) | ((ulong)mac->B3 << 16) | ((ulong)mac->B4 << 8) | mac->B5;
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            NetDevice d = NetDevices.FindDetached(caller.Name);
            bool again = d != null;
            if (d == null) d = NetDevices.Create(caller.Name, address);
            if (d == null) { Kernel.Arch.Cpu.RestoreInterrupts(flags); return ApiStatus.Busy; }
            long handle = NetDevices.HandleOf(d);
            var binding = new NetBinding { Owner = caller, Ops = copy, Handle = handle, Context = context, NeedsReplay = true };
            d.Attach(binding, &TransmitThroughDriver, &ControlThroughDriver);
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
            caller.Tracker.Add(ObjectKind.NetDevice, (ulong)handle, CallOrigin.RegisterNetDevice);
            AddEntryPoint(caller, (ulong)copy.Open);
            AddEntryPoint(caller, (ulong)copy.Stop);
            AddEntryPoint(caller, (ulong)copy.Transmit);
            AddEntryPoint(caller, (ulong)copy.SetReceiveMode);
            AddEntryPoint(caller, (ulong)copy.SetMacAddress);
            Span<char> configured = stackalloc char[EthernetAddress.MaxTextLength];
            EthernetAddress.Format(d.Mac, configured);
            if (again && d.Mac != address)
            {
                Span<char> reported = stackalloc char[EthernetAddress.MaxTextLength];
                Kernel.Console.Log.Info("net", $"{d.Name}: {caller.Name} reports {EthernetAddress.Format(address, reported)}; keeping {configured}");
            }
            Kernel.Console.Log.Info("net", $"{d.Name}: {(again ? "re-attached" : "attached")} to {caller.Name} ({ExtensionNames.Of(caller.Mode)}), MAC {configured}");
            return handle;
        }

        private static bool IsCodeOrNull(Extension e, void* function) => function == null || e.Domain.IsCode(function);

        private static void AddEntryPoint(Extension e, ulong address) { if (address != 0) e.Tracker.AddEntryPoint(address, CallOrigin.RegisterNetDevice); }

        public static int UnregisterNetDevice(long device)
        {
            Extension caller = Gate.Current;
            if (!caller.Tracker.Holds(ObjectKind.NetDevice, (ulong)device)) return ApiStatus.BadHandle;
            DetachNetDevice(caller, device);
            caller.Tracker.Remove(ObjectKind.NetDevice, (ulong)device);
            return ApiStatus.Ok;
        }

        private static void DetachNetDevice(Extension owner, long device)
        {
            NetDevice d = NetDevices.ByHandle(device);
            if (d == null || !(d.Driver is NetBinding b) || b.Owner != owner) return;
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            d.Detach();
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
            KernelHeap.FreeObject(b);
            Kernel.Console.Log.Info("net", $"{d.Name}: detached from {owner.Name}; the interface stays configured");
        }

        // A received frame. Native drivers: straight up the stack. Isolated ones: queued in the
        // domain and delivered in one batch when the crossing returns (DeliverFrame).
        public static int ReceiveFrame(long device, byte* frame, int length)
        {
            Extension caller = Gate.Current;
            if (length < 0 || length > EthernetHeader.MaximumFrame + 4) return ApiStatus.Invalid;
            if (!caller.Tracker.Holds(ObjectKind.NetDevice, (ulong)device)) return ApiStatus.BadHandle;
            if (caller.IsIsolated) return DeferReceiveFrame(caller.Domain, device, frame, length);
            return DeliverFrame(device, frame, length);
        }

        public static int DeferReceiveFrame(Domain d, long device, byte* frame, int length)
        {
            if (d.Deferred.EnqueueFrame(device, frame, length)) return ApiStatus.Ok;
            NetDevice n = NetDevices.ByHandle(device);
            if (n != null) n.RxDrops++;
            return ApiStatus.Busy;
        }

        // Delivers a frame to the stack (directly, or from a domain's DeferredQueue).
        public static int DeliverFrame(long device, byte* frame, int length)
        {
            NetDevice d = NetDevices.ByHandle(device);
            if (d == null) return ApiStatus.NoDevice;
            NetStack.Receive(d, new System.ReadOnlySpan<byte>(frame, length));
            return ApiStatus.Ok;
        }

        private static int TransmitThroughDriver(NetDevice d, byte* frame, int length)
        {
            var b = (NetBinding)d.Driver;
            return TransmitPacket(b.Owner, (ulong)b.Ops.Transmit, b.Handle, frame, length);
        }

        private static int ControlThroughDriver(NetDevice d, int request, long argument)
        {
            var b = (NetBinding)d.Driver;
            ulong fn = request switch
            {
                NetControl.Open => (ulong)b.Ops.Open,
                NetControl.Stop => (ulong)b.Ops.Stop,
                NetControl.SetReceiveMode => (ulong)b.Ops.SetReceiveMode,
                NetControl.SetMacAddress => (ulong)b.Ops.SetMacAddress,
                _ => 0,
            };
            if (fn == 0) return request == NetControl.SetMacAddress ? ApiStatus.Ok : ApiStatus.NotSupported;
            return (int)Gate.Call(b.Owner, fn, b.Handle, argument);
        }

        // After an extension's init returned: replay the configuration of interfaces it attached.
        public static void AfterInit(Extension ext)
        {
            for (int i = 0; i < NetDevices.Count; i++)
            {
                NetDevice d = NetDevices.At(i);
                if (!(d.Driver is NetBinding b) || b.Owner != ext || !b.NeedsReplay) continue;
                b.NeedsReplay = false;
                ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
                d.Replay();
                Kernel.Arch.Cpu.RestoreInterrupts(flags);
            }
        }
    }
}
