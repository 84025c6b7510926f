using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Net;
using Nooks.Packets;

namespace Nooks.Services
{
    // Packet buffers: every packet an extension holds is a tracked Packet object (allocated, or
    // handed to it to transmit); handing one up the stack or freeing it gives it back. Isolated
    // extensions' receives and frees wait in the domain's DeferredQueue until the crossing
    // returns, with the packet already the kernel's.
    public static unsafe partial class KernelServices
    {
        public static long AllocatePacket(PacketInfo* info)
        {
            Extension caller = Gate.Current;
            long handle = TakePacket(caller, CallOrigin.AllocatePacket);
            if (handle != 0) *info = *(PacketInfo*)handle;
            return handle;
        }

        // A packet of the extension's pool, now held and tracked by it; 0 if none can be had.
        private static long TakePacket(Extension owner, int origin)
        {
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            owner.Packets ??= new PacketPool();
            int slot = owner.Packets.Take(owner);
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
            if (slot < 0) return 0;
            long handle = owner.Packets.HandleOf(slot);
            owner.Tracker.Add(ObjectKind.Packet, (ulong)handle, origin, PacketInfo.Size);
            return handle;
        }

        // Native drivers: back to the pool at once.
        public static int FreePacket(long packet)
        {
            Extension caller = Gate.Current;
            int slot = HeldSlot(caller, packet);
            if (slot < 0) return ApiStatus.BadHandle;
            caller.Tracker.Remove(ObjectKind.Packet, (ulong)packet);
            caller.Packets.Move(slot, PacketOwner.Extension, PacketOwner.Pool);
            return ApiStatus.Ok;
        }

        // Isolated drivers (the wrapper found the packet held): the kernel's now, back in the
        // pool when the crossing returns.
        public static int DeferFreePacket(Domain d, long packet)
        {
            Extension owner = d.Owner;
            int slot = HeldSlot(owner, packet);
            if (slot < 0) return ApiStatus.BadHandle;
            owner.Tracker.Remove(ObjectKind.Packet, (ulong)packet);
            owner.Packets.Move(slot, PacketOwner.Extension, PacketOwner.Kernel);
            // A free has nothing to wait for: with the queue full it is done now.
            if (!d.Deferred.EnqueueFree(slot)) owner.Packets.Move(slot, PacketOwner.Kernel, PacketOwner.Pool);
            return ApiStatus.Ok;
        }

        // Native drivers: the stack reads the frame in place, then the packet is free.
        public static int ReceivePacket(long device, long packet, int length)
        {
            Extension caller = Gate.Current;
            int slot = HeldSlot(caller, packet);
            if (slot < 0 || !caller.Tracker.Holds(ObjectKind.NetDevice, (ulong)device)) return ApiStatus.BadHandle;
            if (length < 0 || length > PacketInfo.MaxFrame) return ApiStatus.Invalid;
            caller.Tracker.Remove(ObjectKind.Packet, (ulong)packet);
            caller.Packets.Move(slot, PacketOwner.Extension, PacketOwner.Kernel);
            DeliverPacket(caller, device, slot, length);
            return ApiStatus.Ok;
        }

        // Isolated drivers (the wrapper checked the handles and the length): queued, the
        // packet the kernel's from now on.
        public static int DeferReceivePacket(Domain d, long device, long packet, int length)
        {
            Extension owner = d.Owner;
            int slot = HeldSlot(owner, packet);
            if (slot < 0) return ApiStatus.BadHandle;
            owner.Tracker.Remove(ObjectKind.Packet, (ulong)packet);
            owner.Packets.Move(slot, PacketOwner.Extension, PacketOwner.Kernel);
            if (d.Deferred.EnqueuePacket(device, slot, length)) return ApiStatus.Ok;
            NetDevice n = NetDevices.ByHandle(device);
            if (n != null) n.RxDrops++;
            owner.Packets.Move(slot, PacketOwner.Kernel, PacketOwner.Pool);
            return ApiStatus.Busy;
        }

        // Up the stack straight from the packet, which then goes back to the pool.
        public static void DeliverPacket(Extension owner, long device, int slot, int length)
        {
            NetDevice d = NetDevices.ByHandle(device);
            if (d != null) NetStack.Receive(d, new System.ReadOnlySpan<byte>(owner.Packets.Data(slot), length));
            owner.Packets.Move(slot, PacketOwner.Kernel, PacketOwner.Pool);
        }

        public static void ReturnPacket(Extension owner, int slot) => owner.Packets.Move(slot, PacketOwner.Kernel, PacketOwner.Pool);

        // The slot of a packet the extension holds, or -1.
        private static int HeldSlot(Extension owner, long packet)
        {
            if (owner.Packets == null || !owner.Tracker.Holds(ObjectKind.Packet, (ulong)packet)) return -1;
            int slot = owner.Packets.SlotOf(packet);
            return owner.Packets.OwnerOf(slot) == PacketOwner.Extension ? slot : -1;
        }

        // Transmit: the frame is copied into a packet of the driver's pool, which the driver then
        // holds (in flight) until it frees it; a driver that refuses the packet gives it back.
        private static int TransmitPacket(Extension owner, ulong transmit, long device, byte* frame, int length)
        {
            if (owner.State != ExtensionState.Running && owner.State != ExtensionState.Loading) return ApiStatus.ExtensionFailed;
            if (length < 0 || length > PacketInfo.MaxFrame) return ApiStatus.Invalid;
            long packet = TakePacket(owner, CallOrigin.Transmit);
            if (packet == 0) return ApiStatus.NoMemory;
            int slot = owner.Packets.SlotOf(packet);
            byte* data = owner.Packets.Data(slot);
            for (int i = 0; i < length; i++) data[i] = frame[i];
            int r = (int)Gate.Call(owner, transmit, device, packet, length);
            // A driver that failed during the call is released whole by recovery, which may
            // already have run; one that refused the packet still holds it.
            if (r < 0 && r != ApiStatus.ExtensionFailed && HeldSlot(owner, packet) == slot)
            {
                owner.Tracker.Remove(ObjectKind.Packet, (ulong)packet);
                owner.Packets.Move(slot, PacketOwner.Extension, PacketOwner.Pool);
            }
            return r;
        }

        // Recovery and unload; the device was quiesced first (QuiesceDevice), so it writes into
        // no packet, held or not, any more.
        private static void ReleasePacket(Extension owner, long packet)
        {
            int slot = owner.Packets != null ? owner.Packets.SlotOf(packet) : -1;
            if (slot >= 0) owner.Packets.Move(slot, PacketOwner.Extension, PacketOwner.Pool);
        }

        public static void ReleasePacketPool(Extension owner)
        {
            if (owner.Packets == null) return;
            owner.Packets.Destroy(owner);
            owner.Packets = null;
        }
    }
}
